package mishmash.live.osc;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * A look at a packet before JavaOSC parses it, for the one fault JavaOSC logs by itself instead of
 * reporting: a type tag it does not know (it writes a warning per packet and returns nothing, so a
 * stray tag would flood the log past {@link mishmash.live.Complaints}' rate limit). Everything else
 * that can be wrong with a packet JavaOSC reports as an exception.
 */
final class OscPackets {
  private static final byte[] BUNDLE = "#bundle\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int MAX_DEPTH = 8;

  private OscPackets() {}

  /**
   * The first type tag in {@code packet} (a message, or every message of a bundle) that is not in
   * {@code known}, as a character; 0 when there is none or the packet is too broken to say (JavaOSC
   * then reports it).
   */
  static char unknownTypeTag(ByteBuffer packet, Set<Character> known) {
    return check(packet, packet.position(), packet.limit(), known, 0);
  }

  private static char check(ByteBuffer b, int from, int to, Set<Character> known, int depth) {
    if (depth > MAX_DEPTH) {
      return 0;
    }
    if (startsWith(b, from, to, BUNDLE)) {
      int p = from + 16; // "#bundle\0" and the time tag
      while (p + 4 <= to) {
        int size = b.getInt(p);
        p += 4;
        if (size < 0 || size > to - p) {
          return 0;
        }
        char c = check(b, p, p + size, known, depth + 1);
        if (c != 0) {
          return c;
        }
        p += size;
      }
      return 0;
    }
    int end = zero(b, from, to); // the address
    if (end < 0) {
      return 0;
    }
    int p = align(end + 1);
    if (p >= to || b.get(p) != ',') {
      return 0;
    }
    for (int i = p + 1; i < to; i++) {
      char c = (char) (b.get(i) & 0xFF);
      if (c == 0) {
        return 0;
      }
      if (c != '[' && c != ']' && !known.contains(c)) {
        return c;
      }
    }
    return 0;
  }

  private static boolean startsWith(ByteBuffer b, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b.get(from + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int zero(ByteBuffer b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b.get(i) == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int align(int i) {
    return (i + 3) & ~3;
  }
}
