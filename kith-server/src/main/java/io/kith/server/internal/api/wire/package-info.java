/**
 * The API's JSON bodies as records, written by Jackson with snake_case names in component order (see
 * {@code io.kith.server.internal.json.Json}). A component that may be missing from the wire says so with
 * {@code @JsonInclude(NON_NULL)}; every other one is always there, null included. Request bodies are records too,
 * read strictly (unknown fields refused, no coercion).
 */
package io.kith.server.internal.api.wire;
