package io.kith.store.rocksdb;

import io.kith.core.Handle;
import io.kith.core.IdGenerator;
import io.kith.core.ProfileUpdate;
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
 * The child process of {@link CrashRecoveryTest}: writes to a sync-on store until it is killed.
 *
 * <p>Modes: {@code follows DIR THREADS} races follows and unfollows, announcing each operation before it starts
 * ({@code B}) and after the store acknowledged it ({@code A}); each thread owns the edges of its own followers, so
 * per-pair order is known. {@code delete DIR FANS} deletes a user with many edges, and {@code approve DIR FANS}
 * turns a private account with many pending requests public, each announced before it starts.
 */
public final class CrashWriter {
  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    PrintStream out = new PrintStream(System.out, true);
    IdGenerator ids = IdGenerator.snowflake(3, Clock.systemUTC());
    switch (mode) {
      case "follows" -> races(RocksDbTesting.open(dir, true), out, ids, n);
      case "delete" -> {
        List<UserId> users = prepare(dir, out, ids, n, false);
        KithStore store = RocksDbTesting.open(dir, true);
        out.println("DELETING " + users.getFirst());
        store.deleteUser(users.getFirst());
        out.println("DONE");
        Thread.sleep(Long.MAX_VALUE);
      }
      case "approve" -> {
        List<UserId> users = prepare(dir, out, ids, n, true);
        KithStore store = RocksDbTesting.open(dir, true);
        out.println("APPROVING " + users.getFirst());
        store.updateUser(users.getFirst(), ProfileUpdate.none().withPrivate(false));
        out.println("DONE");
        Thread.sleep(Long.MAX_VALUE);
      }
      default -> throw new IllegalArgumentException("mode: " + mode + " (expected: follows, delete or approve)");
    }
  }

  /**
   * Creates a first user with {@code fans} followers it follows back (or, if private, {@code fans} pending requests),
   * without fsync per write: a clean close makes the set-up durable, and only the step that gets killed needs sync.
   */
  private static List<UserId> prepare(Path dir, PrintStream out, IdGenerator ids, int fans, boolean isPrivate) {
    try (KithStore store = RocksDbTesting.open(dir, false)) {
      List<UserId> users = createUsers(store, ids, fans + 1);
      UserId first = users.getFirst();
      store.updateUser(first, ProfileUpdate.none().withPrivate(isPrivate));
      for (UserId fan : users.subList(1, users.size())) {
        store.follow(fan, first, Instant.now());
        if (!isPrivate) {
          store.follow(first, fan, Instant.now());
        }
      }
      out.println("USERS " + String.join(",", users.stream().map(UserId::toString).toList()));
      return users;
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
        List<UserId> mine = new ArrayList<>();
        for (int i = owner; i < users.size(); i += threads) {
          mine.add(users.get(i)); // thread t writes only edges whose follower index is t (mod threads)
        }
        for (long seq = 0; ; seq++) {
          UserId from = mine.get(random.nextInt(mine.size()));
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
}
