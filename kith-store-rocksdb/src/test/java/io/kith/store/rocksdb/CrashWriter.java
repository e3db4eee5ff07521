package io.kith.store.rocksdb;

import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link CrashRecoveryTest}: writes to a sync-on store until it is killed, announcing each
 * operation before it starts ({@code B}) and after the store acknowledged it ({@code A}).
 *
 * <p>Modes: {@code follows DIR THREADS} races follows and unfollows, each thread owning the edges of its own
 * followers so that per-pair order is known; {@code delete DIR FANS} deletes a user with many edges.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    KithStore store = RocksDbTesting.open(Path.of(args[1]), true);
    PrintStream out = new PrintStream(System.out, true);
    IdGenerator ids = IdGenerator.snowflake(3, Clock.systemUTC());
    switch (mode) {
      case "follows" -> races(store, out, ids, Integer.parseInt(args[2]));
      case "delete" -> deleteWhileKilled(store, out, ids, Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("mode: " + mode + " (expected: follows or delete)");
    }
  }

  private static List<UserId> createUsers(KithStore store, IdGenerator ids, int n) {
    List<UserId> users = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      UserId id = ids.next();
      store.createUser(new User(id, new Handle("c" + id), "", "", null, false, Instant.now()), "$argon2id$crash");
      users.add(id);
    }
    return users;
  }

  private static void races(KithStore store, PrintStream out, IdGenerator ids, int threads) throws Exception {
    List<UserId> users = createUsers(store, ids, 24);
    out.println("USERS " + String.join(",", users.stream().map(UserId::toString).toList()));
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int owner = t;
      workers.add(Thread.ofPlatform().start(() -> {
        Random random = new Random(owner);
        for (long seq = 0; ; seq++) {
          // Thread t writes only edges whose follower index is t (mod threads): per-pair order is this loop's.
          int fromIndex = owner + threads * random.nextInt(Math.max(1, (users.size() - owner + threads - 1) / threads));
          if (fromIndex >= users.size()) {
            continue;
          }
          UserId from = users.get(fromIndex);
          UserId to = users.get(random.nextInt(users.size()));
          if (from.equals(to)) {
            continue;
          }
          String op = random.nextInt(3) == 0 ? "U" : "F";
          String tag = owner + "-" + seq;
          out.println("B " + tag + " " + op + " " + from + " " + to);
          if (op.equals("F")) {
            store.follow(from, to, Instant.now());
          } else {
            store.unfollow(from, to);
          }
          out.println("A " + tag);
        }
      }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
  }

  private static void deleteWhileKilled(KithStore store, PrintStream out, IdGenerator ids, int fans)
      throws Exception {
    List<UserId> users = createUsers(store, ids, fans + 1);
    UserId doomed = users.getFirst();
    for (UserId fan : users.subList(1, users.size())) {
      store.follow(fan, doomed, Instant.now());
      store.follow(doomed, fan, Instant.now());
    }
    out.println("USERS " + String.join(",", users.stream().map(UserId::toString).toList()));
    out.println("DELETING " + doomed);
    store.deleteUser(doomed);
    out.println("DELETED " + doomed);
    Thread.sleep(Long.MAX_VALUE);
  }
}
