package mishmash.live.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBadDataEvent;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCPacketEvent;
import com.illposed.osc.OSCPacketListener;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.transport.NetworkProtocol;
import com.illposed.osc.transport.OSCPortIn;
import com.illposed.osc.transport.OSCPortInBuilder;
import com.illposed.osc.transport.tcp.TCPTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import mishmash.live.Action;
import mishmash.live.Change;
import mishmash.live.Complaints;
import mishmash.live.Controls;
import mishmash.live.Param;
import mishmash.live.Presets;

/**
 * A sketch's OSC endpoint: it receives on UDP (and on TCP when asked, through JavaOSC's TCP
 * transport, OSC 1.0 length-prefixed), answers queries, and feeds every change back to the
 * registered clients so that TouchOSC faders follow. The receive thread parses with JavaOSC and
 * only submits {@link Change}s: values apply at the start of the next frame.
 *
 * <p>Bad input is counted by kind and logged, rate-limited, through {@link Complaints}:
 * malformed or truncated packets, oversized packets, unknown addresses, wrong types, senders not
 * on the allow list. Nothing a sender does can stop the server.
 */
public final class OscServer implements AutoCloseable, Controls.Listener, Controls.Source {
  /** Bigger packets than this are refused (a control message is a few dozen bytes). */
  public static final int MAX_PACKET = 8192;
  /** At most this many clients get feedback; the oldest makes way. */
  public static final int MAX_CLIENTS = 16;

  /**
   * @param bind the address to listen on ("0.0.0.0": every network; "127.0.0.1": this machine only)
   * @param port the UDP port (0: any free one), and the TCP port when {@code tcp}
   * @param feedbackPort senders of valid messages get feedback at their address on this port
   *     (TouchOSC listens on 9000 by default); 0 for only explicit subscribers
   * @param allow senders allowed, as addresses or IPv4 ranges ("192.168.1.0/24"); empty: everyone
   */
  public record Settings(String bind, int port, boolean tcp, int feedbackPort, List<String> allow) {
    public static Settings defaults() {
      return new Settings("0.0.0.0", 8000, false, 9000, List.of());
    }
  }

  private final Controls controls;
  private final Presets presets;
  private final OscRoutes routes;
  private final Settings settings;
  private final DatagramChannel channel;
  private final OSCParser parser = new OSCSerializerAndParserBuilder().buildParser();
  private final Complaints complaints;
  private final List<Allowed> allowed = new ArrayList<>();
  private final Set<InetSocketAddress> clients = new CopyOnWriteArraySet<>();
  private final Set<Param> dirty = new LinkedHashSet<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final ByteBuffer sendBuffer = ByteBuffer.allocate(MAX_PACKET);
  private final OSCSerializer serializer =
      new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(sendBuffer));
  private final Thread thread;
  private OSCPortIn tcp;
  private volatile boolean running = true;

  private OscServer(Controls controls, Presets presets, Settings settings) throws IOException {
    this.controls = controls;
    this.presets = presets;
    this.settings = settings;
    this.routes = new OscRoutes(controls.sketch(), controls.params());
    this.complaints = new Complaints("osc");
    for (String a : settings.allow()) {
      allowed.add(Allowed.parse(a));
    }
    channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20); // bursts wait here, not in the kernel's bin
    channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    channel.bind(new InetSocketAddress(InetAddress.getByName(settings.bind()), settings.port()));
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
      throw new IOException("OSC cannot listen on " + settings.bind() + ":" + settings.port()
          + " (" + e.getMessage() + "): another program, or another sketch, has it. Give another port with --osc-port N,"
          + " or --osc-port 0 for any free one", e);
    }
    server.thread.start();
    if (settings.tcp()) {
      server.startTcp();
    }
    controls.addListener(server);
    controls.addSource(server);
    return server;
  }

  /** The UDP port it listens on. */
  public int port() {
    try {
      return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException e) {
      return -1;
    }
  }

  public Complaints complaints() {
    return complaints;
  }

  /** Datagrams received, and control messages among them handed on. */
  public long received() {
    return received.get();
  }

  public long accepted() {
    return accepted.get();
  }

  public Set<InetSocketAddress> clients() {
    return java.util.Collections.unmodifiableSet(clients);
  }

  /** Sends feedback to {@code client} from now on. */
  public void addClient(InetSocketAddress client) {
    if (clients.size() >= MAX_CLIENTS && !clients.contains(client)) {
      clients.remove(clients.iterator().next());
    }
    clients.add(client);
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
      if (!allowed(sender.getAddress())) {
        complaints.count("sender not allowed", sender.getAddress().getHostAddress()
            + " is not on the allow list (--osc-allow); its packets are ignored");
        continue;
      }
      if (buffer.remaining() > MAX_PACKET) {
        complaints.count("oversized packet", buffer.remaining() + " bytes from " + sender + " (at most " + MAX_PACKET + ")");
        continue;
      }
      OSCPacket packet;
      try {
        packet = parser.convert(buffer);
      } catch (Exception | StackOverflowError e) {
        complaints.count("malformed packet", buffer.limit() + " bytes from " + sender + ": " + e);
        continue;
      }
      try {
        handle(packet, sender, 0);
      } catch (RuntimeException e) {
        // whatever a packet does, the server keeps listening
        complaints.count("malformed packet", "from " + sender + " could not be handled: " + e);
      }
    }
  }

  private void handle(OSCPacket packet, InetSocketAddress sender, int depth) {
    if (packet instanceof OSCBundle bundle) {
      if (depth > 4) {
        complaints.count("malformed packet", "bundles nested too deep from " + sender);
        return;
      }
      for (OSCPacket p : bundle.getPackets()) {
        handle(p, sender, depth + 1);
      }
      return;
    }
    if (!(packet instanceof OSCMessage m) || m.getAddress() == null) {
      complaints.count("malformed packet", "an empty message from " + sender);
      return;
    }
    String source = sender == null ? "osc tcp" : "osc " + sender.getAddress().getHostAddress();
    OscRoutes.Route r = routes.route(m, source);
    switch (r.kind()) {
      case BAD -> complaints.count(r.problem(), r.detail());
      case CONTROL -> {
        accepted.incrementAndGet();
        controls.submit(r.change());
        if (sender != null && settings.feedbackPort() > 0) {
          InetSocketAddress client = new InetSocketAddress(sender.getAddress(), settings.feedbackPort());
          if (!clients.contains(client)) {
            addClient(client);
          }
        }
      }
      case PING -> reply(sender, new OSCMessage("/mishmash/pong", List.of(controls.sketch())));
      case LIST -> list(sender);
      case SUBSCRIBE -> {
        if (sender != null) {
          addClient(new InetSocketAddress(sender.getAddress(), r.value() > 0 ? (int) r.value() : sender.getPort()));
        }
      }
      case UNSUBSCRIBE -> clients.removeIf(c -> sender != null && c.getAddress().equals(sender.getAddress()));
      case PRESET_SAVE, PRESET_RECALL -> preset(r);
    }
  }

  private void preset(OscRoutes.Route r) {
    if (presets == null) {
      complaints.count("no presets", "this sketch keeps no presets");
      return;
    }
    try {
      if (r.kind() == OscRoutes.Kind.PRESET_SAVE) {
        presets.save(r.name());
      } else {
        presets.recall(r.name(), r.value(), "osc");
      }
    } catch (IOException | IllegalArgumentException e) {
      complaints.count("preset", e.getMessage());
    }
  }

  /** Answers /list: every parameter with its range and value, every action, then the count. */
  private void list(InetSocketAddress to) {
    String p = routes.prefix();
    int n = 0;
    for (Param param : controls.params()) {
      reply(to, new OSCMessage(p + "param", List.of(param.name(), (float) param.min(), (float) param.max(),
          (float) param.base(), param.unit(), param.kind().name().toLowerCase(java.util.Locale.ROOT),
          String.join("|", param.choices()))));
      n++;
    }
    for (Action a : controls.params().actions()) {
      reply(to, new OSCMessage(p + "action", List.of(a.name())));
      n++;
    }
    reply(to, new OSCMessage(p + "list/end", List.of(n)));
  }

  private void reply(InetSocketAddress to, OSCMessage m) {
    if (to != null) {
      send(to, m);
    }
  }

  private void send(InetSocketAddress to, OSCMessage m) {
    synchronized (sendBuffer) {
      try {
        sendBuffer.clear();
        serializer.write(m);
        sendBuffer.flip();
        channel.send(sendBuffer, to);
      } catch (Exception e) {
        complaints.count("send failed", "to " + to + ": " + e);
      }
    }
  }

  // Controls.Listener: note what changed; Controls.Source: send it at the next frame's start, once per parameter

  @Override
  public void changed(Param param, Change cause) {
    if (!clients.isEmpty()) {
      dirty.add(param);
    }
  }

  @Override
  public void poll(Controls c) {
    if (dirty.isEmpty()) {
      return;
    }
    String p = routes.prefix();
    for (Param param : dirty) {
      OSCMessage value = new OSCMessage(p + param.name(), List.of((float) param.base()));
      OSCMessage norm = new OSCMessage(p + param.name() + "/norm", List.of((float) param.normalized()));
      for (InetSocketAddress client : clients) {
        send(client, value);
        send(client, norm);
      }
    }
    dirty.clear();
  }

  private boolean allowed(InetAddress a) {
    if (allowed.isEmpty()) {
      return true;
    }
    for (Allowed rule : allowed) {
      if (rule.matches(a)) {
        return true;
      }
    }
    return false;
  }

  private void startTcp() throws IOException {
    if (!allowed.isEmpty()) {
      throw new IOException("OSC over TCP cannot check senders against --osc-allow; use UDP, or drop the allow list");
    }
    try {
      tcp = new OSCPortInBuilder()
          .setLocalSocketAddress(new InetSocketAddress(InetAddress.getByName(settings.bind()), port()))
          .setRemoteSocketAddress(new InetSocketAddress(0))
          .setNetworkProtocol(NetworkProtocol.TCP)
          .setPacketListener(new OSCPacketListener() {
            @Override
            public void handlePacket(OSCPacketEvent event) {
              received.incrementAndGet();
              handle(event.getPacket(), null, 0);
            }

            @Override
            public void handleBadData(OSCBadDataEvent event) {
              if (event.getData().remaining() == 0) {
                return; // a connection that sent nothing (a port probe, such as the readiness check below)
              }
              complaints.count("malformed packet", "over TCP: " + event.getException().getMessage());
            }
          })
          .build();
      tcp.setResilient(true);
      tcp.setDaemonListener(true);
      tcp.startListening();
      // JavaOSC binds its TCP socket on the listening thread: wait until it takes connections, so
      // that "OSC on port N" is true when this returns
      TCPTransport transport = (TCPTransport) tcp.getTransport();
      long end = System.nanoTime() + 3_000_000_000L;
      while (!transport.isListening()) {
        if (System.nanoTime() > end) {
          throw new IOException("it did not start listening within 3 s");
        }
        Thread.sleep(10);
      }
    } catch (IOException e) {
      throw new IOException("OSC cannot listen on TCP port " + port() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("OSC over TCP: interrupted while starting", e);
    }
  }

  /** Sends {@code m} to every feedback client (a status message); call it where feedback is sent, on the frame loop. */
  public void broadcast(OSCMessage m) {
    for (InetSocketAddress client : clients) {
      send(client, m);
    }
  }

  @Override
  public void close() {
    running = false;
    controls.removeListener(this);
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
    if (tcp != null) {
      try {
        tcp.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** One allow-list entry: an address, or an IPv4/IPv6 prefix such as 192.168.1.0/24. */
  private record Allowed(byte[] address, int bits) {
    static Allowed parse(String text) {
      String[] parts = text.trim().split("/");
      try {
        byte[] a = InetAddress.getByName(parts[0]).getAddress();
        int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : a.length * 8;
        if (bits < 0 || bits > a.length * 8) {
          throw new IllegalArgumentException();
        }
        return new Allowed(a, bits);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("--osc-allow: \"" + text + "\" is not an address or a range such as 192.168.1.0/24");
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
  }
}
