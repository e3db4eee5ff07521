package io.kith.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(new Argon2Cost(64, 1, 1));

  @Test
  void hashesAsSaltedArgon2idPhcStrings() {
    String first = hasher.hash("correct horse");
    String second = hasher.hash("correct horse");
    assertThat(first).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
    assertThat(first).isNotEqualTo(second); // a fresh salt each time
    assertThat(hasher.verify("correct horse", first)).isTrue();
    assertThat(hasher.verify("correct horse", second)).isTrue();
    assertThat(hasher.verify("correct horsE", first)).isFalse();
  }

  @Test
  void verifiesWithTheParametersStoredInTheHash() {
    String older = new PasswordHasher(new Argon2Cost(128, 2, 1)).hash("päss wörd ✓");
    assertThat(hasher.verify("päss wörd ✓", older)).isTrue();
  }

  @Test
  void verifiesTheReferenceImplementationsTestVectors() {
    // From the Argon2 reference implementation's own tests (phc-winner-argon2, src/test.c), so the hashes are
    // interoperable with every other Argon2id library, not just self-consistent.
    assertThat(hasher.verify("password",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4")).isTrue();
    assertThat(hasher.verify("password",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isTrue();
    assertThat(hasher.verify("passwore",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4")).isFalse();
  }

  @Test
  void unreadableHashesNeverVerify() {
    for (String bad : new String[] {"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$AAAA",
        "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$AAAA", "$argon2id$v=19$m=x,t=1,p=1$c29tZXNhbHQ$AAAA",
        "$argon2id$v=19$m=64,t=1,p=1$***$AAAA", "$argon2id$v=19$m=1,t=1,p=1$c29tZXNhbHQ$AAAA"}) {
      assertThat(hasher.verify("password", bad)).as(bad).isFalse();
    }
    assertThat(hasher.verifyAgainstDummy("anything")).isFalse();
  }
}
