package io.kith.server.internal.api.wire;

/** {@code POST /v1/sessions}: both required. */
public record LogIn(String handle, String password) {}
