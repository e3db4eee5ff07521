package io.kith.bench.peer;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.RequestHeadersBuilder;
import io.kith.bench.driver.Graph;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A realistic client of Kith's HTTP API on loopback: HTTP/1.1 keep-alive connections from a pool (Armeria's
 * client), bearer tokens, JSON read just enough to take the next cursor or a count. Serves both {@code kith-http}
 * and {@code noop-http}, so the two differ only in what answers.
 */
public class HttpPeer implements Peer {
  /** One response per kind of request, kept so the no-op server can answer with the same bytes. */
  public static final Map<String, Sample> SAMPLES = new ConcurrentHashMap<>();

  /** A response as sent: status, content type and body. */
  public record Sample(int status, String contentType, byte[] body) {}

  private static final Pattern NEXT_CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern FOLLOWERS = Pattern.compile("\"followers\"\\s*:\\s*(\\d+)");

  private final String name;
  /** Bearer token of each viewer, filled by whoever starts the server. */
  protected final Map<Integer, String> tokens;
  private ClientFactory factory;
  private WebClient client;

  protected HttpPeer(String name, Map<Integer, String> tokens) {
    this.name = name;
    this.tokens = tokens;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String settings() {
    return "Armeria HTTP/1.1 client, keep-alive connection pool, on loopback";
  }

  /** Points the client at a started server. */
  protected void connect(int port) {
    factory = ClientFactory.builder().idleTimeout(Duration.ofMinutes(5)).build();
    client = WebClient.builder("h1c://127.0.0.1:" + port).factory(factory)
        .responseTimeout(Duration.ofSeconds(30)).maxResponseLength(16 << 20).build();
  }

  @Override
  public void load(Graph graph) throws Exception {
    throw new UnsupportedOperationException("load: a subclass starts the server");
  }

  @Override
  public int checks(int viewer, int[] others) {
    StringBuilder path = new StringBuilder("/v1/relationships?ids=");
    for (int i = 0; i < others.length; i++) {
      path.append(i == 0 ? "" : ",").append(others[i]);
    }
    String body = send("checks", HttpMethod.GET, path.toString(), viewer);
    int following = 0;
    for (int at = body.indexOf("\"following\":true"); at >= 0; at = body.indexOf("\"following\":true", at + 1)) {
      following++;
    }
    return following;
  }

  @Override
  public Page followers(int owner, Object cursor, int limit) {
    String path = "/v1/users/" + owner + "/followers?limit=" + limit
        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode((String) cursor, StandardCharsets.UTF_8));
    String body = send("page", HttpMethod.GET, path, 0);
    int size = 0;
    for (int at = body.indexOf("\"followed_at\""); at >= 0; at = body.indexOf("\"followed_at\"", at + 1)) {
      size++;
    }
    Matcher next = NEXT_CURSOR.matcher(body);
    return new Page(size, next.find() ? next.group(1) : null);
  }

  @Override
  public long followerCount(int user) {
    Matcher count = FOLLOWERS.matcher(send("card", HttpMethod.GET, "/v1/users/" + user, 0));
    return count.find() ? Long.parseLong(count.group(1)) : 0;
  }

  @Override
  public boolean follow(int follower, int followee) {
    send("follow", HttpMethod.PUT, "/v1/me/following/" + followee, follower);
    return true;
  }

  @Override
  public boolean unfollow(int follower, int followee) {
    send("unfollow", HttpMethod.DELETE, "/v1/me/following/" + followee, follower);
    return true;
  }

  @Override
  public int profile(int user) {
    return send("card", HttpMethod.GET, "/v1/users/" + user, 0).length();
  }

  @Override
  public void updateProfile(int user, String bio) {
    throw new UnsupportedOperationException("updateProfile: not driven over HTTP");
  }

  @Override
  public void createUser(int user) {
    throw new UnsupportedOperationException("createUser: accounts over HTTP cost an Argon2 hash each");
  }

  @Override
  public void deleteUser(int user) {
    throw new UnsupportedOperationException("deleteUser: not driven over HTTP");
  }

  @Override
  public long footprintBytes() throws Exception {
    return -1;
  }

  private String send(String kind, HttpMethod method, String path, int actingUser) {
    RequestHeadersBuilder headers = RequestHeaders.builder(method, path);
    if (actingUser != 0) {
      String token = tokens.get(actingUser);
      if (token == null) {
        throw new IllegalArgumentException("user: " + actingUser + " (expected: one of the benchmark's viewers)");
      }
      headers.add(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }
    AggregatedHttpResponse response = client.execute(headers.build()).aggregate().join();
    int status = response.status().code();
    // 404 is an answer (a user the mix deleted, an unfollow of nothing); anything else 4xx/5xx is a failure.
    if (status >= 400 && status != 404) {
      throw new IllegalStateException(name + ": " + method + " " + path + " answered " + status + ": "
          + response.contentUtf8());
    }
    SAMPLES.putIfAbsent(kind, new Sample(status, response.contentType() == null ? "application/json"
        : response.contentType().toString(), response.content().array()));
    return response.contentUtf8();
  }

  @Override
  public void close() throws Exception {
    if (factory != null) {
      factory.close();
    }
  }
}
