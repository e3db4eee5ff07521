package io.kith.server.internal.http;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.cors.CorsService;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The web origins allowed to call Kith from a browser (CORS), and the decorator that answers their preflights.
 * Kith authenticates with bearer tokens, never cookies, so credentials are not allowed and no origin is trusted
 * unless listed.
 */
public final class CorsOrigins {
  private static final String EXPECTED =
      "comma-separated origins such as https://app.example.com or http://localhost:3000: "
          + "scheme http or https, a host, an optional port, nothing else";
  /** What a browser may send and read cross-origin: the methods and headers the API uses. */
  private static final HttpMethod[] METHODS =
      {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE};
  private static final String[] REQUEST_HEADERS = {"authorization", "content-type"};
  private static final String[] EXPOSED_HEADERS = {"x-request-id", "retry-after", "location", "www-authenticate",
      "allow", RateLimitHeaders.LIMIT, RateLimitHeaders.REMAINING, RateLimitHeaders.RESET};
  /** How long a browser may reuse a preflight's answer. */
  static final Duration MAX_AGE = Duration.ofMinutes(10);

  private CorsOrigins() {}

  /** Splits and checks a comma-separated list; {@code name} is the setting reported in errors. */
  public static List<String> parse(String name, String commaSeparated) {
    List<String> origins = new ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      origins.add(check(name, part.strip()));
    }
    return origins;
  }

  /** One origin exactly as a browser sends it in {@code Origin}: lower-case scheme and host, no path. */
  public static String check(String name, String origin) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      throw bad(name, origin);
    }
    String scheme = uri.getScheme();
    boolean web = "http".equals(scheme) || "https".equals(scheme);
    if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
        || uri.getRawQuery() != null || uri.getRawFragment() != null || !origin.equals(origin.toLowerCase(Locale.ROOT))
        || (uri.getPort() != -1 && uri.getPort() > 65_535)) {
      throw bad(name, origin);
    }
    return origin;
  }

  private static IllegalArgumentException bad(String name, String origin) {
    return new IllegalArgumentException(name + ": '" + origin + "' (expected: " + EXPECTED + ")");
  }

  /** Answers preflights from {@code origins} and adds CORS headers to their requests' answers. */
  public static Function<? super HttpService, ? extends HttpService> decorator(List<String> origins) {
    return CorsService.builder(origins)
        .allowRequestMethods(METHODS)
        .allowRequestHeaders(REQUEST_HEADERS)
        .exposeHeaders(EXPOSED_HEADERS)
        .maxAge(MAX_AGE)
        .newDecorator();
  }
}
