package mishmash.net.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Hostile HTTP traffic for a server on this machine, bounded in count and time: random bytes,
 * random request lines and paths, huge headers, and slow clients that send a request a byte at a
 * time, too slowly. Loopback only.
 */
public final class HttpFuzz {
  private HttpFuzz() {}

  /**
   * @param answered junk requests that got an HTTP status or a hang-up (all of them, if all is well)
   * @param goodWhileSlow a good request was answered 200 while the slow clients were connected
   * @param slowCut slow clients the server cut off (408, or hung up)
   */
  public record Result(int answered, boolean goodWhileSlow, int slowCut) {}

  public static Socket open(int port) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(10_000);
    return s;
  }

  /** Sends raw bytes and returns the status code of the reply (0 if the server just hung up). */
  public static int raw(int port, byte[] request) throws IOException {
    try (Socket s = open(port)) {
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      return status(s.getInputStream());
    } catch (java.net.SocketException e) {
      return 0; // reset: the server hung up while we were still writing
    }
  }

  static int status(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
      line.append((char) b);
    }
    String[] w = line.toString().split(" ");
    return w.length > 1 && w[0].startsWith("HTTP/") ? Integer.parseInt(w[1]) : 0;
  }

  /**
   * Opens {@code slowClients} dribbling connections, sends {@code junk} broken requests, checks
   * that {@code goodPath} answers meanwhile, then dribbles on (for up to 7 s) until the server cut
   * the slow ones off.
   */
  public static Result run(int port, int junk, int slowClients, long seed, String goodPath) throws Exception {
    Random r = new Random(seed);
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < slowClients; i++) {
      Socket s = open(port);
      s.getOutputStream().write("GET / HT".getBytes(StandardCharsets.US_ASCII));
      slow.add(s);
    }
    int answered = 0;
    for (int i = 0; i < junk; i++) {
      byte[] request;
      switch (i % 4) {
        case 0 -> {
          byte[] noise = new byte[1 + r.nextInt(3000)];
          r.nextBytes(noise);
          request = (new String(noise, StandardCharsets.ISO_8859_1) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
        case 1 -> {
          StringBuilder path = new StringBuilder("/");
          for (int k = r.nextInt(200); k > 0; k--) {
            path.append((char) (33 + r.nextInt(94)));
          }
          request = ("GET " + path + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
        case 2 -> request = ("GET " + goodPath + " HTTP/1.1\r\nX: " + "b".repeat(r.nextInt(40_000)) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
        default -> request = ("GET /" + "../".repeat(r.nextInt(2000)) + "etc/passwd?" + "%".repeat(r.nextInt(50))
            + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      }
      int status = raw(port, request);
      answered += status == 0 || (status >= 200 && status < 600) ? 1 : 0;
    }
    boolean good = raw(port, ("GET " + goodPath + " HTTP/1.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII)) == 200;
    int cut = 0;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(7);
    boolean[] done = new boolean[slow.size()];
    while (System.nanoTime() < until && cut < slow.size()) {
      for (int i = 0; i < slow.size(); i++) {
        if (done[i]) {
          continue;
        }
        Socket s = slow.get(i);
        try {
          s.getOutputStream().write('T');
          if (s.getInputStream().available() > 0) {
            done[i] = true;
            cut += status(s.getInputStream()) == 408 ? 1 : 0;
          }
        } catch (IOException e) {
          done[i] = true;
          cut++; // the server hung up on it, as it should
        }
      }
      Thread.sleep(300);
    }
    for (Socket s : slow) {
      s.close();
    }
    return new Result(answered, good, cut);
  }
}
