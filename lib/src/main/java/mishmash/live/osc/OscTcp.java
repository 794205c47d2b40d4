package mishmash.live.osc;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import mishmash.net.Network;

/**
 * OSC over TCP: each connection is read on a thread of its own, in the framing its peer uses
 * ({@link OscFraming}), and written on another from a bounded queue, so a peer that stops reading
 * loses replies but never holds up a frame. At most {@link #MAX_CONNECTIONS} at once; senders the
 * {@link Network} does not allow are disconnected at once.
 */
final class OscTcp implements AutoCloseable {
  static final int MAX_CONNECTIONS = 16;
  /** Replies waiting for a slow peer before more are dropped. */
  static final int QUEUE = 512;

  /** What a connection delivers. Called on the connection's thread. */
  interface Handler {
    void packet(Connection from, byte[] packet);

    void problem(String kind, String detail);

    default void closed(Connection c) {}
  }

  private final ServerSocket server;
  private final Network network;
  private final int maxPacket;
  private final Handler handler;
  private final Set<Connection> open = new CopyOnWriteArraySet<>();
  private final Thread acceptor;
  private volatile boolean running = true;

  OscTcp(Network network, int port, int maxPacket, Handler handler) throws IOException {
    this.network = network;
    this.maxPacket = maxPacket;
    this.handler = handler;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(network.bindAddress(), port), 16);
    acceptor = new Thread(this::acceptLoop, "mishmash-osc-tcp-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return open.size();
  }

  private void acceptLoop() {
    while (running) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (running) {
          handler.problem("receive failed", "TCP accept: " + e.getMessage());
        }
        continue;
      }
      InetSocketAddress peer = (InetSocketAddress) s.getRemoteSocketAddress();
      if (!network.allows(peer.getAddress())) {
        handler.problem("sender not allowed", peer.getAddress().getHostAddress()
            + " is not on the --network allow list; its TCP connection was closed");
        quietly(s);
        continue;
      }
      if (open.size() >= MAX_CONNECTIONS) {
        handler.problem("too many connections", "a TCP connection from " + peer + " was refused: "
            + MAX_CONNECTIONS + " are open already");
        quietly(s);
        continue;
      }
      Connection c = new Connection(s, peer);
      open.add(c);
      c.start();
    }
  }

  private static void quietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** One peer on TCP: read on one thread, written from a queue on another. */
  final class Connection {
    private final Socket socket;
    private final InetSocketAddress peer;
    private final BlockingQueue<byte[]> outbox = new ArrayBlockingQueue<>(QUEUE);
    private volatile OscFraming.Kind kind = OscFraming.Kind.LENGTH;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private Thread writer;

    private Connection(Socket socket, InetSocketAddress peer) {
      this.socket = socket;
      this.peer = peer;
    }

    InetSocketAddress peer() {
      return peer;
    }

    boolean isOpen() {
      return !closed.get();
    }

    private void start() {
      Thread reader = new Thread(this::readLoop, "mishmash-osc-tcp-in " + peer);
      reader.setDaemon(true);
      writer = new Thread(this::writeLoop, "mishmash-osc-tcp-out " + peer);
      writer.setDaemon(true);
      reader.start();
      writer.start();
    }

    /** Queues a packet for the peer in its framing; never blocks (a full queue drops it, counted). */
    void send(byte[] packet) {
      if (closed.get()) {
        return;
      }
      if (!outbox.offer(OscFraming.frame(kind, packet))) {
        handler.problem("slow client", peer + " over TCP does not read its replies; some were dropped");
      }
    }

    private void readLoop() {
      OscFraming.Reader reader;
      try {
        socket.setTcpNoDelay(true);
        reader = new OscFraming.Reader(new BufferedInputStream(socket.getInputStream()), maxPacket);
      } catch (IOException e) {
        close();
        return;
      }
      try {
        while (running && !closed.get()) {
          byte[] packet;
          try {
            packet = reader.next();
          } catch (OscFraming.Oversized e) {
            handler.problem("oversized packet", "over TCP from " + peer + ": " + e.getMessage());
            if (e.fatal) {
              break;
            }
            continue;
          }
          if (packet == null) {
            break;
          }
          if (reader.kind() != null) {
            kind = reader.kind();
          }
          handler.packet(this, packet);
        }
      } catch (SocketException e) {
        // closed, by us or the peer
      } catch (IOException e) {
        handler.problem("malformed packet", "over TCP from " + peer + ": " + e.getMessage());
      } finally {
        close();
      }
    }

    private void writeLoop() {
      try {
        OutputStream out = socket.getOutputStream();
        while (!closed.get()) {
          byte[] next = outbox.take();
          out.write(next);
          for (byte[] more; (more = outbox.poll()) != null; ) {
            out.write(more);
          }
          out.flush();
        }
      } catch (InterruptedException | IOException e) {
        // closed
      } finally {
        close();
      }
    }

    void close() {
      if (closed.getAndSet(true)) {
        return;
      }
      open.remove(this);
      quietly(socket);
      if (writer != null) {
        writer.interrupt();
      }
      handler.closed(this);
    }

    @Override
    public String toString() {
      return "tcp " + peer;
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Connection c : open) {
      c.close();
    }
  }
}
