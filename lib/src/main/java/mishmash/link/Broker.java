package mishmash.link;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The MQTT broker the wall embeds (Moquette), so that several machines need nothing installed: it
 * keeps sessions, queued messages and retained ones on disk ({@code data/mqtt/}), so a booth's
 * profiles queued for the wall survive the wall's restart. It listens on this machine only; on a
 * gallery network a {@link Gate} on the network's address lets in the allowed senders. Its
 * telemetry (Moquette can report home) is switched off, as are its metrics and error reporters.
 */
public final class Broker implements AutoCloseable {
  public static final int DEFAULT_PORT = 1883;

  private final Server server;
  private final int internalPort;
  private final Gate gate;

  private Broker(Server server, int internalPort, Gate gate) {
    this.server = server;
    this.internalPort = internalPort;
    this.gate = gate;
  }

  /**
   * Starts a broker for clients on {@code bind}:{@code port}.
   *
   * @param bind 127.0.0.1 (this machine only) or the gallery network's address (0.0.0.0)
   * @param allows who may connect when {@code bind} is not this machine
   * @param data where sessions and queued messages are kept
   * @throws IOException saying which port is taken, and what to do
   */
  public static Broker start(InetAddress bind, int port, Path data, Predicate<InetAddress> allows) throws IOException {
    boolean local = bind.isLoopbackAddress();
    int internal = local ? port : freePort();
    Files.createDirectories(data);
    Properties p = new Properties();
    p.setProperty("host", local ? bind.getHostAddress() : "127.0.0.1");
    p.setProperty("port", Integer.toString(internal));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("persistence_enabled", "true");
    p.setProperty("data_path", data.toAbsolutePath().toString());
    p.setProperty("autosave_interval", "1");
    p.setProperty("allow_anonymous", "true");
    p.setProperty("netty.mqtt.message_size", Integer.toString(Profiles.MAX_BYTES + 4096));
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("use_metrics", "false");
    p.setProperty("use_bugsnag", "false");
    Server server = new Server();
    try {
      server.startServer(new MemoryConfig(p));
    } catch (IOException | RuntimeException e) {
      server.stopServer();
      throw new IOException("MQTT (the link to booths on other machines) cannot listen on port " + internal + " ("
          + e.getMessage() + "): another program, another wall, has it. Give another with --link-port N", e);
    }
    Gate gate = null;
    if (!local) {
      try {
        gate = new Gate(bind, port, internal, allows);
      } catch (IOException e) {
        server.stopServer();
        throw new IOException("MQTT cannot listen on " + bind.getHostAddress() + ":" + port + " (" + e.getMessage()
            + "): another program has it. Give another port with --link-port N", e);
      }
    }
    return new Broker(server, internal, gate);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Where this machine's own client connects. */
  public String localUrl() {
    return "tcp://127.0.0.1:" + internalPort;
  }

  /** The port other machines connect to. */
  public int port() {
    return gate != null ? gate.port() : internalPort;
  }

  /** Connections turned away by the allowlist. */
  public int refused() {
    return gate == null ? 0 : gate.refused();
  }

  @Override
  public void close() {
    if (gate != null) {
      gate.close();
    }
    server.stopServer();
  }
}
