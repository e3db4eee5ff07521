package io.kith.server.internal.api.wire;

/** {@code GET /health} while the store is healthy: {@code {"status": "ok"}}. */
public record Health(String status) {
  public static final Health OK = new Health("ok");
}
