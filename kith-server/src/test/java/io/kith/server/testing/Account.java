package io.kith.server.testing;

/** A signed-up user and the token it got. */
public record Account(String id, String handle, String token, String password) {
  public Account withToken(String newToken) {
    return new Account(id, handle, newToken, password);
  }
}
