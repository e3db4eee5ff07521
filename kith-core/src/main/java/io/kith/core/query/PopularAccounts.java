package io.kith.core.query;

import io.kith.core.Counts;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The most-followed discoverable public accounts: the cold-start fallback of suggestions. Recomputed by a full scan
 * of users in pages ({@link #refresh()}, run in the background on a schedule), so a request only reads the last
 * result; popularity moves slowly, and a few minutes of staleness is what every product shows anyway.
 */
public final class PopularAccounts {
  private static final int SCAN_PAGE = 1_000;

  private final KithStore store;
  private final int keep;
  private volatile List<Ranked> top = List.of();

  /** One ranked account. */
  public record Ranked(UserId id, long followers) {}

  public PopularAccounts(KithStore store, int keep) {
    this.store = Objects.requireNonNull(store, "store");
    if (keep < 1 || keep > 10_000) {
      throw new IllegalArgumentException("keep: " + keep + " (expected: 1-10000)");
    }
    this.keep = keep;
  }

  /** The current ranking, most followed first. */
  public List<Ranked> top() {
    return top;
  }

  /**
   * Scans every user once and replaces the ranking. Work grows with the number of users: run it off-request. An
   * interrupt stops the scan between pages (keeping the previous ranking), so shutdown need not wait for it.
   */
  public void refresh() {
    PriorityQueue<Ranked> best = new PriorityQueue<>(Comparator.comparingLong(Ranked::followers)
        .thenComparing(r -> -r.id().value()));
    Optional<UserId> after = Optional.empty();
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      List<User> users = store.scanUsers(after, SCAN_PAGE);
      if (users.isEmpty()) {
        break;
      }
      List<UserId> candidates = users.stream().filter(u -> u.discoverable() && !u.isPrivate()).map(User::id).toList();
      Map<UserId, Counts> counts = store.scanCounts(candidates);
      for (UserId id : candidates) {
        long followers = counts.get(id).followers();
        if (followers == 0) {
          continue;
        }
        best.add(new Ranked(id, followers));
        if (best.size() > keep) {
          best.poll();
        }
      }
      after = Optional.of(users.getLast().id());
    }
    List<Ranked> ranked = new ArrayList<>(best);
    ranked.sort(Comparator.comparingLong(Ranked::followers).reversed()
        .thenComparing(r -> r.id().value()));
    top = List.copyOf(ranked);
  }
}
