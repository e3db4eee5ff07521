package io.kith.core.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** A storage backend, found through {@link ServiceLoader} by its {@link #name()}. */
public interface StoreProvider {
  /** The name users pick it by, such as {@code rocksdb}. */
  String name();

  /** Opens a store; fails fast on bad configuration with a message naming the setting. */
  KithStore open(StoreConfig config);

  /** The provider called {@code name} among those on the class or module path. */
  static StoreProvider named(String name) {
    List<String> available = new ArrayList<>();
    for (StoreProvider provider : ServiceLoader.load(StoreProvider.class)) {
      if (provider.name().equals(name)) {
        return provider;
      }
      available.add(provider.name());
    }
    throw new IllegalArgumentException("store: " + name + " (expected one of: " + available + ")");
  }
}
