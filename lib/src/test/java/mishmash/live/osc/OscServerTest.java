package mishmash.live.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.transport.NetworkProtocol;
import com.illposed.osc.transport.OSCPortOut;
import com.illposed.osc.transport.OSCPortOutBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mishmash.live.Controls;
import mishmash.live.Live;
import mishmash.live.Params;
import mishmash.live.Presets;
import mishmash.net.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives a sketch's parameters over real UDP (and TCP) OSC on loopback. */
class OscServerTest {
  enum Death { OLDEST, RANDOM }

  static class Sketch {
    @Live(min = 0, max = 2) float mutation = 0.35f;
    @Live(min = 1, max = 16) int columns = 8;
    @Live Death death = Death.OLDEST;
    int births;
    double[] latent = new double[4];

    @Live void breed() {
      births++;
    }
  }

  @TempDir Path tmp;
  Sketch sketch;
  Controls controls;
  OscServer server;
  DatagramChannel client;
  int frame;

  @BeforeEach
  void start() throws Exception {
    sketch = new Sketch();
    controls = new Controls("test", Params.of(sketch), 1);
    controls.onLatent((i, v) -> {
      if (i < sketch.latent.length) {
        sketch.latent[i] = v;
      }
    });
    server = OscServer.start(controls, new Presets(tmp.resolve("presets"), controls),
        new OscServer.Settings(Network.local(), 0, false, 0));
    client = DatagramChannel.open();
    client.bind(new InetSocketAddress("127.0.0.1", 0));
    client.socket().setSoTimeout(2000);
  }

  @AfterEach
  void stop() throws Exception {
    controls.close();
    client.close();
  }

  void send(String address, Object... args) throws Exception {
    client.send(packet(address, args), new InetSocketAddress("127.0.0.1", server.port()));
  }

  /** Runs frames until the server has handed on {@code n} control messages (or 5 s pass). */
  void framesUntilAccepted(long n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.accepted() < n && System.nanoTime() < end) {
      Thread.sleep(1);
    }
    controls.frame(++frame, frame / 60.0);
  }

  OSCMessage receive() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(8192);
    client.configureBlocking(true);
    var channel = client.socket().getChannel();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    client.configureBlocking(false);
    while (System.nanoTime() < end) {
      b.clear();
      if (channel.receive(b) != null) {
        b.flip();
        OSCPacket p = new OSCSerializerAndParserBuilder().buildParser().convert(b);
        return (OSCMessage) p;
      }
      Thread.sleep(2);
    }
    throw new SocketTimeoutException("no reply");
  }

  @Test
  void everyAddressFormPlaysTheSketchOnTheNextFrame() throws Exception {
    send("/mishmash/test/mutation", 1.5f);
    send("/mishmash/test/columns/norm", 1.0f);
    send("/mishmash/test/death", "random");
    send("/mishmash/test/breed");
    send("/mishmash/test/breed", 0f); // a TouchOSC button's release
    send("/mishmash/test/latent/2", -1.25f);
    framesUntilAccepted(6);
    assertEquals(1.5f, sketch.mutation, 1e-6);
    assertEquals(16, sketch.columns);
    assertEquals(Death.RANDOM, sketch.death);
    assertEquals(1, sketch.births);
    assertEquals(-1.25, sketch.latent[2], 1e-6);
    send("/mishmash/test/mutation", 3); // an int, out of range
    send("/mishmash/test/mutation", Double.NaN);
    framesUntilAccepted(8);
    assertEquals(2f, sketch.mutation, "clamped, and NaN ignored");
    assertEquals(1, controls.complaints().count("not a number"));
  }

  @Test
  void listAndPingAnswerTheSender() throws Exception {
    send("/mishmash/ping");
    assertEquals("/mishmash/pong", receive().getAddress());
    send("/mishmash/test/list");
    List<String> names = new ArrayList<>();
    OSCMessage m;
    while (!(m = receive()).getAddress().endsWith("list/end")) {
      names.add(m.getAddress() + " " + m.getArguments().get(0));
      if (m.getArguments().get(0).equals("mutation")) {
        assertEquals(List.of("mutation", 0f, 2f, 0.35f, "", "number", ""), m.getArguments());
      }
    }
    assertEquals(List.of("/mishmash/test/param mutation", "/mishmash/test/param columns", "/mishmash/test/param death",
        "/mishmash/test/action breed"), names);
    assertEquals(4, m.getArguments().get(0));
  }

  @Test
  void subscribersHearEveryChangeFromAnySource() throws Exception {
    send("/mishmash/test/subscribe");
    Thread.sleep(50);
    controls.submit(mishmash.live.Change.set("mutation", 1, "midi"));
    controls.frame(++frame, frame / 60.0); // applied
    controls.frame(++frame, frame / 60.0); // fed back
    OSCMessage value = receive();
    OSCMessage norm = receive();
    assertEquals("/mishmash/test/mutation", value.getAddress());
    assertEquals(1f, value.getArguments().get(0));
    assertEquals("/mishmash/test/mutation/norm", norm.getAddress());
    assertEquals(0.5f, norm.getArguments().get(0));
  }

  @Test
  void presetsCanBeSavedAndRecalledOverOsc() throws Exception {
    send("/mishmash/test/mutation", 1.8f);
    framesUntilAccepted(1);
    send("/mishmash/test/preset/save", "loud");
    Thread.sleep(200);
    assertTrue(Files.exists(tmp.resolve("presets/loud.json")));
    send("/mishmash/test/mutation", 0f);
    framesUntilAccepted(2);
    send("/mishmash/test/preset/recall", "loud", 0f);
    Thread.sleep(200);
    controls.frame(++frame, frame / 60.0);
    assertEquals(1.8f, sketch.mutation, 1e-5);
  }

  @Test
  void thousandsOfRandomDatagramsBreakNothing() throws Exception {
    Random r = new Random(42);
    ByteBuffer valid = ByteBuffer.allocate(256);
    new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(valid))
        .write(new OSCMessage("/mishmash/test/columns", List.of(5)));
    valid.flip();
    byte[] good = new byte[valid.remaining()];
    valid.get(good);
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.port());
    int sent = 0;
    for (int i = 0; i < 5000; i++) {
      byte[] junk;
      switch (i % 5) {
        case 0 -> { // random bytes
          junk = new byte[r.nextInt(200)];
          r.nextBytes(junk);
        }
        case 1 -> { // a valid packet, truncated
          junk = java.util.Arrays.copyOf(good, r.nextInt(good.length));
        }
        case 2 -> { // a valid packet with flipped bytes
          junk = good.clone();
          junk[r.nextInt(junk.length)] ^= (byte) (1 + r.nextInt(255));
        }
        case 3 -> { // oversized
          junk = new byte[OscServer.MAX_PACKET + 1 + r.nextInt(20000)];
          System.arraycopy(good, 0, junk, 0, good.length);
        }
        default -> { // a bundle header with garbage after it
          junk = ("#bundle\0" + "\0\0\0\0\0\0\0\1" + "\0\0\7\u00ff").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
      }
      client.send(ByteBuffer.wrap(junk), to);
      sent++;
      if (i % 200 == 0) {
        controls.frame(++frame, frame / 60.0);
        Thread.sleep(1);
      }
    }
    send("/mishmash/test/unknown/address", 1f);
    send("/mishmash/test/mutation", "not a number");
    send("/mishmash/test/mutation", 1f, 2f);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.received() < sent + 3 && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    controls.frame(++frame, frame / 60.0);
    // after all that, the sketch still answers a valid message
    long before = server.accepted();
    send("/mishmash/test/mutation", 0.9f);
    framesUntilAccepted(before + 1);
    assertEquals(0.9f, sketch.mutation, 1e-6, "a valid message still works");
    var counts = server.complaints().counts();
    assertTrue(counts.getOrDefault("malformed packet", 0L) > 500, counts.toString());
    assertTrue(counts.getOrDefault("oversized packet", 0L) >= 500, counts.toString()); // the kernel may drop some of a burst of big ones
    assertTrue(counts.getOrDefault("unknown address", 0L) >= 1, counts.toString());
    assertTrue(counts.getOrDefault("wrong type", 0L) >= 2, counts.toString());
  }

  @Test
  void sendersOffTheAllowListAreIgnoredAndThisMachineIsAlwaysLetIn() throws Exception {
    controls.close();
    controls = new Controls("test", Params.of(sketch), 1);
    server = OscServer.start(controls, null, new OscServer.Settings(
        new Network("127.0.0.1", List.of(Network.Range.parse("10.1.2.0/24")), false), 0, false, 0));
    try (DatagramChannel stranger = DatagramChannel.open()) {
      stranger.bind(new InetSocketAddress("127.0.0.2", 0)); // another address, never leaving the machine
      for (int i = 0; i < 100; i++) {
        stranger.send(packet("/mishmash/test/mutation", 1.9f), new InetSocketAddress("127.0.0.1", server.port()));
      }
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.received() < 100 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
    }
    controls.frame(1, 0);
    assertEquals(0.35f, sketch.mutation);
    assertEquals(100, server.complaints().count("sender not allowed"));
    send("/mishmash/test/mutation", 1.2f); // from 127.0.0.1
    framesUntilAccepted(1);
    assertEquals(1.2f, sketch.mutation, 1e-6);
  }

  static ByteBuffer packet(String address, Object... args) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(4096);
    new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(b))
        .write(new OSCMessage(address, List.of(args)));
    b.flip();
    return b;
  }

  @Test
  void fiveThousandMessagesInASecondAllArrive() throws Exception {
    int n = 5000;
    Thread frames = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        controls.frame(++frame, frame / 60.0);
        try {
          Thread.sleep(16);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    frames.start();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      send("/mishmash/test/columns", 1 + i % 16);
      long due = t0 + (long) (i + 1) * 1_000_000_000L / n; // paced: 5,000 a second
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (controls.handled() < n && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    frames.interrupt();
    frames.join();
    assertEquals(n, server.accepted(), "every datagram arrived and parsed");
    assertEquals(n, controls.handled(), "every message was applied");
  }

  @Test
  void tcpCarriesTheSameMessages() throws Exception {
    controls.close();
    controls = new Controls("test", Params.of(sketch), 1);
    server = OscServer.start(controls, null, new OscServer.Settings(Network.local(), 0, true, 0));
    OSCPortOut out = new OSCPortOutBuilder()
        .setRemoteSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()))
        .setNetworkProtocol(NetworkProtocol.TCP).build();
    out.send(new OSCMessage("/mishmash/test/columns", List.of(11)));
    framesUntilAccepted(1);
    out.close();
    assertEquals(11, sketch.columns);
  }

  @Test
  void liblosOscsendPlaysTheSketch() throws Exception {
    Path oscsend = Path.of("/usr/bin/oscsend");
    if (!Files.isExecutable(oscsend)) {
      if ("1".equals(System.getenv("MISHMASH_CI"))) {
        throw new AssertionError("CI must have liblo-tools (oscsend) installed");
      }
      Assumptions.abort("SKIPPED: liblo's oscsend is not installed (apt-get install liblo-tools)");
    }
    Process p = new ProcessBuilder(oscsend.toString(), "127.0.0.1", Integer.toString(server.port()),
        "/mishmash/test/mutation", "f", "1.25").redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    p = new ProcessBuilder(oscsend.toString(), "127.0.0.1", Integer.toString(server.port()),
        "/mishmash/test/death", "s", "random").redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    framesUntilAccepted(2);
    assertEquals(1.25f, sketch.mutation, 1e-6);
    assertEquals(Death.RANDOM, sketch.death);
  }

  // issue 12, 3: two sketches bound the same UDP port without an error

  @Test
  void aSecondSketchOnTheSamePortIsToldItIsTaken() throws Exception {
    Controls other = new Controls("test", Params.of(new Sketch()), 1);
    java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> OscServer.start(other, null, new OscServer.Settings(Network.local(), server.port(), false, 0)));
    assertTrue(e.getMessage().contains("port " + server.port()) && e.getMessage().contains("--osc-port"), e.getMessage());
    other.close();
    send("/mishmash/test/mutation", 1.4f);
    framesUntilAccepted(1);
    assertEquals(1.4f, sketch.mutation, 1e-6, "the first sketch still gets everything");
  }

  // issue 12, 4: --osc-tcp refused what liblo sends (OSC 1.0: an int32 length before each packet)

  static Path oscsend() {
    Path oscsend = Path.of("/usr/bin/oscsend");
    if (!Files.isExecutable(oscsend)) {
      if ("1".equals(System.getenv("MISHMASH_CI"))) {
        throw new AssertionError("CI must have liblo-tools (oscsend) installed");
      }
      Assumptions.abort("SKIPPED: liblo's oscsend is not installed (apt-get install liblo-tools)");
    }
    return oscsend;
  }

  OscServer tcpServer() throws Exception {
    controls.close();
    controls = new Controls("test", Params.of(sketch), 1);
    server = OscServer.start(controls, null, new OscServer.Settings(Network.local(), 0, true, 0));
    return server;
  }

  @Test
  void liblosOscsendOverTcpPlaysTheSketch() throws Exception {
    Path oscsend = oscsend();
    tcpServer();
    for (String[] m : new String[][] {{"/mishmash/test/mutation", "f", "1.3"}, {"/mishmash/test/death", "s", "random"},
        {"/mishmash/test/columns", "i", "12"}}) {
      Process p = new ProcessBuilder(oscsend.toString(), "osc.tcp://127.0.0.1:" + server.port(), m[0], m[1], m[2])
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
    }
    framesUntilAccepted(3);
    assertEquals(1.3f, sketch.mutation, 1e-6);
    assertEquals(Death.RANDOM, sketch.death);
    assertEquals(12, sketch.columns);
    assertEquals(0, server.complaints().count("malformed packet"), server.complaints().counts().toString());
  }

  @Test
  void tcpTakesBothFramingsAndFeedsBackInTheClientsOwn() throws Exception {
    tcpServer();
    byte[] columns = bytes(packet("/mishmash/test/columns", 5));
    byte[] death = bytes(packet("/mishmash/test/death", "random"));
    try (java.net.Socket length = new java.net.Socket("127.0.0.1", server.port());
        java.net.Socket slip = new java.net.Socket("127.0.0.1", server.port())) {
      length.setSoTimeout(3000);
      slip.setSoTimeout(3000);
      // OSC 1.0: length, packet, length, packet in one write
      length.getOutputStream().write(concat(OscFraming.frame(OscFraming.Kind.LENGTH, columns),
          OscFraming.frame(OscFraming.Kind.LENGTH, death)));
      // OSC 1.1: SLIP, a packet with an END byte (0xC0) inside its float, escaped
      byte[] withEnd = bytes(packet("/mishmash/test/mutation", Float.intBitsToFloat(0x3FC000C0)));
      slip.getOutputStream().write(OscFraming.frame(OscFraming.Kind.SLIP, withEnd));
      framesUntilAccepted(3);
      assertEquals(5, sketch.columns);
      assertEquals(Death.RANDOM, sketch.death);
      assertEquals(Float.intBitsToFloat(0x3FC000C0), sketch.mutation, "the escaped byte came through");
      // both became clients: a change from elsewhere reaches both, framed as each frames
      controls.submit(mishmash.live.Change.set("columns", 9, "midi"));
      controls.frame(++frame, frame / 60.0);
      controls.frame(++frame, frame / 60.0);
      OscFraming.Reader fromLength = new OscFraming.Reader(length.getInputStream(), 8192);
      OscFraming.Reader fromSlip = new OscFraming.Reader(slip.getInputStream(), 8192);
      assertTrue(hears(fromLength, "/mishmash/test/columns", 9f), "the OSC 1.0 client");
      assertEquals(OscFraming.Kind.LENGTH, fromLength.kind());
      assertTrue(hears(fromSlip, "/mishmash/test/columns", 9f), "the OSC 1.1 client");
      assertEquals(OscFraming.Kind.SLIP, fromSlip.kind());
    }
    assertEquals(0, server.complaints().count("malformed packet"), server.complaints().counts().toString());
  }

  @Test
  void aTcpLengthBeyondTheLimitClosesThatConnectionOnly() throws Exception {
    tcpServer();
    try (java.net.Socket bad = new java.net.Socket("127.0.0.1", server.port())) {
      bad.getOutputStream().write(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3});
      bad.setSoTimeout(3000);
      assertEquals(-1, bad.getInputStream().read(), "the server hung up");
    }
    try (java.net.Socket good = new java.net.Socket("127.0.0.1", server.port())) {
      good.getOutputStream().write(OscFraming.frame(OscFraming.Kind.LENGTH, bytes(packet("/mishmash/test/columns", 3))));
      framesUntilAccepted(1);
    }
    assertEquals(3, sketch.columns);
    assertEquals(1, server.complaints().count("oversized packet"));
  }

  /** Reads a TCP client's feedback until {@code address value} comes (true) or the socket times out. */
  static boolean hears(OscFraming.Reader in, String address, Object value) throws Exception {
    for (int i = 0; i < 100; i++) {
      byte[] p = in.next();
      if (p == null) {
        return false;
      }
      OSCMessage m = (OSCMessage) new OSCSerializerAndParserBuilder().buildParser().convert(ByteBuffer.wrap(p));
      if (m.getAddress().equals(address) && m.getArguments().equals(List.of(value))) {
        return true;
      }
    }
    return false;
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // issue 12, 6: a stray type tag flooded the log, one line per packet from JavaOSC

  @Test
  void strayTypeTagsAreCountedNotLoggedPerPacket() throws Exception {
    byte[] valid = bytes(packet("/mishmash/test/mutation", 1f));
    byte[] stray = valid.clone();
    for (int i = 0; i < stray.length - 1; i++) {
      if (stray[i] == ',' && stray[i + 1] == 'f') {
        stray[i + 1] = 'X'; // a type tag nobody knows
      }
    }
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(log, true));
    try {
      InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.port());
      for (int i = 0; i < 5000; i++) {
        client.send(ByteBuffer.wrap(stray), to);
        if (i % 500 == 0) {
          Thread.sleep(2);
        }
      }
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.complaints().count("unknown type tag") < 5000 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
    } finally {
      System.setErr(err);
    }
    assertEquals(5000, server.complaints().count("unknown type tag"));
    long lines = log.toString().lines().count();
    assertTrue(lines <= 2, "rate-limited: " + lines + " lines, starting " + log.toString().lines().limit(3).toList());
    assertEquals(0.35f, sketch.mutation, "dropped, as OSC 1.0 says");
  }

  // issue 12, 7: /unsubscribe dropped every client on the sender's host

  @Test
  void unsubscribeStopsOnlyTheSendersOwnFeedback() throws Exception {
    try (DatagramChannel other = DatagramChannel.open()) {
      other.bind(new InetSocketAddress("127.0.0.1", 0));
      InetSocketAddress to = new InetSocketAddress("127.0.0.1", server.port());
      send("/mishmash/test/subscribe");
      other.send(packet("/mishmash/test/subscribe"), to);
      Thread.sleep(100);
      assertEquals(2, server.clients().size(), server.clients().toString());
      send("/mishmash/test/unsubscribe");
      Thread.sleep(100);
      assertEquals(java.util.Set.of(other.getLocalAddress()), server.clients(), "the other program still listens");
      controls.submit(mishmash.live.Change.set("columns", 2, "midi"));
      controls.frame(++frame, frame / 60.0);
      controls.frame(++frame, frame / 60.0);
      other.socket().setSoTimeout(2000);
      ByteBuffer b = ByteBuffer.allocate(1024);
      other.configureBlocking(true);
      other.receive(b);
      b.flip();
      assertEquals("/mishmash/test/columns", ((OSCMessage) new OSCSerializerAndParserBuilder().buildParser().convert(b))
          .getAddress());
      // and a subscription to a port is dropped by naming the port, from any socket (liblo's oscsend uses a new one each time)
      other.send(packet("/mishmash/test/unsubscribe", ((InetSocketAddress) other.getLocalAddress()).getPort()), to);
      client.send(packet("/mishmash/test/ping"), to);
      Thread.sleep(100);
      assertTrue(server.clients().isEmpty(), server.clients().toString());
    }
  }

  // issue 12, 11: /list and /ping replies never reached the feedback port; enums were fed back as numbers

  @Test
  void repliesAlsoReachTheFeedbackPortAndChoicesAreFedBackByName() throws Exception {
    controls.close();
    controls = new Controls("test", Params.of(sketch), 1);
    try (DatagramChannel touchOsc = DatagramChannel.open()) {
      touchOsc.bind(new InetSocketAddress("127.0.0.1", 0)); // where the phone listens (9000 in life)
      int feedback = ((InetSocketAddress) touchOsc.getLocalAddress()).getPort();
      server = OscServer.start(controls, null, new OscServer.Settings(Network.local(), 0, false, feedback));
      send("/mishmash/ping");
      assertEquals("/mishmash/pong", receive().getAddress(), "the sender's own port");
      assertEquals("/mishmash/pong", receiveOn(touchOsc).getAddress(), "and the feedback port");
      send("/mishmash/test/death", "random");
      framesUntilAccepted(1);
      controls.frame(++frame, frame / 60.0);
      OSCMessage value = receiveOn(touchOsc);
      OSCMessage norm = receiveOn(touchOsc);
      assertEquals("/mishmash/test/death", value.getAddress());
      assertEquals(List.of("random"), value.getArguments());
      assertEquals("/mishmash/test/death/norm", norm.getAddress());
      assertEquals(List.of(1f), norm.getArguments());
    }
  }

  static OSCMessage receiveOn(DatagramChannel c) throws Exception {
    c.configureBlocking(false);
    ByteBuffer b = ByteBuffer.allocate(8192);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < end) {
      b.clear();
      if (c.receive(b) != null) {
        b.flip();
        return (OSCMessage) new OSCSerializerAndParserBuilder().buildParser().convert(b);
      }
      Thread.sleep(2);
    }
    throw new SocketTimeoutException("nothing on " + c.getLocalAddress());
  }

  // issue 12, 5: no feedback during a preset crossfade

  @Test
  void aFaderFollowsAPresetCrossfade() throws Exception {
    send("/mishmash/test/subscribe");
    Thread.sleep(50);
    controls.frame(++frame, 0);
    controls.submit(new mishmash.live.Change(mishmash.live.Change.Type.RECALL, "calm", 1,
        "{\"values\":{\"mutation\":1.35}}", "panel"));
    List<Float> heard = new ArrayList<>();
    for (int f = 1; f <= 14; f++) {
      controls.frame(++frame, f / 10.0);
    }
    controls.frame(++frame, 2);
    client.configureBlocking(false);
    ByteBuffer b = ByteBuffer.allocate(8192);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() < end && (heard.isEmpty() || heard.get(heard.size() - 1) < 1.35f)) {
      b.clear();
      if (client.receive(b) != null) {
        b.flip();
        OSCMessage m = (OSCMessage) new OSCSerializerAndParserBuilder().buildParser().convert(b);
        if (m.getAddress().equals("/mishmash/test/mutation")) {
          heard.add((Float) m.getArguments().get(0));
        }
      } else {
        Thread.sleep(2);
      }
    }
    assertTrue(heard.size() >= 8, "a value every frame of the fade: " + heard);
    assertTrue(heard.stream().anyMatch(v -> v > 0.6f && v < 1.2f), "on the way: " + heard);
    assertEquals(1.35f, heard.get(heard.size() - 1), 1e-5);
  }
}
