package io.kith.server.internal.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The unit a per-address limit counts: an IPv4 address as it is, an IPv6 address by its /64 network, because one
 * subscriber usually gets a whole /64 and could otherwise step through its addresses to dodge the limit.
 */
public final class ClientNetworks {
  private ClientNetworks() {}

  public static String of(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    for (int i = 8; i < bytes.length; i++) {
      bytes[i] = 0;
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      throw new IllegalStateException("16 bytes are always an IPv6 address", e);
    }
  }
}
