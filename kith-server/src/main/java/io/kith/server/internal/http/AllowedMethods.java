package io.kith.server.internal.http;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.server.Route;
import com.linecorp.armeria.server.RoutePathType;
import com.linecorp.armeria.server.ServiceConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The methods each path answers, for the {@code Allow} header of a 405 (RFC 9110 requires it). Built from the
 * server's own routes once it is built, so it cannot drift from the route table.
 */
public final class AllowedMethods {
  /** In the order the API docs list them. */
  private static final List<HttpMethod> ORDER =
      List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private record Template(String[] segments, Set<HttpMethod> methods) {
    boolean matches(String[] path) {
      if (path.length != segments.length) {
        return false;
      }
      for (int i = 0; i < path.length; i++) {
        boolean variable = segments[i].startsWith(":") || segments[i].startsWith("{");
        if (!(variable ? !path[i].isEmpty() : segments[i].equals(path[i]))) {
          return false;
        }
      }
      return true;
    }
  }

  private volatile List<Template> templates = List.of();

  /** Reads the routes of a built server; until then every path allows nothing. */
  public void learn(List<ServiceConfig> services) {
    List<Template> learned = new ArrayList<>();
    for (ServiceConfig service : services) {
      Route route = service.route();
      if (route.pathType() == RoutePathType.EXACT || route.pathType() == RoutePathType.PARAMETERIZED) {
        learned.add(new Template(route.patternString().split("/", -1), route.methods()));
      }
    }
    templates = List.copyOf(learned);
  }

  /** {@code "GET, PATCH, DELETE"}: the methods of every route whose template matches {@code path}. */
  public String of(String path) {
    String[] segments = path.split("/", -1);
    Set<HttpMethod> methods = EnumSet.noneOf(HttpMethod.class);
    for (Template template : templates) {
      if (template.matches(segments)) {
        methods.addAll(template.methods());
      }
    }
    return ORDER.stream().filter(methods::contains).map(HttpMethod::name).collect(Collectors.joining(", "));
  }
}
