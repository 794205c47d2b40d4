package mishmash.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import mishmash.net.Network;

/**
 * The status page on its own small HTTP server (the JDK's): {@code /status} for a person,
 * {@code /status.json} for a program. It listens where the {@link Network} says (this machine
 * only, by default) and answers only the senders it lets in. It reads published values only, so
 * nothing a client does reaches the frame loop.
 *
 * <p>Once the sketch's own HTTP server (OSCQuery's) is there, the two pages become two of its
 * routes instead, and this class goes: {@code web.route("/status.json", r -> Response.json(...))}.
 */
public final class StatusServer implements AutoCloseable {
  private final HttpServer server;

  private StatusServer(HttpServer server) {
    this.server = server;
  }

  /**
   * @throws IOException saying the port is taken and what to do
   */
  public static StatusServer start(Network network, int port, Supplier<String> json, Supplier<String> html)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(network.bindAddress(), port), 16);
    } catch (IOException e) {
      throw new IOException("the status page cannot listen on port " + port + " (" + e.getMessage() + "): another"
          + " program, or another sketch, has it. Give another port with --http-port N, or --http-port 0 for any free one", e);
    }
    server.createContext("/", x -> answer(x, network, json, html));
    server.setExecutor(Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mishmash-status-page");
      t.setDaemon(true);
      t.setPriority(Thread.NORM_PRIORITY - 2);
      return t;
    }));
    server.start();
    return new StatusServer(server);
  }

  private static void answer(HttpExchange x, Network network, Supplier<String> json, Supplier<String> html)
      throws IOException {
    try (x) {
      if (!network.allows(x.getRemoteAddress().getAddress())) {
        send(x, 403, "text/plain", "not on this sketch's --network list\n");
        return;
      }
      if (!x.getRequestMethod().equals("GET") && !x.getRequestMethod().equals("HEAD")) {
        send(x, 405, "text/plain", "GET only\n");
        return;
      }
      switch (x.getRequestURI().getPath()) {
        case "/status.json" -> send(x, 200, "application/json", json.get());
        case "/status", "/" -> send(x, 200, "text/html; charset=utf-8", html.get());
        default -> send(x, 404, "text/plain", "see /status or /status.json\n");
      }
    } catch (RuntimeException e) {
      // a client gone mid-answer
    }
  }

  private static void send(HttpExchange x, int code, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.getResponseHeaders().set("Cache-Control", "no-store");
    x.sendResponseHeaders(code, x.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
    if (!x.getRequestMethod().equals("HEAD")) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
