package io.kith.server.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ServerBuilder;
import io.kith.server.internal.json.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code GET /openapi.json} (the contract) and {@code GET /docs} (the same document as a plain page: no script, no
 * CDN, so it works offline and behind any content policy). Both are built once at start.
 */
public final class OpenApiRoutes {
  private OpenApiRoutes() {}

  public static void register(ServerBuilder server) {
    ObjectNode document = OpenApiDocument.build();
    byte[] json = Json.bytes(document);
    String html = page(document);
    server.route().methods(HttpMethod.GET).path("/openapi.json")
        .build((ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, json));
    server.route().methods(HttpMethod.GET).path("/docs")
        .build((ctx, req) -> HttpResponse.of(HttpStatus.OK, MediaType.HTML_UTF_8, html));
  }

  static String page(ObjectNode document) {
    StringBuilder out = new StringBuilder();
    out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kith HTTP API</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}")
        .append("code{background:#f4f4f4}h2{font-family:monospace;border-top:1px solid #ccc;padding-top:.5em}")
        .append("td,th{text-align:left;padding:.1em .6em;vertical-align:top}</style></head><body>\n")
        .append("<h1>Kith HTTP API (v1)</h1>\n<p>").append(escape(document.path("info").path("description").asText()))
        .append("</p>\n<p>Machine-readable: <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI 3.1).</p>\n");
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        JsonNode operation = op.getValue();
        out.append("<h2 id=\"").append(escape(operation.path("operationId").asText())).append("\">")
            .append(op.getKey().toUpperCase(java.util.Locale.ROOT)).append(' ').append(escape(path.getKey()))
            .append("</h2>\n<p>").append(escape(operation.path("summary").asText())).append("</p>\n<p>Auth: ")
            .append(escape(security(operation.path("security")))).append("</p>\n");
        if (operation.has("parameters")) {
          out.append("<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>\n");
          for (JsonNode p : operation.get("parameters")) {
            out.append("<tr><td><code>").append(escape(p.path("name").asText())).append("</code></td><td>")
                .append(escape(p.path("in").asText())).append("</td><td>").append(p.path("required").asBoolean())
                .append("</td><td><code>").append(escape(p.path("schema").toString())).append("</code></td></tr>\n");
          }
          out.append("</table>\n");
        }
        if (operation.has("requestBody")) {
          out.append("<p>Body:</p><pre>").append(escape(operation.at("/requestBody/content/application~1json/schema")
              .toPrettyString())).append("</pre>\n");
        }
        out.append("<p>Answers:</p><ul>\n");
        for (Iterator<Map.Entry<String, JsonNode>> rs = operation.path("responses").fields(); rs.hasNext(); ) {
          Map.Entry<String, JsonNode> response = rs.next();
          out.append("<li><b>").append(escape(response.getKey())).append("</b> ")
              .append(escape(response.getValue().path("description").asText()));
          JsonNode json = response.getValue().at("/content/application~1json/schema");
          if (!json.isMissingNode()) {
            out.append("<details><summary>schema</summary><pre>").append(escape(json.toPrettyString()))
                .append("</pre></details>");
          }
          out.append("</li>\n");
        }
        out.append("</ul>\n");
      }
    }
    out.append("<h2 id=\"problems\">Problem codes</h2>\n<table><tr><th>code</th><th>status</th></tr>\n");
    for (JsonNode code : document.get("x-kith-problem-codes")) {
      out.append("<tr><td><code>").append(escape(code.path("code").asText())).append("</code></td><td>")
          .append(code.path("status").asInt()).append("</td></tr>\n");
    }
    return out.append("</table>\n</body></html>\n").toString();
  }

  private static String security(JsonNode security) {
    if (security.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode requirement : security) {
      out.append(out.isEmpty() ? "" : " or ").append(requirement.isEmpty() ? "anonymous"
          : requirement.fieldNames().next().equals("bearerService") ? "service token" : "user bearer token");
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
