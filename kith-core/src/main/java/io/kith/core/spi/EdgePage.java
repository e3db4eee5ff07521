package io.kith.core.spi;

import java.util.List;
import java.util.Optional;

/** A page of a list; {@code next} is empty exactly when nothing follows this page. */
public record EdgePage(List<Edge> edges, Optional<Position> next) {
  public EdgePage {
    edges = List.copyOf(edges);
  }
}
