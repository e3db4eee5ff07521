package io.kith.server.internal.http;

import com.linecorp.armeria.common.AggregatedHttpResponse;

/** An endpoint's logic. It runs on the blocking task executor, so it may call the store and hash passwords. */
@FunctionalInterface
public interface ApiHandler {
  AggregatedHttpResponse handle(ApiRequest request) throws Exception;
}
