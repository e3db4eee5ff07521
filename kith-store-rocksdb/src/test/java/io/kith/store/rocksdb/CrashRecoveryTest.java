package io.kith.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Counts;
import io.kith.core.Relationship;
import io.kith.core.UserId;
import io.kith.core.spi.EdgeList;
import io.kith.core.spi.KithStore;
import io.kith.store.tck.GraphInvariants;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL and checks, on reopen, that every acknowledged write is there and the
 * invariants hold. Only sync and the WAL stand between an acknowledgement and its loss here.
 */
class CrashRecoveryTest {
  /** More than a few chunks of 256 relations. */
  private static final int FANS = 1200;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedFollowSurvivesSigkill() throws Exception {
    Process child = startChild("follows", "8");
    List<UserId> users = new ArrayList<>();
    Map<String, String[]> begun = new HashMap<>(); // tag -> [op, from, to]
    Map<List<UserId>, Boolean> acknowledged = new HashMap<>(); // pair -> follows, per its last acknowledged op
    Map<List<UserId>, String> inFlight = new HashMap<>(); // pair -> op begun but not acknowledged
    int acks = 0;
    try (BufferedReader lines = reader(child)) {
      String line;
      while ((line = lines.readLine()) != null) {
        String[] parts = line.split(" ");
        switch (parts[0]) {
          case "USERS" -> Arrays.stream(parts[1].split(",")).map(s -> UserId.parse("id", s)).forEach(users::add);
          case "B" -> {
            begun.put(parts[1], parts);
            inFlight.put(pair(parts[3], parts[4]), parts[2]);
          }
          case "A" -> {
            String[] op = begun.remove(parts[1]);
            List<UserId> pair = pair(op[3], op[4]);
            acknowledged.put(pair, op[2].equals("F"));
            inFlight.remove(pair);
            if (++acks == 3_000) {
              // SIGKILL mid-stream. Keep reading: what the child wrote before it died is still in the pipe, and
              // it is the whole record of what the store acknowledged.
              // (Through the handle: Process.destroyForcibly would also close our end of the pipe.)
              child.toHandle().destroyForcibly();
            }
          }
          default -> throw new AssertionError("unexpected line from child: " + line);
        }
      }
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acks).as("the child acknowledged writes before it was killed").isGreaterThan(100);

    try (KithStore store = RocksDbTesting.open(dir, true)) {
      GraphInvariants.assertHold(store, users);
      for (Map.Entry<List<UserId>, Boolean> entry : acknowledged.entrySet()) {
        List<UserId> pair = entry.getKey();
        Relationship actual = store.relationships(pair.get(0), List.of(pair.get(1)), java.time.Instant.now()).getFirst();
        String pending = inFlight.get(pair);
        if (pending == null) {
          assertThat(actual.following()).as("acknowledged state of %s", pair).isEqualTo(entry.getValue());
        } else {
          // The op in flight at the kill may or may not have landed; either outcome is allowed, nothing else.
          assertThat(actual.following()).isIn(entry.getValue(), pending.equals("F"));
        }
      }
    }
  }

  @Test
  void aDeletionCutShortBySigkillIsFinishedOnReopen() throws Exception {
    KilledStep step = killAtAnnouncement("delete", "DELETING");
    UserId doomed = step.target();

    try (KithStore store = RocksDbTesting.open(dir, true)) {
      GraphInvariants.assertHold(store, step.users());
      Set<Counts> fanCounts = new HashSet<>(store.counts(step.users().subList(1, step.users().size())).values());
      if (store.user(doomed).isPresent()) {
        // Killed before the tombstone: nothing of the deletion happened.
        assertThat(store.counts(doomed)).isEqualTo(new Counts(FANS, FANS, FANS));
        assertThat(fanCounts).containsExactly(new Counts(1, 1, 1));
      } else {
        assertThat(store.counts(doomed)).isEqualTo(Counts.ZERO);
        assertThat(fanCounts).containsExactly(Counts.ZERO);
      }
    }
  }

  @Test
  void anApprovalOfPendingRequestsCutShortBySigkillIsFinishedOnReopen() throws Exception {
    KilledStep step = killAtAnnouncement("approve", "APPROVING");
    UserId owner = step.target();

    try (KithStore store = RocksDbTesting.open(dir, true)) {
      GraphInvariants.assertHold(store, step.users());
      long pending = GraphInvariants.readAll(store, EdgeList.REQUESTS_IN, owner).size();
      if (store.user(owner).orElseThrow().isPrivate()) {
        // Killed before the profile write: still private, every request still pending.
        assertThat(pending).isEqualTo(FANS);
        assertThat(store.counts(owner)).isEqualTo(Counts.ZERO);
      } else {
        assertThat(pending).as("reopen finished approving").isZero();
        assertThat(store.counts(owner)).isEqualTo(new Counts(FANS, 0, 0));
      }
    }
  }

  /** The users a child created, and the one whose long write it announced just before it was killed. */
  private record KilledStep(List<UserId> users, UserId target) {}

  /** Runs the child in {@code mode} and kills it with SIGKILL the moment it announces its long write. */
  private KilledStep killAtAnnouncement(String mode, String announcement) throws Exception {
    Process child = startChild(mode, Integer.toString(FANS));
    List<UserId> users = new ArrayList<>();
    UserId target = null;
    try (BufferedReader lines = reader(child)) {
      String line;
      while ((line = lines.readLine()) != null) {
        String[] parts = line.split(" ");
        if (parts[0].equals("USERS")) {
          Arrays.stream(parts[1].split(",")).map(s -> UserId.parse("id", s)).forEach(users::add);
        } else if (parts[0].equals(announcement)) {
          target = UserId.parse("id", parts[1]);
          break;
        }
      }
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(target).as("the child announced %s", announcement).isNotNull();
    return new KilledStep(users, target);
  }

  private Process startChild(String mode, String arg) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), mode, dir.toString(), arg)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static BufferedReader reader(Process child) {
    return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
  }

  private static List<UserId> pair(String from, String to) {
    return List.of(UserId.parse("id", from), UserId.parse("id", to));
  }
}
