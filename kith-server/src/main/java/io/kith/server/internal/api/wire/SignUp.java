package io.kith.server.internal.api.wire;

/** {@code POST /v1/accounts}: handle and password required, display name optional. */
public record SignUp(String handle, String password, String displayName) {}
