package mishmash.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import mishmash.log.LogLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door in front of the embedded broker on a gallery network: it listens on the network's
 * address, lets in only the senders the allowlist names (this machine always), and passes their
 * bytes to the broker, which itself listens on this machine only. Anyone else is disconnected
 * before a byte of MQTT is read.
 */
final class Gate implements AutoCloseable {
  static final int MAX_CONNECTIONS = 64;
  private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

  private final ServerSocket server;
  private final int target;
  private final Predicate<InetAddress> allows;
  private final LogLimit logs = new LogLimit(LOG);
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean running = true;

  Gate(InetAddress bind, int port, int target, Predicate<InetAddress> allows) throws IOException {
    this.target = target;
    this.allows = allows;
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(bind, port), 64);
    Thread t = new Thread(this::accept, "mishmash-mqtt-gate");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections turned away so far. */
  int refused() {
    return refused.get();
  }

  private void accept() {
    while (running) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (running) {
          logs.warn("accept", "mqtt gate: " + e.getMessage());
        }
        continue;
      }
      InetAddress from = s.getInetAddress();
      if (!allows.test(from) || open.get() >= MAX_CONNECTIONS) {
        refused.incrementAndGet();
        logs.warn("refused", "mqtt: refused a connection from " + from.getHostAddress()
            + " (not on --network's list, or too many connections)");
        close(s);
        continue;
      }
      try {
        Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
        broker.setTcpNoDelay(true);
        s.setTcpNoDelay(true);
        open.incrementAndGet();
        pump(s, broker, true);
        pump(broker, s, false);
      } catch (IOException e) {
        logs.warn("broker", "mqtt gate: the broker does not answer (" + e.getMessage() + ")");
        close(s);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean counts) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buf)) >= 0; ) {
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side went away
      } finally {
        close(from);
        close(to);
        if (counts) {
          open.decrementAndGet();
        }
      }
    }, "mishmash-mqtt-gate-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closed
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      server.close();
    } catch (IOException ignored) {
      // closed
    }
  }
}
