package io.kith.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** A response as tests look at it. {@code json} is null when the body is empty or not JSON. */
public record Reply(int status, HttpHeaders headers, String body, JsonNode json) {
  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public String contentType() {
    return header("content-type");
  }

  public String code() {
    return json == null ? null : json.path("code").asText(null);
  }

  public String field() {
    return json == null ? null : json.path("field").asText(null);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
