package io.kith.bench.driver;

/** How long a store took to load the graph, and how much room the graph takes there. */
public record LoadResult(String store, double seconds, double edgesPerSecond, long footprintBytes,
                         double bytesPerEdge, String footprintKind) {}
