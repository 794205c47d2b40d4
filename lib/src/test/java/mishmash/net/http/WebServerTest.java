package mishmash.net.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mishmash.net.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP server and its WebSockets against what a hostile or broken client sends, on loopback. */
class WebServerTest {
  WebServer web;
  final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
  final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
  volatile boolean beating = true;
  volatile long longestGapMs;
  volatile long beats;
  Thread frames;

  @BeforeEach
  void start() throws Exception {
    web = WebServer.start(Network.local(), 0, "test");
    web.route("/hello", r -> Response.text(200, "hello " + r.query()));
    web.webSocket("/", new WebSocket.Listener() {
      @Override
      public void text(WebSocket ws, String text) {
        texts.add(text);
        ws.send("echo " + text);
      }

      @Override
      public void binary(WebSocket ws, byte[] data) {
        binaries.add(data);
      }
    });
    // a stand-in for the sketch's frame loop: what the server does must never hold it up
    frames = new Thread(() -> {
      long last = System.nanoTime();
      while (beating) {
        long now = System.nanoTime();
        longestGapMs = Math.max(longestGapMs, (now - last) / 1_000_000);
        last = now;
        beats++;
        try {
          Thread.sleep(16);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    frames.start();
  }

  @AfterEach
  void stop() throws Exception {
    beating = false;
    frames.join();
    web.close();
  }

  Socket open() throws IOException {
    return HttpFuzz.open(web.port());
  }

  int raw(byte[] request) throws IOException {
    return HttpFuzz.raw(web.port(), request);
  }

  int raw(String request) throws IOException {
    return raw(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void badRequestsGetTheirStatusAndGoodOnesStillWork() throws Exception {
    assertEquals(200, raw("GET /hello?x HTTP/1.1\r\nHost: a\r\n\r\n"));
    assertEquals(404, raw("GET /nothing HTTP/1.1\r\n\r\n"));
    assertEquals(400, raw("GET /%zz HTTP/1.1\r\n\r\n"), "a broken escape");
    assertEquals(400, raw("GET /a%00b HTTP/1.1\r\n\r\n"), "a NUL in the path");
    assertEquals(400, raw("GET /%C3%28 HTTP/1.1\r\n\r\n"), "not UTF-8");
    assertEquals(400, raw("GET relative HTTP/1.1\r\n\r\n"));
    assertEquals(400, raw("GARBAGE\r\n\r\n"));
    assertEquals(505, raw("GET / HTTP/2.0\r\n\r\n"));
    assertEquals(400, raw("GET / HTTP/1.1\r\nno colon here\r\n\r\n"));
    assertEquals(413, raw("POST /hello HTTP/1.1\r\nContent-Length: 1000000000\r\n\r\n"));
    assertEquals(411, raw("POST /hello HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"));
    assertEquals(431, raw("GET / HTTP/1.1\r\nX-Huge: " + "a".repeat(WebServer.MAX_HEAD) + "\r\n\r\n"));
    StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\n");
    for (int i = 0; i < 2000; i++) {
      many.append("X-").append(i).append(": 1\r\n");
    }
    assertEquals(431, raw(many.append("\r\n").toString()), "thousands of header lines");
    assertEquals(200, raw("GET /hello HTTP/1.1\r\n\r\n"), "and it still answers");
  }

  @Test
  void fuzzedSlowAndHugeRequestsLeaveTheServerAndTheFrameLoopRunning() throws Exception {
    long start = beats;
    HttpFuzz.Result fuzz = HttpFuzz.run(web.port(), 300, 20, 12, "/hello");
    assertEquals(300, fuzz.answered(), "every junk request got an HTTP answer or a hang-up");
    assertTrue(fuzz.goodWhileSlow(), "a good request got through while the slow ones dawdled");
    assertTrue(fuzz.slowCut() >= 19, "slow clients were cut off: " + fuzz.slowCut() + " of 20");
    assertEquals(200, raw("GET /hello HTTP/1.1\r\n\r\n"));
    assertTrue(beats - start > 100, "the frame loop kept going: " + (beats - start) + " beats");
    assertTrue(longestGapMs < 1000, "no frame waited on the server: longest gap " + longestGapMs + " ms");
    assertTrue(web.complaints().count("bad request") > 100, web.complaints().counts().toString());
  }

  @Test
  void connectionsBeyondTheLimitAreTurnedAwayNotQueued() throws Exception {
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < WebServer.MAX_CONNECTIONS; i++) {
        idle.add(open());
      }
      Thread.sleep(200);
      assertEquals(503, raw("GET /hello HTTP/1.1\r\n\r\n"), "full: told to come back");
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    int status = 0;
    while (status != 200 && System.nanoTime() < end) {
      status = raw("GET /hello HTTP/1.1\r\n\r\n");
      Thread.sleep(50);
    }
    assertEquals(200, status, "back once they went");
  }

  // WebSocket, RFC 6455

  /** A raw WebSocket: the handshake, then frames as the test writes them. */
  final class Ws implements AutoCloseable {
    final Socket socket;
    final DataInputStream in;
    final OutputStream out;

    Ws(String extraHeaders) throws IOException {
      socket = open();
      out = socket.getOutputStream();
      in = new DataInputStream(socket.getInputStream());
      String key = java.util.Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
      out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** The reply's status line and headers. */
    String head() throws IOException {
      ByteArrayOutputStream h = new ByteArrayOutputStream();
      while (!h.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        h.write(b);
      }
      return h.toString(StandardCharsets.ISO_8859_1);
    }

    void frame(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
      ByteArrayOutputStream f = new ByteArrayOutputStream();
      f.write((fin ? 0x80 : 0) | opcode);
      int n = payload.length;
      int mask = masked ? 0x80 : 0;
      if (n < 126) {
        f.write(mask | n);
      } else if (n < 65536) {
        f.write(mask | 126);
        f.write(n >> 8);
        f.write(n);
      } else {
        f.write(mask | 127);
        f.write(ByteBuffer.allocate(8).putLong(n).array());
      }
      byte[] key = {1, 2, 3, 4};
      if (masked) {
        f.write(key);
      }
      for (int i = 0; i < n; i++) {
        f.write(masked ? payload[i] ^ key[i & 3] : payload[i]);
      }
      out.write(f.toByteArray());
      out.flush();
    }

    /** The next frame from the server: {opcode, payload...} as opcode and bytes. */
    Object[] read() throws IOException {
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      assertEquals(0, b1 & 0x80, "a server's frames are not masked");
      long n = b1 & 0x7F;
      if (n == 126) {
        n = in.readUnsignedShort();
      } else if (n == 127) {
        n = in.readLong();
      }
      byte[] payload = new byte[(int) n];
      in.readFully(payload);
      return new Object[] {b0 & 0x0F, payload};
    }

    int closeCode() throws IOException {
      Object[] f = read();
      assertEquals(0x8, f[0], "a close frame");
      byte[] p = (byte[]) f[1];
      return ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void theHandshakeAnswersWithTheKeysHash() throws Exception {
    assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocket.accept("dGhlIHNhbXBsZSBub25jZQ=="), "RFC 6455's own example");
    try (Ws ws = new Ws("")) {
      String head = ws.head();
      assertTrue(head.startsWith("HTTP/1.1 101"), head);
      assertTrue(head.contains("Sec-WebSocket-Accept: " + WebSocket.accept(
          java.util.Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII)))), head);
      // a text message in three fragments, a ping in between: reassembled, and the ping answered
      ws.frame(false, 0x1, "LIS".getBytes(StandardCharsets.UTF_8), true);
      ws.frame(true, 0x9, "beat".getBytes(StandardCharsets.UTF_8), true);
      ws.frame(false, 0x0, "TE".getBytes(StandardCharsets.UTF_8), true);
      ws.frame(true, 0x0, "N ✓".getBytes(StandardCharsets.UTF_8), true);
      Object[] pong = ws.read();
      assertEquals(0xA, pong[0]);
      assertEquals("beat", new String((byte[]) pong[1], StandardCharsets.UTF_8));
      assertEquals("LISTEN ✓", texts.poll(5, TimeUnit.SECONDS));
      Object[] echo = ws.read();
      assertEquals(0x1, echo[0]);
      assertEquals("echo LISTEN ✓", new String((byte[]) echo[1], StandardCharsets.UTF_8));
      byte[] big = new byte[65_000];
      new Random(3).nextBytes(big);
      ws.frame(true, 0x2, big, true); // a 16-bit length
      assertTrue(java.util.Arrays.equals(big, binaries.poll(5, TimeUnit.SECONDS)), "a big binary message, whole");
      ws.frame(true, 0x8, new byte[] {0x03, (byte) 0xE8}, true);
      assertEquals(1000, ws.closeCode(), "a close is answered with a close");
    }
  }

  @Test
  void brokenFramesCloseTheConnectionWithTheRightCode() throws Exception {
    try (Ws ws = new Ws("")) {
      ws.head();
      ws.frame(true, 0x1, "hi".getBytes(StandardCharsets.UTF_8), false);
      assertEquals(1002, ws.closeCode(), "a client's frame must be masked");
    }
    try (Ws ws = new Ws("")) {
      ws.head();
      ws.frame(true, 0x2, new byte[WebSocket.MAX_MESSAGE + 1], true); // a 64-bit length
      assertEquals(1009, ws.closeCode(), "too big");
    }
    try (Ws ws = new Ws("")) {
      ws.head();
      ws.frame(true, 0x1, new byte[] {(byte) 0xC3, 0x28}, true);
      assertEquals(1007, ws.closeCode(), "not UTF-8");
    }
    try (Ws ws = new Ws("")) {
      ws.head();
      ws.frame(true, 0x0, "x".getBytes(StandardCharsets.UTF_8), true);
      assertEquals(1002, ws.closeCode(), "a continuation of nothing");
    }
    try (Ws ws = new Ws("")) {
      ws.head();
      ws.frame(true, 0x3, new byte[0], true);
      assertEquals(1002, ws.closeCode(), "an unknown opcode");
    }
    try (Ws ws = new Ws("")) {
      ws.head();
      ws.frame(false, 0x9, new byte[0], true);
      assertEquals(1002, ws.closeCode(), "a fragmented control frame");
    }
    assertEquals(200, raw("GET /hello HTTP/1.1\r\n\r\n"), "the server goes on");
  }

  @Test
  void aWebPageFromAnotherSiteCannotOpenAWebSocket() throws Exception {
    try (Ws ws = new Ws("Origin: http://evil.example\r\n")) {
      assertTrue(ws.head().startsWith("HTTP/1.1 403"));
    }
    try (Ws ws = new Ws("Origin: http://localhost:8080\r\n")) {
      assertTrue(ws.head().startsWith("HTTP/1.1 101"), "a page served from this machine may");
    }
  }

  @Test
  void aSlowWebSocketReaderGetsTheNewestValueOfEachKindNotABacklog() throws Exception {
    try (Ws ws = new Ws("")) {
      ws.head();
      Thread.sleep(100);
      WebSocket server = web.webSockets().iterator().next();
      for (int i = 0; i < 100_000; i++) {
        server.sendLatest("/a", ByteBuffer.allocate(4).putInt(i).array()); // the reader reads nothing meanwhile
      }
      server.sendLatest("/b", new byte[] {9});
      int lastA = -1;
      boolean sawB = false;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!(lastA == 99_999 && sawB) && System.nanoTime() < end) {
        Object[] f = ws.read();
        byte[] p = (byte[]) f[1];
        if (p.length == 4) {
          lastA = ByteBuffer.wrap(p).getInt();
        } else {
          sawB = true;
        }
      }
      assertEquals(99_999, lastA, "the last value arrived");
      assertTrue(sawB);
      assertEquals(0, server.dropped(), "nothing of a kind was dropped, only overwritten");
    }
  }
}
