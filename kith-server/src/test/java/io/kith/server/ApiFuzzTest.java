package io.kith.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.KithStore;
import io.kith.server.testing.Account;
import io.kith.server.testing.CapturedLog;
import io.kith.server.testing.KithServerExtension;
import io.kith.server.testing.MutableClock;
import io.kith.server.testing.Reply;
import io.kith.server.testing.TestApi;
import io.kith.store.tck.GraphInvariants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A seeded fuzzer: random and malformed methods, paths, query parameters, headers and JSON bodies, sent by a few
 * users at each other, mixed with well-formed requests between live accounts. No answer may be a 5xx or leave an
 * error in the log; a refused request (4xx) may change nothing in the graph; most well-formed requests must
 * succeed (else the run never reached the code that changes the graph, and proved nothing); afterwards, with the
 * server stopped, the store's invariants hold. Set {@code -Dkith.fuzz.seed=N} to replay a run and
 * {@code -Dkith.fuzz.requests=N} for a longer one.
 */
class ApiFuzzTest {
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-08-01T00:00:00Z"));
  private static final int REQUESTS = Integer.getInteger("kith.fuzz.requests", 500);

  @RegisterExtension
  static final KithServerExtension server = new KithServerExtension(clock);

  private final Random random = new Random(Long.getLong("kith.fuzz.seed", 20261130L));
  private final List<Account> accounts = new ArrayList<>();
  private final List<UserId> everyone = new ArrayList<>();

  @Test
  void randomAndMalformedRequestsNeverFailTheServerOrBreakTheGraph() {
    TestApi api = server.api();
    for (int i = 0; i < 6; i++) {
      addAccount(api);
    }
    api.setPrivate(accounts.get(0), true);
    Map<String, int[]> wellFormed = new TreeMap<>(); // kind -> {sent, succeeded}
    int graphChanges = 0;

    try (CapturedLog log = new CapturedLog()) {
      for (int i = 0; i < REQUESTS; i++) {
        if (i % 40 == 39) {
          refreshSessions(api);
        }
        boolean valid = random.nextInt(3) == 0;
        String method;
        String path;
        String body;
        String authorization;
        Map<String, String> headers;
        String kind = null;
        if (valid) {
          String[] request = wellFormedRequest();
          kind = request[0];
          method = request[1];
          path = request[2];
          body = request[3];
          authorization = request[4];
          headers = Map.of();
        } else {
          String[] route = route();
          method = random.nextInt(7) == 0 ? method() : route[0];
          path = route[1] + query();
          body = body();
          authorization = authorization();
          headers = headers();
        }
        String before = fingerprint();

        String request = "#" + i + (valid ? " (well-formed " + kind + ") " : " ") + method + " " + path + " auth="
            + authorization + " headers=" + headers + " body=" + abbreviate(body);
        Reply reply;
        try {
          reply = api.send(method, path, authorization, body, headers);
        } catch (RuntimeException e) {
          // HTTP/1.1 lets a server refuse an unknown method or an oversized body and close the connection while
          // the client is still sending; nothing else may end without an answer, and the server must carry on.
          boolean mayCloseEarly = method.equals("FOO") || (body != null && body.length() > 64 * 1024);
          if (!mayCloseEarly) {
            throw new AssertionError("no answer to " + request, e);
          }
          assertThat(api.get("/health").status()).as("serving after " + request).isEqualTo(200);
          assertThat(fingerprint()).as("cut short, yet changed the graph: " + request).isEqualTo(before);
          continue;
        }
        assertThat(reply.status()).as(request + " -> " + reply).isLessThan(500);
        assertThat(reply.header("x-request-id")).as(request + " -> " + reply).isNotBlank();
        if (reply.status() >= 400) {
          assertThat(fingerprint()).as("refused, yet changed the graph: " + request + " -> " + reply)
              .isEqualTo(before);
          assertThat(reply.contentType()).as(request).startsWith("application/problem+json");
          assertThat(reply.json().path("request_id").asText()).as(request).isEqualTo(reply.header("x-request-id"));
        } else if (!fingerprint().equals(before)) {
          graphChanges++;
        }
        if (valid) {
          int[] tally = wellFormed.computeIfAbsent(kind, k -> new int[2]);
          tally[0]++;
          tally[1] += reply.status() < 300 ? 1 : 0;
        }
      }
      assertThat(log.problems()).as("errors or stack traces logged while fuzzing").isEmpty();
    }

    // The point of the run: well-formed requests mostly succeed (the rest meet blocks, private lists or a token a
    // fuzzed log-out revoked), every kind succeeds sometimes, and many requests really changed the graph.
    int sent = wellFormed.values().stream().mapToInt(t -> t[0]).sum();
    int succeeded = wellFormed.values().stream().mapToInt(t -> t[1]).sum();
    String tallies = wellFormed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[1] + "/"
        + e.getValue()[0]).toList().toString();
    assertThat(sent).as("well-formed requests sent").isGreaterThanOrEqualTo(REQUESTS / 5);
    assertThat(succeeded).as("well-formed requests that succeeded: %s", tallies).isGreaterThanOrEqualTo(sent * 7 / 10);
    assertThat(wellFormed.values()).as("every kind succeeds sometimes: %s", tallies).allSatisfy(t ->
        assertThat(t[1]).isPositive());
    assertThat(graphChanges).as("requests that changed the graph").isGreaterThanOrEqualTo(REQUESTS / 20);

    server.stopServer();
    GraphInvariants.assertHold(server.store(), everyone);
  }

  /**
   * {kind, method, path, body, token}: a request a correct client would send, from one live account about another.
   * Fuzzed requests in between may have blocked, muted or made private either side, so a few are refused.
   */
  private String[] wellFormedRequest() {
    Account me = accounts.get(random.nextInt(accounts.size()));
    Account other = accounts.get(random.nextInt(accounts.size()));
    if (other == me) {
      other = accounts.get((accounts.indexOf(me) + 1) % accounts.size());
    }
    String token = me.token();
    return switch (random.nextInt(14)) {
      case 0, 1, 2 -> w("follow", "PUT", "/v1/me/following/" + other.id(), null, token);
      case 3 -> w("unfollow", "DELETE", "/v1/me/following/" + other.id(), null, token);
      case 4 -> w("card", "GET", "/v1/users/" + other.id(), null, token);
      case 5 -> w("own list", "GET", "/v1/users/" + me.id() + "/" + pick("followers", "following", "friends")
          + "?limit=" + (1 + random.nextInt(100)), null, token);
      case 6 -> w("relationships", "GET", "/v1/relationships?ids=" + other.id() + "," + me.id(), null, token);
      case 7 -> w("profile", "PATCH", "/v1/me", TestApi.json(TestApi.fields(
          pick("bio", "display_name"), pick("Hello", "Zoë 👩‍💻", "", "Sam O'Brien"))),
          token);
      case 8 -> w("mute", random.nextBoolean() ? "PUT" : "DELETE", "/v1/me/mutes/" + other.id(), null, token);
      case 9 -> w("unblock", "DELETE", "/v1/me/blocks/" + other.id(), null, token);
      case 10 -> w("me", "GET", "/v1/me", null, token);
      case 11 -> w("requests", "GET", "/v1/me/follow-requests" + pick("", "/outgoing"), null, token);
      case 12 -> w("batch", "GET", "/v1/users?ids=" + other.id(), null, token);
      default -> w("remove follower", "DELETE", "/v1/me/followers/" + other.id(), null, token);
    };
  }

  private static String[] w(String kind, String method, String path, String body, String token) {
    return new String[] {kind, method, path, body, token};
  }

  private void addAccount(TestApi api) {
    Account account = api.signUp();
    accounts.add(account);
    everyone.add(UserId.parse("id", account.id()));
  }

  /**
   * Logs every live account in again (fuzzed log-outs revoke tokens), forgets deleted ones and keeps a few
   * accounts alive.
   */
  private void refreshSessions(TestApi api) {
    KithStore store = server.store();
    for (int i = accounts.size() - 1; i >= 0; i--) {
      Account account = accounts.get(i);
      User user = store.user(UserId.parse("id", account.id())).orElse(null);
      if (user == null) {
        accounts.remove(i); // deleted by a fuzzed DELETE /v1/me; its id stays in everyone
        continue;
      }
      // A fuzzed PATCH may have renamed the account.
      accounts.set(i, api.logIn(new Account(account.id(), user.handle().value(), account.token(),
          account.password())));
    }
    long alive = everyone.stream().filter(id -> store.user(id).isPresent()).count();
    for (long n = alive; n < 4; n++) {
      addAccount(api);
    }
  }

  /** Profiles, counts and every pairwise relationship: what a refused request must leave as it was. */
  private String fingerprint() {
    KithStore store = server.store();
    StringBuilder out = new StringBuilder();
    for (UserId id : everyone) {
      out.append(store.user(id).map(User::toString).orElse("absent")).append(store.counts(id)).append('\n');
      for (Relationship r : store.relationships(id, everyone, clock.instant())) {
        out.append(r).append('\n');
      }
    }
    return out.toString();
  }

  private String method() {
    return pick("GET", "GET", "PUT", "PUT", "POST", "POST", "PATCH", "DELETE", "DELETE", "OPTIONS", "TRACE",
        "FOO");
  }

  private String userRef() {
    return switch (random.nextInt(8)) {
      case 0, 1, 2, 3 -> accounts.get(random.nextInt(accounts.size())).id();
      case 4 -> pick("0", "-1", "1", "4242424242", "9223372036854775807", "9223372036854775808");
      case 5 -> pick("abc", "%20", "1e3", "0x10", "%E2%98%83", "..", "%2e%2e", "me", "%00", "1,2");
      case 6 -> random.nextBoolean() ? Long.toString(random.nextLong())
          : everyone.get(random.nextInt(everyone.size())).toString();
      default -> "" + random.nextInt(1000);
    };
  }

  /** A method and path, mostly a real route with its own method (so requests get past routing). */
  private String[] route() {
    String id = userRef();
    return switch (random.nextInt(40)) {
      case 0 -> r("POST", "/v1/accounts");
      case 1, 2 -> r("POST", "/v1/sessions");
      case 3 -> r(random.nextInt(4) == 0 ? "DELETE" : "GET", "/v1/sessions/current");
      case 4, 5, 6 -> r(pick("GET", "PATCH", "PATCH", "PATCH"), "/v1/me");
      case 7 -> r(random.nextInt(5) == 0 ? "DELETE" : "GET", "/v1/me");
      case 8, 9, 10, 11 -> r(pick("PUT", "PUT", "DELETE"), "/v1/me/following/" + id);
      case 12, 13 -> r("DELETE", "/v1/me/followers/" + id);
      case 14, 15 -> r("GET", "/v1/me/follow-requests");
      case 16 -> r("GET", "/v1/me/follow-requests/outgoing");
      case 17, 18, 19 -> r("POST", "/v1/me/follow-requests/" + id + "/" + pick("accept", "reject", "maybe"));
      case 20 -> r("GET", "/v1/me/blocks");
      case 21, 22, 23 -> r(pick("PUT", "DELETE"), "/v1/me/blocks/" + id);
      case 24 -> r("GET", "/v1/me/mutes");
      case 25, 26, 27 -> r(pick("PUT", "PUT", "DELETE"), "/v1/me/mutes/" + id);
      case 28, 29 -> r("GET", "/v1/users/" + id);
      case 30 -> r("GET", "/v1/users/by-handle/" + pick(accounts.get(0).handle(), "USER_2", "a", "%F0%9F%98%80",
          "x".repeat(40), id));
      case 31 -> r("GET", "/v1/users");
      case 32, 33, 34 -> r("GET", "/v1/users/" + id + "/" + pick("followers", "following", "friends", "blocks"));
      case 35, 36 -> r("GET", "/v1/relationships");
      case 37 -> r("GET", pick("/health", "/metrics", "/", "/v1", "/v2/me", "/v1/me/", "/v1//me"));
      default -> r(method(), "/v1/" + pick("me/following", "users/", "me/mutes/" + id + "/extra", "follow-requests"));
    };
  }

  private static String[] r(String method, String path) {
    return new String[] {method, path};
  }

  private String query() {
    if (random.nextInt(3) > 0) {
      return "";
    }
    List<String> params = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      params.add(switch (random.nextInt(5)) {
        case 0 -> "limit=" + pick("0", "1", "3", "100", "101", "-5", "abc", "", "2147483648");
        case 1 -> "cursor=" + pick("", "AQ", "abc", "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%25%25%25",
            "AQMAAAAAAAAAAQAAAAAAAAABAAAAAAAAAAE");
        case 2 -> "ids=" + userRef() + (random.nextBoolean() ? "," + userRef() : "")
            + (random.nextInt(10) == 0 ? ",1".repeat(120) : "");
        case 3 -> "ids=";
        default -> pick("x=1", "limit=1&limit=2", "%7Bzz%7D=1", "ids");
      });
    }
    return "?" + String.join("&", params);
  }

  private String body() {
    return switch (random.nextInt(10)) {
      case 0, 1 -> null;
      case 2 -> pick("", "{", "}", "[]", "null", "42", "\"text\"", "{\"a\":1,\"a\":2}", "{} {}", "{\"bio\":}",
          "\u0000", "{\"handle\": \"x\"", "tru", "{\"bio\": \"\\ud800\"}");
      case 3 -> "[" + "[".repeat(2_000) + "]".repeat(2_000) + "]";
      case 4 -> "{\"bio\": \"" + "b".repeat(random.nextInt(70_000)) + "\"}";
      default -> randomObject();
    };
  }

  private static final String[] FIELDS = {"handle", "password", "display_name", "bio", "avatar_url", "private",
      "lists_visibility", "duration_seconds", "id", "state", ""};

  private String randomObject() {
    Map<String, String> fields = new LinkedHashMap<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      fields.put(FIELDS[random.nextInt(FIELDS.length)], randomValue());
    }
    StringBuilder out = new StringBuilder("{");
    fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return out.append('}').toString();
  }

  private String randomValue() {
    return switch (random.nextInt(12)) {
      case 0 -> "null";
      case 1 -> pick("true", "false");
      case 2 -> Long.toString(random.nextLong());
      case 3 -> pick("0", "-1", "60", "1.5", "1e400", "315360000", "99999999999999999999999");
      case 4 -> "\"" + TestApi.newHandle("fz") + "\"";
      case 5 -> pick("\"everyone\"", "\"followers\"", "\"friends\"", "\"only_me\"", "\"EVERYONE\"");
      case 6 -> pick("\"https://img.example/a.png\"", "\"http://x\"", "\"javascript:alert(1)\"");
      case 7 -> "\"" + "z".repeat(random.nextInt(400)) + "\"";
      case 8 -> pick("[]", "{}", "[1,2]", "{\"a\":{}}");
      case 9 -> pick("\"correct horse battery\"", "\"short\"");
      case 10 -> "\"\\u0000\\n\\t\\\"\"";
      default -> "\"" + pick("admin", "me", ".dot", "UPPER", "ok_name", "12345", "héllo") + "\"";
    };
  }

  private String authorization() {
    return switch (random.nextInt(10)) {
      case 0 -> null;
      case 1 -> pick("Bearer", "Bearer ", "Basic abc", "bearer kith_x", "Bearer kith_" + "A".repeat(43),
          "Bearer " + "kith_" + "\u00e9".repeat(43), "Token abc def");
      default -> accounts.get(random.nextInt(accounts.size())).token();
    };
  }

  private Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (random.nextInt(4) == 0) {
      headers.put("Content-Type", pick("text/plain", "application/json; charset=latin1", "application/xml",
          "multipart/form-data; boundary=x", "application/json"));
    }
    if (random.nextInt(6) == 0) {
      headers.put("X-Forwarded-For", pick("1.2.3.4", "not-an-ip", "::1, 10.0.0.1"));
    }
    if (random.nextInt(8) == 0) {
      headers.put("Accept", pick("text/html", "*/*", "application/problem+json"));
    }
    if (random.nextInt(8) == 0) {
      headers.put("X-Request-Id", pick("abc", "x".repeat(500)));
    }
    return headers;
  }

  private String pick(String... options) {
    return options[random.nextInt(options.length)];
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 200 ? body : body.substring(0, 200) + "...(" + body.length() + ")";
  }
}
