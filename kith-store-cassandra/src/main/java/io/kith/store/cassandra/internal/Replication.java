package io.kith.store.cassandra.internal;

import java.util.regex.Pattern;

/**
 * The {@code replication} setting, turned into the CQL map of {@code CREATE KEYSPACE}:
 * {@code SimpleStrategy:3} or {@code NetworkTopologyStrategy:dc1=3,dc2=3}.
 */
final class Replication {
  private static final Pattern FACTOR = Pattern.compile("[1-9][0-9]?");
  private static final Pattern DATACENTER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final String EXPECTED =
      " (expected: SimpleStrategy:N or NetworkTopologyStrategy:dc1=N[,dc2=N...])";

  private Replication() {}

  static String parse(String text) {
    int colon = text.indexOf(':');
    String strategy = colon < 0 ? text : text.substring(0, colon);
    String rest = colon < 0 ? "" : text.substring(colon + 1);
    switch (strategy) {
      case "SimpleStrategy" -> {
        if (!FACTOR.matcher(rest).matches()) {
          throw new IllegalArgumentException("replication: " + text + EXPECTED);
        }
        return "{'class': 'SimpleStrategy', 'replication_factor': " + rest + "}";
      }
      case "NetworkTopologyStrategy" -> {
        StringBuilder cql = new StringBuilder("{'class': 'NetworkTopologyStrategy'");
        for (String entry : rest.split(",")) {
          String[] parts = entry.trim().split("=");
          if (parts.length != 2 || !DATACENTER.matcher(parts[0]).matches() || !FACTOR.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("replication: " + text + EXPECTED);
          }
          cql.append(", '").append(parts[0]).append("': ").append(parts[1]);
        }
        return cql.append('}').toString();
      }
      default -> throw new IllegalArgumentException("replication: " + text + EXPECTED);
    }
  }
}
