package io.kith.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kith.server.internal.auth.ServiceTokens.ServiceToken;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceTokenSpecsTest {
  private static final String TOKEN = "Yk3vQ0cU8pJ1x2m0b5xq4w7Rz8oX0e9VtQ+fV3h2s5A=";
  private static final String HASH = ServiceTokens.sha256Hex(TOKEN);

  @Test
  void hashIsTheHexSha256OfTheTokenAsSha256sumPrintsIt() {
    // printf %s 'abc' | sha256sum
    assertThat(ServiceTokens.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void specsNameScopesAndHash() {
    ServiceToken token = ServiceTokens.parse("fanout:followers:read,following:read:" + HASH.toUpperCase());
    assertThat(token.name()).isEqualTo("fanout");
    assertThat(token.scopes()).containsExactlyInAnyOrder("followers:read", "following:read");
    assertThat(token.sha256Hex()).isEqualTo(HASH);

    ServiceTokens tokens = new ServiceTokens(List.of(token));
    assertThat(tokens.find(TOKEN)).contains(token);
    assertThat(tokens.find(TOKEN + " ")).isEmpty();
    assertThat(tokens.find("")).isEmpty();
    assertThat(ServiceTokens.none().find(TOKEN)).isEmpty();
  }

  @Test
  void manySpecsSplitOnSpacesSemicolonsAndLinesWithComments() {
    String text = "# services\nfanout:followers:read:" + HASH + " ; fanin:following:read:" + HASH
        + "  # trailing comment\n\n";
    assertThat(ServiceTokens.specs(text)).containsExactly("fanout:followers:read:" + HASH,
        "fanin:following:read:" + HASH);
  }

  @Test
  void badSpecsAreRefusedWithoutEchoingWhatMayBeARawToken() {
    assertThatThrownBy(() -> ServiceTokens.parse(TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected: NAME:SCOPE[,SCOPE...]:SHA256HEX")
        .hasMessageNotContaining(TOKEN.substring(0, 10));
    assertThatThrownBy(() -> ServiceTokens.parse("fanout::" + HASH)).hasMessageContaining("expected: NAME");
    assertThatThrownBy(() -> ServiceTokens.parse("fanout:followers:read:")).hasMessageContaining("expected: NAME");
    assertThatThrownBy(() -> ServiceTokens.parse("fanout:followers:write:" + HASH))
        .hasMessageContaining("scopes").hasMessageContaining("followers:read");
    assertThatThrownBy(() -> ServiceTokens.parse("fanout:followers:read:" + TOKEN))
        .hasMessageContaining("not 64 hex digits").hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> ServiceTokens.parse("Fan Out:followers:read:" + HASH)).hasMessageContaining("name");
  }

  @Test
  void namesAndHashesAreUnique() {
    ServiceToken a = new ServiceToken("a", Set.of("followers:read"), HASH);
    ServiceToken sameName = new ServiceToken("a", Set.of("following:read"), ServiceTokens.sha256Hex("other"));
    ServiceToken sameHash = new ServiceToken("b", Set.of("following:read"), HASH);
    assertThatThrownBy(() -> new ServiceTokens(List.of(a, sameName))).hasMessageContaining("configured twice");
    assertThatThrownBy(() -> new ServiceTokens(List.of(a, sameHash))).hasMessageContaining("same hash");
  }
}
