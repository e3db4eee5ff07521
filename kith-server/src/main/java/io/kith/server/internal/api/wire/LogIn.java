package io.kith.server.internal.api.wire;

import io.kith.server.internal.json.JsonBody;

/** {@code POST /v1/sessions}: both required. */
@JsonBody
public record LogIn(String handle, String password) {}
