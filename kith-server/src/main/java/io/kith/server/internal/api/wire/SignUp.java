package io.kith.server.internal.api.wire;

import io.kith.server.internal.json.JsonBody;

/** {@code POST /v1/accounts}: handle and password required, display name optional. */
@JsonBody
public record SignUp(String handle, String password, String displayName) {}
