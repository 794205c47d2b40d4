package mishmash.net.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket connection (RFC 6455) on the server side of a {@link WebServer}: the handshake,
 * masked frames in, unmasked frames out, fragmented messages, ping, pong and close, with limits (a
 * message over {@link #MAX_MESSAGE} bytes closes the connection with 1009, text that is not UTF-8
 * with 1007, a broken frame with 1002). It is read on the connection's thread and written on a
 * thread of its own from a bounded queue, so {@link #send} never blocks: a peer that stops reading
 * loses messages (counted in {@link #dropped()}), never holds up the sender. {@link #sendLatest}
 * keeps only the newest of a kind waiting, so a slow peer gets the last value of each fader.
 * A peer silent for {@link #IDLE_MS} is pinged, and closed if it stays silent as long again.
 */
public final class WebSocket {
  public static final int MAX_MESSAGE = 64 * 1024;
  /** Messages waiting for a slow peer before more are dropped. */
  public static final int MAX_QUEUED = 1024;
  static final int IDLE_MS = 30_000;
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** What an endpoint does with its connections. Called on the connection's own thread: keep it short. */
  public interface Listener {
    default void opened(WebSocket ws) {}

    default void text(WebSocket ws, String text) {}

    default void binary(WebSocket ws, byte[] data) {}

    default void closed(WebSocket ws) {}
  }

  /** The close codes used here. */
  static final int NORMAL = 1000;
  static final int GOING_AWAY = 1001;
  static final int PROTOCOL_ERROR = 1002;
  static final int NOT_UTF8 = 1007;
  static final int TOO_BIG = 1009;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final InetSocketAddress peer;
  private final Listener listener;
  private final Map<Object, byte[]> outbox = new LinkedHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closeSent;

  WebSocket(Socket socket, InputStream in, OutputStream out, InetSocketAddress peer, Listener listener) {
    this.socket = socket;
    this.in = in;
    this.out = out;
    this.peer = peer;
    this.listener = listener;
  }

  /** The {@code Sec-WebSocket-Accept} value for a client's {@code Sec-WebSocket-Key}. */
  static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key.trim() + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-1
    }
  }

  public InetSocketAddress peer() {
    return peer;
  }

  public boolean isOpen() {
    return !closed.get();
  }

  /** Messages dropped because the peer did not read them fast enough. */
  public long dropped() {
    return dropped.get();
  }

  /** Queues a text message (never blocks). */
  public void send(String text) {
    queue(new Object(), frame(0x1, text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Queues a binary message (never blocks). */
  public void send(byte[] data) {
    queue(new Object(), frame(0x2, data));
  }

  /**
   * Queues a binary message, replacing one of the same {@code kind} still waiting: a peer that
   * falls behind gets the newest value of each kind instead of a backlog.
   */
  public void sendLatest(Object kind, byte[] data) {
    queue(kind, frame(0x2, data));
  }

  private void queue(Object key, byte[] frame) {
    if (closed.get()) {
      return;
    }
    synchronized (outbox) {
      if (outbox.size() >= MAX_QUEUED && !outbox.containsKey(key)) {
        dropped.incrementAndGet();
        return;
      }
      outbox.put(key, frame);
      outbox.notifyAll();
    }
  }

  /** Closes the connection with {@code code} (1000: normal), telling the peer why. */
  public void close(int code, String reason) {
    if (!closeSent) {
      closeSent = true;
      byte[] r = reason.getBytes(StandardCharsets.UTF_8);
      byte[] payload = ByteBuffer.allocate(2 + Math.min(r.length, 123)).putShort((short) code)
          .put(r, 0, Math.min(r.length, 123)).array();
      try {
        synchronized (out) {
          out.write(frame(0x8, payload));
          out.flush();
        }
      } catch (IOException e) {
        // the peer is gone
      }
    }
    end();
  }

  private void end() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    synchronized (outbox) {
      outbox.clear();
      outbox.notifyAll();
    }
    listener.closed(this);
  }

  /** Runs the connection on the calling thread until it closes; writes happen on a second thread. */
  void run() {
    Thread writer = new Thread(this::writeLoop, "mishmash-ws-out " + peer);
    writer.setDaemon(true);
    writer.start();
    try {
      socket.setSoTimeout(IDLE_MS);
      listener.opened(this);
      readLoop();
    } catch (IOException e) {
      end();
    } finally {
      end();
    }
  }

  private void writeLoop() {
    try {
      while (!closed.get()) {
        byte[] next;
        synchronized (outbox) {
          while (outbox.isEmpty() && !closed.get()) {
            outbox.wait();
          }
          if (closed.get()) {
            return;
          }
          Iterator<byte[]> first = outbox.values().iterator();
          next = first.next();
          first.remove();
        }
        synchronized (out) {
          out.write(next);
          if (outboxEmpty()) {
            out.flush();
          }
        }
      }
    } catch (InterruptedException | IOException e) {
      end();
    }
  }

  private boolean outboxEmpty() {
    synchronized (outbox) {
      return outbox.isEmpty();
    }
  }

  private void readLoop() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    int messageType = 0; // 0: none under way, else the first fragment's opcode
    boolean pinged = false;
    while (!closed.get()) {
      int b0;
      try {
        b0 = in.read();
      } catch (SocketTimeoutException e) {
        if (pinged) {
          close(GOING_AWAY, "no answer to a ping");
          return;
        }
        pinged = true;
        queue(new Object(), frame(0x9, new byte[0]));
        continue;
      }
      if (b0 < 0) {
        end();
        return;
      }
      pinged = false;
      int b1 = readByte();
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0F;
      if ((b0 & 0x70) != 0) {
        close(PROTOCOL_ERROR, "reserved bits set (no extension was agreed)");
        return;
      }
      if ((b1 & 0x80) == 0) {
        close(PROTOCOL_ERROR, "a client's frames must be masked");
        return;
      }
      long length = b1 & 0x7F;
      if (length == 126) {
        length = (readByte() << 8) | readByte();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | readByte();
        }
      }
      boolean control = opcode >= 0x8;
      if (control && (length > 125 || !fin)) {
        close(PROTOCOL_ERROR, "a control frame must be whole and at most 125 bytes");
        return;
      }
      if (length < 0 || length + message.size() > MAX_MESSAGE) {
        close(TOO_BIG, "messages are at most " + MAX_MESSAGE + " bytes");
        return;
      }
      byte[] mask = readBytes(4);
      byte[] payload = readBytes((int) length);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i & 3];
      }
      switch (opcode) {
        case 0x0 -> { // continuation
          if (messageType == 0) {
            close(PROTOCOL_ERROR, "a continuation frame with no message under way");
            return;
          }
          message.write(payload);
        }
        case 0x1, 0x2 -> {
          if (messageType != 0) {
            close(PROTOCOL_ERROR, "a new message before the last one ended");
            return;
          }
          messageType = opcode;
          message.reset();
          message.write(payload);
        }
        case 0x8 -> {
          int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : NORMAL;
          close(code == 1005 || code == 1006 || code == 1015 || code < 1000 ? NORMAL : code, "");
          return;
        }
        case 0x9 -> queue(new Object(), frame(0xA, payload)); // ping: pong with its payload
        case 0xA -> { } // pong
        default -> {
          close(PROTOCOL_ERROR, "unknown opcode " + opcode);
          return;
        }
      }
      if (fin && !control && messageType != 0) {
        byte[] whole = message.toByteArray();
        int type = messageType;
        messageType = 0;
        message.reset();
        if (type == 0x1) {
          String text;
          try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(whole)).toString();
          } catch (CharacterCodingException e) {
            close(NOT_UTF8, "text messages must be UTF-8");
            return;
          }
          listener.text(this, text);
        } else {
          listener.binary(this, whole);
        }
      }
    }
  }

  /** Inside a frame the peer may not dawdle: a timeout there ends the connection. */
  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("the connection ended inside a frame");
    }
    return b;
  }

  private byte[] readBytes(int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length < n) {
      throw new EOFException("the connection ended inside a frame");
    }
    return b;
  }

  /** A server's frame: FIN set, not masked. */
  static byte[] frame(int opcode, byte[] payload) {
    int n = payload.length;
    int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
    ByteBuffer b = ByteBuffer.allocate(header + n);
    b.put((byte) (0x80 | opcode));
    if (n < 126) {
      b.put((byte) n);
    } else if (n < 65536) {
      b.put((byte) 126).putShort((short) n);
    } else {
      b.put((byte) 127).putLong(n);
    }
    return b.put(payload).array();
  }

  @Override
  public String toString() {
    return "websocket " + peer;
  }
}
