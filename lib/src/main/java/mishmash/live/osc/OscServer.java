package mishmash.live.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import mishmash.live.Action;
import mishmash.live.ChangesPerFrame;
import mishmash.live.Complaints;
import mishmash.live.Controls;
import mishmash.live.Param;
import mishmash.live.Presets;
import mishmash.net.Network;

/**
 * A sketch's OSC endpoint: it receives on UDP (and on TCP when asked, in either framing: OSC 1.0's
 * int32 length or OSC 1.1's SLIP), answers queries, and feeds every change back to its clients so
 * that TouchOSC faders follow. The receiving threads parse with JavaOSC and only submit
 * {@link mishmash.live.Change}s: values apply at the start of the next frame.
 *
 * <p>Bad input is counted by kind and logged, rate-limited, through {@link Complaints}:
 * malformed, truncated and oversized packets, unknown type tags, unknown addresses, wrong types,
 * senders the {@link Network} does not let in. Nothing a sender does can stop the server.
 */
public final class OscServer implements AutoCloseable {
  /** Bigger packets than this are refused (a control message is a few dozen bytes). */
  public static final int MAX_PACKET = 8192;
  /** At most this many UDP clients get feedback; the oldest makes way. */
  public static final int MAX_CLIENTS = 16;

  /**
   * @param network who may send (by default only this machine: it binds to 127.0.0.1)
   * @param port the UDP port (0: any free one), and the TCP port when {@code tcp}
   * @param feedbackPort senders of valid messages get feedback at their address on this port, and
   *     replies to /list and /ping (TouchOSC listens on 9000 by default); 0 for only the sender's
   *     own port and explicit subscribers
   */
  public record Settings(Network network, int port, boolean tcp, int feedbackPort) {
    public static Settings defaults() {
      return new Settings(Network.local(), 8000, false, 9000);
    }
  }

  /** Who a message came from, and how to answer it. */
  private interface Peer {
    void reply(byte[] packet);

    String source();
  }

  private record Udp(OscServer server, InetSocketAddress address) implements Peer {
    @Override
    public void reply(byte[] packet) {
      server.sendUdp(address, packet);
      int feedback = server.settings.feedbackPort();
      if (feedback > 0 && feedback != address.getPort()) {
        server.sendUdp(new InetSocketAddress(address.getAddress(), feedback), packet);
      }
    }

    @Override
    public String source() {
      return "osc " + address.getAddress().getHostAddress();
    }
  }

  private final Controls controls;
  private final Presets presets;
  private final OscRoutes routes;
  private final Settings settings;
  private final DatagramChannel channel;
  private final OSCParser parser = new OSCSerializerAndParserBuilder().buildParser();
  /** A parser per thread that parses: TCP connections, WebSockets (JavaOSC's parser is not thread-safe). */
  private final ThreadLocal<OSCParser> tcpParsers = ThreadLocal.withInitial(
      () -> new OSCSerializerAndParserBuilder().buildParser());
  private final Set<Character> knownTypes = new HashSet<>(parser.getIdentifierToTypeMapping().keySet());
  private final Complaints complaints;
  /** UDP feedback clients, oldest first, each with the sender that asked for it. */
  private final Map<InetSocketAddress, InetSocketAddress> clients = new LinkedHashMap<>();
  private final Set<OscTcp.Connection> tcpClients = new CopyOnWriteArraySet<>();
  private ChangesPerFrame feedback;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final ByteBuffer sendBuffer = ByteBuffer.allocate(MAX_PACKET);
  private final OSCSerializer serializer =
      new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(sendBuffer));
  private final Thread thread;
  private OscTcp tcp;
  private volatile boolean running = true;

  private OscServer(Controls controls, Presets presets, Settings settings) throws IOException {
    this.controls = controls;
    this.presets = presets;
    this.settings = settings;
    this.routes = new OscRoutes(controls.sketch(), controls.params());
    this.complaints = new Complaints("osc");
    channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20); // bursts wait here, not in the kernel's bin
    // no SO_REUSEADDR: on Linux it lets a second sketch bind the same UDP port and silently take
    // every message; without it the second one is told the port is taken
    try {
      channel.bind(new InetSocketAddress(settings.network().bindAddress(), settings.port()));
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    thread = new Thread(this::receiveLoop, "mishmash-osc-" + port());
    thread.setDaemon(true);
  }

  /**
   * Starts listening and registers with {@code controls} for feedback.
   *
   * @throws IOException with a message saying which port is taken and what to do
   */
  public static OscServer start(Controls controls, Presets presets, Settings settings) throws IOException {
    OscServer server;
    try {
      server = new OscServer(controls, presets, settings);
    } catch (java.net.BindException e) {
      throw taken("UDP", settings, e);
    }
    if (settings.tcp()) {
      try {
        server.tcp = new OscTcp(settings.network(), server.port(), MAX_PACKET, server.new TcpHandler());
      } catch (IOException e) {
        server.close();
        throw taken("TCP", new Settings(settings.network(), server.port(), true, 0), e);
      }
    }
    server.thread.start();
    server.feedback = ChangesPerFrame.attach(controls, server::feedback);
    return server;
  }

  private static IOException taken(String what, Settings settings, IOException e) {
    return new IOException("OSC cannot listen on " + what + " port " + settings.port() + " (" + e.getMessage()
        + "): another program, or another sketch, has it. Give another port with --osc-port N,"
        + " or --osc-port 0 for any free one", e);
  }

  /** The UDP port it listens on (and the TCP port, with TCP on). */
  public int port() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      return -1;
    }
  }

  public Settings settings() {
    return settings;
  }

  public Complaints complaints() {
    return complaints;
  }

  /** Packets received (datagrams, and packets over TCP), and control messages among them handed on. */
  public long received() {
    return received.get();
  }

  public long accepted() {
    return accepted.get();
  }

  /** The UDP clients that get feedback, oldest first. */
  public Set<InetSocketAddress> clients() {
    synchronized (clients) {
      return Set.copyOf(clients.keySet());
    }
  }

  /** UDP and TCP clients that get feedback, for the panel. */
  public int clientCount() {
    synchronized (clients) {
      return clients.size() + tcpClients.size();
    }
  }

  /** Sends feedback to {@code client} from now on. */
  public void addClient(InetSocketAddress client) {
    addClient(client, client);
  }

  private void addClient(InetSocketAddress client, InetSocketAddress askedBy) {
    synchronized (clients) {
      if (clients.containsKey(client)) {
        return;
      }
      if (clients.size() >= MAX_CLIENTS) {
        clients.remove(clients.keySet().iterator().next());
      }
      clients.put(client, askedBy);
    }
  }

  private void receiveLoop() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    while (running) {
      SocketAddress from;
      try {
        buffer.clear();
        from = channel.receive(buffer);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        complaints.count("receive failed", e.getMessage());
        continue;
      }
      received.incrementAndGet();
      buffer.flip();
      InetSocketAddress sender = (InetSocketAddress) from;
      if (!settings.network().allows(sender.getAddress())) {
        complaints.count("sender not allowed", sender.getAddress().getHostAddress()
            + " is not on the --network allow list; its packets are ignored");
        continue;
      }
      if (buffer.remaining() > MAX_PACKET) {
        complaints.count("oversized packet", buffer.remaining() + " bytes from " + sender + " (at most " + MAX_PACKET + ")");
        continue;
      }
      receive(buffer, parser, new Udp(this, sender), sender.toString());
    }
  }

  /** Parses one packet and handles it; whatever is in it, the server keeps listening. */
  private void receive(ByteBuffer packet, OSCParser with, Peer from, String who) {
    char unknown = OscPackets.unknownTypeTag(packet, knownTypes);
    if (unknown != 0) {
      complaints.count("unknown type tag", "'" + printable(unknown) + "' in a packet from " + who
          + "; OSC 1.0 says to drop such a message, and it was");
      return;
    }
    OSCPacket parsed;
    try {
      parsed = with.convert(packet);
    } catch (Exception | StackOverflowError e) {
      complaints.count("malformed packet", packet.limit() + " bytes from " + who + ": " + e);
      return;
    }
    try {
      handle(parsed, from, 0);
    } catch (RuntimeException e) {
      complaints.count("malformed packet", "from " + who + " could not be handled: " + e);
    }
  }

  private static String printable(char c) {
    return c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c);
  }

  private void handle(OSCPacket packet, Peer from, int depth) {
    if (packet instanceof OSCBundle bundle) {
      if (depth > 4) {
        complaints.count("malformed packet", "bundles nested too deep from " + from.source());
        return;
      }
      for (OSCPacket p : bundle.getPackets()) {
        handle(p, from, depth + 1);
      }
      return;
    }
    if (!(packet instanceof OSCMessage m) || m.getAddress() == null) {
      complaints.count("malformed packet", "an empty message from " + from.source());
      return;
    }
    OscRoutes.Route r = routes.route(m, from.source());
    switch (r.kind()) {
      case BAD -> complaints.count(r.problem(), r.detail());
      case CONTROL -> {
        accepted.incrementAndGet();
        controls.submit(r.change());
        follow(from, settings.feedbackPort());
      }
      case PING -> from.reply(bytes(new OSCMessage("/mishmash/pong", List.of(controls.sketch()))));
      case LIST -> list(from);
      case SUBSCRIBE -> follow(from, r.value() > 0 ? (int) r.value() : from instanceof Udp u ? u.address().getPort() : 0);
      case UNSUBSCRIBE -> unfollow(from, (int) r.value());
      case PRESET_SAVE, PRESET_RECALL -> preset(r, from);
    }
  }

  /** {@code from} gets feedback from now on: over its TCP connection, or on UDP at its address and {@code port} (0: none). */
  private void follow(Peer from, int port) {
    if (from instanceof Udp u && port > 0) {
      addClient(new InetSocketAddress(u.address().getAddress(), port), u.address());
    } else if (from instanceof TcpPeer t) {
      tcpClients.add(t.connection());
    }
  }

  /**
   * Stops the feedback {@code from} asked for: on UDP the clients this sender's address and port
   * registered, and the one at {@code port} on its host if given; never another program's.
   */
  private void unfollow(Peer from, int port) {
    if (from instanceof Udp u) {
      InetSocketAddress named = port > 0 ? new InetSocketAddress(u.address().getAddress(), port) : null;
      synchronized (clients) {
        clients.entrySet().removeIf(e -> e.getValue().equals(u.address()) || e.getKey().equals(named));
      }
    } else if (from instanceof TcpPeer t) {
      tcpClients.remove(t.connection());
    }
  }

  private void preset(OscRoutes.Route r, Peer from) {
    if (presets == null) {
      complaints.count("no presets", "this sketch keeps no presets");
      return;
    }
    try {
      if (r.kind() == OscRoutes.Kind.PRESET_SAVE) {
        presets.save(r.name());
      } else {
        presets.recall(r.name(), r.value(), from.source());
      }
    } catch (IOException | IllegalArgumentException e) {
      complaints.count("bad preset", e.getMessage());
    }
  }

  /** Answers /list: every parameter with its range and value, every action, then the count. */
  private void list(Peer to) {
    String p = routes.prefix();
    Controls.State state = controls.state();
    int n = 0;
    for (Param param : controls.params()) {
      to.reply(bytes(new OSCMessage(p + "param", List.of(param.name(), (float) param.min(), (float) param.max(),
          (float) state.value(param), param.unit(), param.kind().name().toLowerCase(java.util.Locale.ROOT),
          String.join("|", param.choices())))));
      n++;
    }
    for (Action a : controls.params().actions()) {
      to.reply(bytes(new OSCMessage(p + "action", List.of(a.name()))));
      n++;
    }
    to.reply(bytes(new OSCMessage(p + "list/end", List.of(n))));
  }

  /** The message as bytes on the wire; null (with a count) if it cannot be written. */
  private byte[] bytes(OSCMessage m) {
    synchronized (sendBuffer) {
      try {
        sendBuffer.clear();
        serializer.write(m);
        sendBuffer.flip();
        byte[] out = new byte[sendBuffer.remaining()];
        sendBuffer.get(out);
        return out;
      } catch (Exception e) {
        complaints.count("send failed", m.getAddress() + ": " + e);
        return null;
      }
    }
  }

  private void sendUdp(InetSocketAddress to, byte[] packet) {
    if (packet == null) {
      return;
    }
    try {
      channel.send(ByteBuffer.wrap(packet), to);
    } catch (IOException e) {
      complaints.count("send failed", "to " + to + ": " + e);
    }
  }

  /** The value as feedback carries it: a number in the parameter's units, a choice by its name. */
  static Object feedbackValue(Param param, double value) {
    return param.kind() == Param.Kind.CHOICE ? param.text(value) : (Object) (float) value;
  }

  /**
   * Handles a packet that came another way (a binary message on an OSCQuery WebSocket) like one
   * on UDP: it plays the sketch, and its replies (to /list, /ping) go to {@code replies}.
   *
   * @param source who sent it, for logs and recordings ("osc ws 127.0.0.1")
   */
  public void receive(byte[] packet, String source, java.util.function.Consumer<byte[]> replies) {
    received.incrementAndGet();
    if (packet.length > MAX_PACKET) {
      complaints.count("oversized packet", packet.length + " bytes from " + source + " (at most " + MAX_PACKET + ")");
      return;
    }
    Peer peer = new Peer() {
      @Override
      public void reply(byte[] p) {
        if (p != null) {
          replies.accept(p);
        }
      }

      @Override
      public String source() {
        return source;
      }
    };
    receive(ByteBuffer.wrap(packet), tcpParsers.get(), peer, source);
  }

  /** The protocol OSC senders should use: "UDP", or "TCP" when it was asked for (UDP works then too). */
  public String transport() {
    return settings.tcp() ? "TCP" : "UDP";
  }

  /** At the start of a frame: what changed since the last one, to every UDP and TCP client. */
  private void feedback(Set<Param> changed) {
    List<InetSocketAddress> udp;
    synchronized (clients) {
      udp = new ArrayList<>(clients.keySet());
    }
    if (udp.isEmpty() && tcpClients.isEmpty()) {
      return;
    }
    String p = routes.prefix();
    for (Param param : changed) {
      byte[] value = bytes(new OSCMessage(p + param.name(), List.of(feedbackValue(param, param.base()))));
      byte[] norm = bytes(new OSCMessage(p + param.name() + "/norm", List.of((float) param.normalized())));
      for (InetSocketAddress client : udp) {
        sendUdp(client, value);
        sendUdp(client, norm);
      }
      for (OscTcp.Connection client : tcpClients) {
        if (value != null && norm != null) {
          client.send(value);
          client.send(norm);
        }
      }
    }
  }

  /** A peer on TCP: replies go back over its connection, framed as it frames. */
  private record TcpPeer(OscTcp.Connection connection) implements Peer {
    @Override
    public void reply(byte[] packet) {
      if (packet != null) {
        connection.send(packet);
      }
    }

    @Override
    public String source() {
      return "osc tcp " + connection.peer().getAddress().getHostAddress();
    }
  }

  private final class TcpHandler implements OscTcp.Handler {
    @Override
    public void packet(OscTcp.Connection from, byte[] packet) {
      received.incrementAndGet();
      receive(ByteBuffer.wrap(packet), tcpParsers.get(), new TcpPeer(from), from.toString());
    }

    @Override
    public void problem(String kind, String detail) {
      complaints.count(kind, detail);
    }

    @Override
    public void closed(OscTcp.Connection c) {
      tcpClients.remove(c);
    }
  }

  /** Sends {@code m} to every feedback client, UDP and TCP (a status message). */
  public void broadcast(OSCMessage m) {
    byte[] packet = bytes(m);
    List<InetSocketAddress> udp;
    synchronized (clients) {
      udp = new ArrayList<>(clients.keySet());
    }
    for (InetSocketAddress client : udp) {
      sendUdp(client, packet);
    }
    for (OscTcp.Connection client : tcpClients) {
      if (packet != null) {
        client.send(packet);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (feedback != null) {
      feedback.detach();
    }
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
    if (tcp != null) {
      tcp.close();
    }
  }
}
