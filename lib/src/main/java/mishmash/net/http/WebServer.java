package mishmash.net.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mishmash.live.Complaints;
import mishmash.net.Network;

/**
 * A sketch's small local HTTP/1.1 server, shared by whatever wants to answer on it: the OSCQuery
 * namespace and its WebSocket ({@link mishmash.live.oscquery.OscQueryServer}), a status page and its
 * JSON. Each part adds its routes:
 *
 * <pre>
 * WebServer web = WebServer.start(Network.local(), 8001, "grid");
 * web.route("/status.json", request -&gt; Response.json(status()));   // one path
 * web.routeTree("/mishmash", request -&gt; ...);                        // a path and everything below it
 * web.webSocket("/", listener);                                       // WebSocket upgrades at a path
 * </pre>
 *
 * A request goes to the route of its exact path, else to the tree route with the longest matching
 * prefix, else gets 404. It is built to sit beside a frame loop on a small machine and to shrug off
 * whatever the network sends: at most {@link #MAX_CONNECTIONS} connections, each on a thread of its
 * own at low priority; the request line and headers at most {@link #MAX_HEAD} bytes (431), the body
 * {@link #MAX_BODY} (413), and the whole head must arrive within {@link #HEAD_MS} (408: a client
 * dribbling a byte a second is cut off); an idle keep-alive connection closes after
 * {@link #IDLE_MS}. Senders the {@link Network} does not let in are disconnected on arrival, and a
 * WebSocket from a web page of another site is refused, so a page in a browser cannot play the
 * sketch. Nothing a client does reaches the animation thread: handlers read published state.
 */
public final class WebServer implements AutoCloseable {
  public static final int MAX_CONNECTIONS = 32;
  public static final int MAX_WEBSOCKETS = 16;
  public static final int MAX_HEAD = 16 * 1024;
  public static final int MAX_BODY = 64 * 1024;
  static final int HEAD_MS = 5_000;
  static final int IDLE_MS = 10_000;

  /** Answers a request; runs on the connection's thread. An exception gives a 500 (counted). */
  public interface Handler {
    Response handle(Request request) throws Exception;
  }

  private final ServerSocket server;
  private final Network network;
  private final String name;
  private final Map<String, Handler> exact = new ConcurrentHashMap<>();
  private final Map<String, Handler> trees = new ConcurrentHashMap<>();
  private final Map<String, WebSocket.Listener> sockets = new ConcurrentHashMap<>();
  private final Set<WebSocket> openSockets = new CopyOnWriteArraySet<>();
  private final ThreadPoolExecutor pool;
  private final Complaints complaints = new Complaints("http");
  private final AtomicLong requests = new AtomicLong();
  private final Thread acceptor;
  private volatile boolean running = true;

  private WebServer(Network network, int port, String name) throws IOException {
    this.network = network;
    this.name = name;
    server = new ServerSocket();
    server.bind(new InetSocketAddress(network.bindAddress(), port), 64);
    pool = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "mishmash-http-" + port());
      t.setDaemon(true);
      t.setPriority(Thread.NORM_PRIORITY - 2); // the frame loop comes first
      return t;
    });
    acceptor = new Thread(this::acceptLoop, "mishmash-http-accept-" + port());
    acceptor.setDaemon(true);
  }

  /**
   * Starts serving on {@code port} (0: any free one) of the {@link Network}'s address.
   *
   * @param name who serves, for messages ("grid")
   * @throws IOException saying the port is taken and what to do
   */
  public static WebServer start(Network network, int port, String name) throws IOException {
    WebServer web;
    try {
      web = new WebServer(network, port, name);
    } catch (IOException e) {
      throw new IOException("the HTTP server (OSCQuery, status) cannot listen on port " + port + " (" + e.getMessage()
          + "): another program, or another sketch, has it. Give another port with --http-port N, or --http-port 0 "
          + "for any free one", e);
    }
    web.acceptor.start();
    return web;
  }

  public int port() {
    return server.getLocalPort();
  }

  public Network network() {
    return network;
  }

  public Complaints complaints() {
    return complaints;
  }

  /** Requests answered so far (WebSocket upgrades included). */
  public long requests() {
    return requests.get();
  }

  /** Answers {@code path} exactly ("/status.json"). A later route for the same path replaces it. */
  public void route(String path, Handler handler) {
    exact.put(path, handler);
  }

  /** Answers {@code prefix} and every path below it ("/mishmash" takes "/mishmash/grid/psi"; "/" takes all). */
  public void routeTree(String prefix, Handler handler) {
    trees.put(prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix, handler);
  }

  /** Takes WebSocket upgrades at {@code path} (or below it, for "/"). */
  public void webSocket(String path, WebSocket.Listener listener) {
    sockets.put(path, listener);
  }

  /** The WebSockets open now. */
  public Set<WebSocket> webSockets() {
    return Set.copyOf(openSockets);
  }

  private void acceptLoop() {
    while (running) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (running) {
          complaints.count("accept failed", e.getMessage());
        }
        continue;
      }
      InetSocketAddress peer = (InetSocketAddress) s.getRemoteSocketAddress();
      if (!network.allows(peer.getAddress())) {
        complaints.count("sender not allowed", peer.getAddress().getHostAddress()
            + " is not on the --network allow list; its connection was closed");
        quietly(s);
        continue;
      }
      try {
        pool.execute(() -> serve(s, peer));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        complaints.count("too many connections", MAX_CONNECTIONS + " are open; " + peer + " was turned away");
        try {
          s.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n"
              + "Retry-After: 1\r\n\r\n").getBytes(StandardCharsets.US_ASCII)); // fits any send buffer: never blocks
        } catch (IOException ignored) {
          // gone already
        }
        quietly(s);
      }
    }
  }

  private static void quietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** A request that cannot be answered normally: its status and a line for people. */
  private static final class Refusal extends Exception {
    final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** One connection: requests one after another (keep-alive) until it closes, idles or upgrades. */
  private void serve(Socket socket, InetSocketAddress peer) {
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      boolean first = true;
      while (running) {
        Request request;
        try {
          request = read(socket, in, peer, first);
        } catch (Refusal r) {
          complaints.count(r.status == 408 ? "too slow" : "bad request", r.status + " to " + peer + ": " + r.getMessage());
          write(out, Response.text(r.status, r.getMessage()), false, "GET");
          return;
        }
        if (request == null) {
          return; // closed or idle between requests
        }
        first = false;
        requests.incrementAndGet();
        WebSocket.Listener ws = "websocket".equalsIgnoreCase(request.header("upgrade")) ? socketFor(request.path()) : null;
        if (ws != null) {
          upgrade(socket, in, out, request, ws);
          return;
        }
        boolean keepAlive = !"close".equalsIgnoreCase(request.header("connection"));
        write(out, answer(request), keepAlive, request.method());
        if (!keepAlive) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (RuntimeException e) {
      complaints.count("handler failed", "a connection from " + peer + " ended on " + e);
    }
  }

  private Response answer(Request request) {
    Handler h = handlerFor(request.path());
    if (h == null) {
      return Response.text(404, "nothing at " + request.path());
    }
    try {
      Response r = h.handle(request);
      return r == null ? Response.text(404, "nothing at " + request.path()) : r;
    } catch (Exception | StackOverflowError e) {
      complaints.count("handler failed", request.method() + " " + request.path() + ": " + e);
      return Response.text(500, "the server failed on this request; it goes on");
    }
  }

  private Handler handlerFor(String path) {
    Handler h = exact.get(path);
    if (h != null) {
      return h;
    }
    String best = null;
    for (String prefix : trees.keySet()) {
      boolean under = prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
      if (under && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? null : trees.get(best);
  }

  private WebSocket.Listener socketFor(String path) {
    WebSocket.Listener l = sockets.get(path);
    return l != null ? l : sockets.get("/");
  }

  /**
   * Reads one request; null when the connection closed (or idled) before one began.
   *
   * @throws Refusal for a request that breaks a rule or a limit
   */
  private Request read(Socket socket, InputStream in, InetSocketAddress peer, boolean first) throws IOException, Refusal {
    socket.setSoTimeout(first ? HEAD_MS : IDLE_MS);
    int b;
    try {
      b = in.read();
    } catch (SocketTimeoutException e) {
      if (first) {
        throw new Refusal(408, "the request did not arrive within " + HEAD_MS / 1000 + " s");
      }
      return null;
    }
    if (b < 0) {
      return null;
    }
    long deadline = System.nanoTime() + HEAD_MS * 1_000_000L;
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    head.write(b);
    int n = 1;
    int last4 = b; // the last four bytes, to see the blank line that ends the head
    while (last4 != 0x0D0A0D0A && (last4 & 0xFFFF) != 0x0A0A) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        throw new Refusal(408, "the request's head took longer than " + HEAD_MS / 1000 + " s");
      }
      socket.setSoTimeout((int) Math.max(1, left));
      try {
        b = in.read();
      } catch (SocketTimeoutException e) {
        throw new Refusal(408, "the request's head took longer than " + HEAD_MS / 1000 + " s");
      }
      if (b < 0) {
        throw new IOException("closed inside a request");
      }
      if (++n > MAX_HEAD) {
        throw new Refusal(431, "the request line and headers are over " + MAX_HEAD + " bytes");
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r?\n");
    String[] start = lines[0].split(" ");
    if (start.length != 3 || !start[2].startsWith("HTTP/1.")) {
      throw new Refusal(start.length == 3 && start[2].startsWith("HTTP/") ? 505 : 400,
          "not an HTTP/1.x request line: " + clip(lines[0]));
    }
    String method = start[0];
    if (!method.matches("[A-Z]{1,12}")) {
      throw new Refusal(400, "not a method: " + clip(method));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isEmpty()) {
        continue;
      }
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        throw new Refusal(400, "not a header line: " + clip(lines[i]));
      }
      headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
          (a, c) -> a + ", " + c);
    }
    String target = start[1];
    String rawPath = target;
    String query = "";
    int q = target.indexOf('?');
    if (q >= 0) {
      rawPath = target.substring(0, q);
      query = target.substring(q + 1);
    }
    int hash = query.indexOf('#');
    if (hash >= 0) {
      query = query.substring(0, hash);
    }
    hash = rawPath.indexOf('#');
    if (hash >= 0) {
      rawPath = rawPath.substring(0, hash);
    }
    String path = decodePath(rawPath);
    if (path == null) {
      throw new Refusal(400, "not a path: " + clip(rawPath));
    }
    if (headers.containsKey("transfer-encoding")) {
      throw new Refusal(411, "send a body with a Content-Length, not in chunks");
    }
    byte[] body = new byte[0];
    String length = headers.get("content-length");
    if (length != null) {
      long len;
      try {
        len = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw new Refusal(400, "Content-Length is not a number: " + clip(length));
      }
      if (len < 0 || len > MAX_BODY) {
        throw new Refusal(413, "bodies are at most " + MAX_BODY + " bytes");
      }
      body = in.readNBytes((int) len);
      if (body.length < len) {
        throw new IOException("closed inside a body");
      }
    }
    return new Request(method, path, query, Map.copyOf(headers), body, peer);
  }

  /**
   * A request target's path, percent-decoded as UTF-8; null when it is not one (no leading slash,
   * a character that must be encoded, a broken escape, a NUL or a control character).
   */
  static String decodePath(String raw) {
    if (!raw.startsWith("/")) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return null;
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c > 0x20 && c < 0x7F) {
        bytes.write(c);
      } else {
        return null;
      }
    }
    try {
      String path = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
      return path.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F) ? null : path;
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  private static String clip(String s) {
    String t = s.replaceAll("[^\\x20-\\x7e]", "?");
    return t.length() > 80 ? t.substring(0, 80) + "…" : t;
  }

  private void write(OutputStream out, Response r, boolean keepAlive, String method) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("HTTP/1.1 ").append(r.status()).append(' ').append(Response.reason(r.status())).append("\r\n");
    h.append("Server: Mishmash ").append(name).append("\r\n");
    if (r.contentType() != null) {
      h.append("Content-Type: ").append(r.contentType()).append("\r\n");
    }
    if (r.status() != 204) {
      h.append("Content-Length: ").append(r.body().length).append("\r\n");
    }
    h.append("Cache-Control: no-store\r\n");
    r.headers().forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
    h.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
    h.append("\r\n");
    out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (!method.equals("HEAD") && r.status() != 204) {
      out.write(r.body());
    }
    out.flush();
  }

  private void upgrade(Socket socket, InputStream in, OutputStream out, Request request, WebSocket.Listener listener)
      throws IOException {
    String key = request.header("sec-websocket-key");
    String connection = request.header("connection");
    if (!"GET".equals(request.method()) || key == null || connection == null
        || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
      write(out, Response.text(400, "not a WebSocket handshake (GET with Connection: Upgrade and Sec-WebSocket-Key)"),
          false, "GET");
      return;
    }
    if (!"13".equals(request.header("sec-websocket-version"))) {
      write(out, Response.text(426, "WebSocket version 13 only").with("Sec-WebSocket-Version", "13"), false, "GET");
      return;
    }
    String origin = request.header("origin");
    if (origin != null && !originAllowed(origin)) {
      complaints.count("not allowed", "a WebSocket from a web page at " + clip(origin) + " was refused");
      write(out, Response.text(403, "WebSockets from other sites' pages are refused"), false, "GET");
      return;
    }
    if (openSockets.size() >= MAX_WEBSOCKETS) {
      complaints.count("too many connections", MAX_WEBSOCKETS + " WebSockets are open; " + request.from() + " was turned away");
      write(out, Response.text(503, MAX_WEBSOCKETS + " WebSockets are open already").with("Retry-After", "5"), false, "GET");
      return;
    }
    out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
        + WebSocket.accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    WebSocket ws = new WebSocket(socket, in, out, request.from(), new WebSocket.Listener() {
      @Override
      public void opened(WebSocket w) {
        openSockets.add(w);
        listener.opened(w);
      }

      @Override
      public void text(WebSocket w, String text) {
        listener.text(w, text);
      }

      @Override
      public void binary(WebSocket w, byte[] data) {
        listener.binary(w, data);
      }

      @Override
      public void closed(WebSocket w) {
        openSockets.remove(w);
        listener.closed(w);
      }
    });
    ws.run();
  }

  /**
   * A page may open a WebSocket only if it was served from this machine ("localhost" or a loopback
   * address) or, on a gallery network, from an allowed address. Names other than localhost are
   * refused rather than looked up: no request ever makes the server ask a name server.
   */
  private boolean originAllowed(String origin) {
    try {
      String host = new URI(origin).getHost();
      if (host == null || host.isEmpty()) {
        return false;
      }
      host = host.replaceAll("^\\[|\\]$", "");
      if (host.equalsIgnoreCase("localhost")) {
        return true;
      }
      if (!host.matches("[0-9a-fA-F:.]+")) {
        return false;
      }
      java.net.InetAddress a = java.net.InetAddress.getByName(host); // a literal: no lookup
      return a.isLoopbackAddress() || (!network.isLocal() && network.allows(a));
    } catch (URISyntaxException | IOException | RuntimeException e) {
      return false;
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
    for (WebSocket ws : openSockets) {
      ws.close(WebSocket.GOING_AWAY, "the sketch is stopping");
    }
    pool.shutdownNow();
  }
}
