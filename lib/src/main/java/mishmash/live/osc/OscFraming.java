package mishmash.live.osc;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * OSC over a byte stream (TCP), both ways it is done: OSC 1.0 sends each packet after its length
 * as a big-endian int32 (liblo, JavaOSC, SuperCollider), OSC 1.1 frames packets with SLIP (RFC
 * 1055: an END byte after each packet, usually one before it too; TouchOSC, Max, Pd's
 * {@code [slipenc]}). A {@link Reader} tells them apart by the first byte of the connection: a SLIP
 * stream starts with END or with the packet's own first character ({@code /} for a message,
 * {@code #} for a bundle), anything else is a length (a zero byte, for any packet under 16 MB). A packet followed by the end of the
 * connection, with no framing at all, is taken too: that is how JavaOSC and oscP5 send over TCP.
 * Replies go back framed the same way (SLIP for the unframed).
 */
final class OscFraming {
  enum Kind { LENGTH, SLIP }

  static final int END = 0xC0;
  static final int ESC = 0xDB;
  static final int ESC_END = 0xDC;
  static final int ESC_ESC = 0xDD;

  private OscFraming() {}

  /** A packet over the size limit. After a length prefix the stream cannot be trusted: {@code fatal}. */
  static final class Oversized extends IOException {
    final boolean fatal;

    Oversized(String message, boolean fatal) {
      super(message);
      this.fatal = fatal;
    }
  }

  /** Reads one connection's packets in turn. Not thread-safe: one reader per connection. */
  static final class Reader {
    private final InputStream in;
    private final int max;
    private Kind kind;
    private int pushedBack = -1;

    Reader(InputStream in, int maxPacket) {
      this.in = in;
      this.max = maxPacket;
    }

    /** How the peer frames its packets; null until its first byte arrived. */
    Kind kind() {
      return kind;
    }

    /**
     * The next packet, or null when the peer closed the connection between packets.
     *
     * @throws Oversized for a packet over the limit (with SLIP the stream goes on after it)
     * @throws EOFException when the connection ended inside a packet
     */
    byte[] next() throws IOException {
      if (kind == null) {
        int first = in.read();
        if (first < 0) {
          return null;
        }
        kind = first == END || first == '/' || first == '#' ? Kind.SLIP : Kind.LENGTH;
        if (first != END) {
          pushedBack = first;
        }
      }
      return kind == Kind.LENGTH ? nextCounted() : nextSlip();
    }

    private int read() throws IOException {
      if (pushedBack >= 0) {
        int b = pushedBack;
        pushedBack = -1;
        return b;
      }
      return in.read();
    }

    private byte[] nextCounted() throws IOException {
      while (true) {
        byte[] header = new byte[4];
        int got = 0;
        while (got < 4) {
          int b = read();
          if (b < 0) {
            if (got == 0) {
              return null;
            }
            throw new EOFException("the connection ended inside a packet's length");
          }
          header[got++] = (byte) b;
        }
        int n = ByteBuffer.wrap(header).getInt();
        if (n < 0 || n > max) {
          throw new Oversized("a packet of " + Integer.toUnsignedString(n) + " bytes announced (at most " + max
              + "); the connection is closed, since what follows cannot be trusted", true);
        }
        if (n == 0) {
          continue; // an empty packet: a keep-alive
        }
        byte[] packet = in.readNBytes(n);
        if (packet.length < n) {
          throw new EOFException("the connection ended inside a packet (" + packet.length + " of " + n + " bytes)");
        }
        return packet;
      }
    }

    private byte[] nextSlip() throws IOException {
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      boolean oversized = false;
      while (true) {
        int b = read();
        if (b < 0) {
          if (oversized) {
            throw new Oversized("a packet over " + max + " bytes was skipped", false);
          }
          // nothing, or one packet with no END after it: how JavaOSC (and so oscP5) send over TCP,
          // one packet a connection
          return packet.size() == 0 ? null : packet.toByteArray();
        }
        if (b == END) {
          if (oversized) {
            throw new Oversized("a SLIP packet over " + max + " bytes was skipped", false);
          }
          if (packet.size() > 0) {
            return packet.toByteArray();
          }
          continue; // the END before a packet, or an empty one
        }
        if (b == ESC) {
          int e = read();
          b = e == ESC_END ? END : e == ESC_ESC ? ESC : e; // RFC 1055: anything else stands for itself
          if (e < 0) {
            continue; // the end of the stream; reported on the next read
          }
        }
        if (packet.size() >= max) {
          oversized = true;
          packet.reset();
        }
        if (!oversized) {
          packet.write(b);
        }
      }
    }
  }

  /** {@code packet} framed as {@code kind} for the stream. */
  static byte[] frame(Kind kind, byte[] packet) {
    if (kind == Kind.LENGTH) {
      return ByteBuffer.allocate(4 + packet.length).putInt(packet.length).put(packet).array();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(packet.length + 8);
    out.write(END);
    for (byte x : packet) {
      int b = x & 0xFF;
      if (b == END) {
        out.write(ESC);
        out.write(ESC_END);
      } else if (b == ESC) {
        out.write(ESC);
        out.write(ESC_ESC);
      } else {
        out.write(b);
      }
    }
    out.write(END);
    return out.toByteArray();
  }
}
