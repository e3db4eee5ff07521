package io.kith.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A thin JSON client for one running server, with helpers for the steps most tests repeat. */
public final class TestApi {
  public static final String PASSWORD = "correct horse battery";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger HANDLES = new AtomicInteger();

  private final URI base;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public TestApi(URI base) {
    this.base = base;
  }

  /** A fresh, valid handle; unique within the test JVM. */
  public static String newHandle(String prefix) {
    return prefix + "_" + HANDLES.incrementAndGet();
  }

  public static String json(Map<String, ?> fields) {
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fields in insertion order, nulls allowed: {@code fields("a", 1, "b", null)}. */
  public static Map<String, Object> fields(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  public Reply get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply post(String path, String token, String body) {
    return send("POST", path, token, body);
  }

  public Reply patch(String path, String token, String body) {
    return send("PATCH", path, token, body);
  }

  public Reply put(String path, String token) {
    return send("PUT", path, token, null);
  }

  public Reply delete(String path, String token) {
    return send("DELETE", path, token, null);
  }

  /** Sends a request; {@code token} may be null (no header) or a raw Authorization value if it has a space. */
  public Reply send(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String contentType = response.headers().firstValue("content-type").orElse("");
      if (contentType.contains("json") && !response.body().isEmpty()) {
        json = MAPPER.readTree(response.body());
      }
      return new Reply(response.statusCode(), response.headers(), response.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Account signUp(String handle) {
    Reply reply = post("/v1/accounts", null, json(fields("handle", handle, "password", PASSWORD)));
    assertThat(reply.status()).as("sign up %s: %s", handle, reply).isEqualTo(201);
    return new Account(reply.json().at("/user/id").asText(), handle, reply.json().get("token").asText(), PASSWORD);
  }

  public Account signUp() {
    return signUp(newHandle("user"));
  }

  public Account logIn(Account account) {
    Reply reply = post("/v1/sessions", null, json(fields("handle", account.handle(), "password", account.password())));
    assertThat(reply.status()).as("log in: %s", reply).isEqualTo(200);
    return account.withToken(reply.json().get("token").asText());
  }

  public void follow(Account follower, Account followee) {
    Reply reply = put("/v1/me/following/" + followee.id(), follower.token());
    assertThat(reply.status()).as("follow: %s", reply).isEqualTo(200);
  }

  public JsonNode card(Account account) {
    Reply reply = get("/v1/users/" + account.id());
    assertThat(reply.status()).as("card: %s", reply).isEqualTo(200);
    return reply.json();
  }

  /** followers, following, friends of the account, as seen by anyone. */
  public long[] counts(Account account) {
    JsonNode counts = card(account).get("counts");
    return new long[] {counts.get("followers").asLong(), counts.get("following").asLong(),
        counts.get("friends").asLong()};
  }
}
