package mishmash.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who may reach a sketch over the network, in one setting for everything that listens (OSC, the
 * OSCQuery and status server). By default only this machine: every server binds to 127.0.0.1, so
 * nothing on the gallery's network can reach it. {@code --network 192.168.1.0/24,10.0.0.5} opens
 * the servers on every interface and lets in only those senders (and this machine);
 * {@code --network any} lets in everyone who can reach the machine.
 *
 * @param bind the address servers bind to: 127.0.0.1, or 0.0.0.0 on a gallery network
 * @param allow the senders let in besides this machine; empty with {@code anyone}
 * @param anyone true when every sender is let in
 */
public record Network(String bind, List<Range> allow, boolean anyone) {
  public Network {
    allow = List.copyOf(allow);
  }

  /** Only this machine: the default. */
  public static Network local() {
    return new Network("127.0.0.1", List.of(), false);
  }

  /**
   * Reads {@code --network}'s value: addresses and ranges separated by commas
   * ({@code 192.168.1.0/24,10.0.0.5}, IPv6 too), or {@code any}.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or a range
   */
  public static Network parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equalsIgnoreCase("any") || t.equals("*")) {
      return new Network("0.0.0.0", List.of(), true);
    }
    if (t.equalsIgnoreCase("local") || t.equalsIgnoreCase("localhost")) {
      return local();
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : t.split(",")) {
      if (!part.isBlank()) {
        ranges.add(Range.parse(part));
      }
    }
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("--network needs the gallery network's senders, such as 192.168.1.0/24 or "
          + "10.0.0.5 (several separated by commas), or \"any\" to let everyone in");
    }
    return new Network("0.0.0.0", ranges, false);
  }

  /** True when only this machine can connect. */
  public boolean isLocal() {
    return bind.equals("127.0.0.1");
  }

  /** May {@code sender} talk to us? This machine (127.0.0.1, ::1) always may. */
  public boolean allows(InetAddress sender) {
    if (anyone || isThisMachine(sender)) {
      return true;
    }
    for (Range r : allow) {
      if (r.matches(sender)) {
        return true;
      }
    }
    return false;
  }

  /**
   * 127.0.0.1 or ::1: what a program on this machine sends from when it talks to the sketch on
   * localhost. (Other loopback addresses, 127.0.0.2 say, count as strangers: nothing sends from
   * them unless asked to, and a test can play a stranger with them without leaving the machine.)
   */
  static boolean isThisMachine(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 4) {
      return b[0] == 127 && b[1] == 0 && b[2] == 0 && b[3] == 1;
    }
    for (int i = 0; i < 15; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[15] == 1;
  }

  public InetAddress bindAddress() {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // a literal address always resolves
    }
  }

  /** For logs and the panel: "this machine only", "the network, for 192.168.1.0/24". */
  public String describe() {
    if (isLocal()) {
      return "this machine only";
    }
    if (anyone) {
      return "every network, anyone";
    }
    List<String> names = new ArrayList<>();
    allow.forEach(r -> names.add(r.toString()));
    return "every network, for " + String.join(", ", names);
  }

  /** An address, or an IPv4/IPv6 prefix such as 192.168.1.0/24. */
  public record Range(byte[] address, int bits, String text) {
    public static Range parse(String text) {
      String t = text.trim();
      String[] parts = t.split("/");
      try {
        if (parts.length > 2 || !parts[0].matches("[0-9a-fA-F:.]+")) { // literal addresses only: no name lookups
          throw new IllegalArgumentException();
        }
        byte[] a = InetAddress.getByName(parts[0]).getAddress();
        int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : a.length * 8;
        if (bits < 0 || bits > a.length * 8) {
          throw new IllegalArgumentException();
        }
        return new Range(a, bits, t.toLowerCase(Locale.ROOT));
      } catch (UnknownHostException | RuntimeException e) {
        throw new IllegalArgumentException("--network: \"" + t + "\" is not an address or a range such as "
            + "192.168.1.0/24");
      }
    }

    boolean matches(InetAddress other) {
      byte[] b = other.getAddress();
      if (b.length != address.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((address[i / 8] & mask) != (b[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
