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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    return send(method, path, token, body, Map.of());
  }

  /** As {@link #send(String, String, String, String)}, with extra request headers (replacing the defaults). */
  public Reply send(String method, String path, String token, String body, Map<String, String> headers) {
    return send(method, path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        body == null ? null : "application/json", headers);
  }

  /** Sends raw bytes with the given Content-Type; a null {@code contentType} sends none at all. */
  public Reply sendBytes(String method, String path, String token, byte[] body, String contentType) {
    return send(method, path, token, body, contentType, Map.of());
  }

  private Reply send(String method, String path, String token, byte[] body, String contentType,
                     Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.setHeader("Content-Type", contentType);
    }
    headers.forEach(request::setHeader);
    if (token != null) {
      request.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String responseType = response.headers().firstValue("content-type").orElse("");
      if (responseType.contains("json") && !response.body().isEmpty()) {
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

  /** Makes the account private or public. */
  public void setPrivate(Account account, boolean isPrivate) {
    Reply reply = patch("/v1/me", account.token(), json(fields("private", isPrivate)));
    assertThat(reply.status()).as("set private: %s", reply).isEqualTo(200);
  }

  /** Follows (or asks to follow) and returns the answer's state: "following" or "requested". */
  public String followState(Account follower, Account followee) {
    Reply reply = put("/v1/me/following/" + followee.id(), follower.token());
    assertThat(reply.status()).as("follow: %s", reply).isEqualTo(200);
    return reply.json().get("state").asText();
  }

  public void block(Account blocker, Account blocked) {
    Reply reply = put("/v1/me/blocks/" + blocked.id(), blocker.token());
    assertThat(reply.status()).as("block: %s", reply).isEqualTo(200);
  }

  /** How {@code viewer} stands with {@code other}; null when the answer leaves {@code other} out. */
  public JsonNode relationship(Account viewer, Account other) {
    Reply reply = get("/v1/relationships?ids=" + other.id(), viewer.token());
    assertThat(reply.status()).as("relationships: %s", reply).isEqualTo(200);
    JsonNode items = reply.json().get("items");
    return items.isEmpty() ? null : items.get(0);
  }

  /** The ids of a page's items, in order. */
  public static List<String> ids(Reply page) {
    List<String> ids = new ArrayList<>();
    page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  /** Walks a list to its end with pages of {@code limit}, checking each page is full but the last. */
  public List<String> readAll(String path, String token, int limit) {
    List<String> all = new ArrayList<>();
    String cursor = null;
    while (true) {
      String sep = path.contains("?") ? "&" : "?";
      Reply page = get(path + sep + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), token);
      assertThat(page.status()).as("page of %s: %s", path, page).isEqualTo(200);
      List<String> ids = ids(page);
      all.addAll(ids);
      JsonNode next = page.json().get("next_cursor");
      if (next.isNull()) {
        return all;
      }
      assertThat(ids).as("a page with a next_cursor is full: %s", path).hasSize(limit);
      cursor = next.asText();
    }
  }

  /** followers, following, friends of the account, as seen by anyone. */
  public long[] counts(Account account) {
    JsonNode counts = card(account).get("counts");
    return new long[] {counts.get("followers").asLong(), counts.get("following").asLong(),
        counts.get("friends").asLong()};
  }
}
