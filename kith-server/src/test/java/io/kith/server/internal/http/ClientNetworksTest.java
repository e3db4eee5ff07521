package io.kith.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ClientNetworksTest {
  @Test
  void ipv4CountsPerAddressAndIpv6PerSlash64() throws Exception {
    assertThat(ClientNetworks.of(InetAddress.getByName("203.0.113.9"))).isEqualTo("203.0.113.9");
    assertThat(ClientNetworks.of(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd")))
        .isEqualTo(ClientNetworks.of(InetAddress.getByName("2001:db8:1:2::1")))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(ClientNetworks.of(InetAddress.getByName("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3:0:0:0:0/64");
  }
}
