/**
 * Kith's domain model, relation rules and store SPI. Deliberately free of infrastructure: storage backends and the
 * HTTP server depend on this module, never the other way round.
 */
module io.kith.core {
  exports io.kith.core;
  exports io.kith.core.relation;
  exports io.kith.core.spi;
  exports io.kith.core.limit;
  exports io.kith.core.query;

  uses io.kith.core.spi.StoreProvider;
}
