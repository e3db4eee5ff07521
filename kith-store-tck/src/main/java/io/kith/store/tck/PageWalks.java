package io.kith.store.tck;

import io.kith.core.UserId;
import io.kith.core.spi.Edge;
import io.kith.core.spi.EdgePage;
import io.kith.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Paging helpers the graph-query contracts and properties share. */
final class PageWalks {
  private PageWalks() {}

  /** Every entry of a paged answer, following its cursors with pages of {@code pageSize}. */
  static List<UserId> walk(Function<PageRequest, EdgePage> pages, int pageSize) {
    List<UserId> all = new ArrayList<>();
    EdgePage page = pages.apply(PageRequest.first(pageSize));
    for (int guard = 0; guard < 1_000; guard++) {
      page.edges().stream().map(Edge::other).forEach(all::add);
      if (page.next().isEmpty()) {
        return all;
      }
      page = pages.apply(PageRequest.after(page.next().get(), pageSize));
    }
    throw new AssertionError("the walk did not end");
  }

  /** The ids with their times, in list order (time desc, then id desc): what a brute-force model expects. */
  static List<UserId> newestFirst(Map<UserId, Long> times) {
    return times.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<UserId, Long> e) -> e.getValue()).reversed()
            .thenComparing(e -> -e.getKey().value()))
        .map(Map.Entry::getKey).toList();
  }
}
