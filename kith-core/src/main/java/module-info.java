/**
 * Kith's domain model, relation rules and store SPI. Deliberately free of infrastructure: storage backends and the
 * HTTP server depend on this module, never the other way round.
 */
@SuppressWarnings("module") // the stores name their modules only in their jars' manifests (Automatic-Module-Name)
module io.kith.core {
  exports io.kith.core;
  exports io.kith.core.relation;
  exports io.kith.core.spi;
  exports io.kith.core.limit;
  exports io.kith.core.query;
  exports io.kith.core.event;
  // The relation rules are how a store is built, not an application API.
  exports io.kith.core.relation.pair to io.kith.store.rocksdb, io.kith.store.cassandra, io.kith.store.tck;

  uses io.kith.core.spi.StoreProvider;
}
