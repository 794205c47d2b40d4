package mishmash.bench;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mishmash.live.Controls;
import mishmash.live.Live;
import mishmash.live.Params;
import mishmash.live.osc.OscServer;
import mishmash.live.oscquery.OscQueryServer;
import mishmash.net.Network;
import mishmash.net.http.WebServer;

/**
 * OSCQuery under use, on loopback: while a 60 fps frame loop runs, an OSCQuery client fetches the
 * namespace over and over, and a WebSocket client LISTENs to a parameter that an OSC sender moves
 * 1,000 times a second; each value carries its sequence number, so the stream's latency from the
 * OSC send to the WebSocket is measured too.
 *
 * <pre>mvn -q -pl lib compile exec:java -Poscquery-bench [-Dexec.args="--requests 2000 --seconds 5"]</pre>
 *
 * With {@code --http PORT --osc PORT} it measures a running sketch instead (the archive grid, say:
 * its {@code --bench} table then shows the frames), streaming {@code /mishmash/grid/mutation}.
 */
public final class OscQueryBench {
  /** A sketch's worth of parameters. */
  static final class Target {
    @Live(min = 0, max = 1e9) double seq;
    @Live(min = 0.1, max = 10, unit = " s") float interval = 1;
    @Live(min = 0, max = 2) float mutation = 0.35f;
    @Live(min = 0, max = 1) float randomness = 0.1f;
    @Live(min = 0, max = 1.5) float psi = 0.9f;
    @Live(min = 0, max = 5, unit = " s") float morph = 1.5f;
    @Live(min = 0, max = 1) float breath = 0.3f;
    @Live(min = 1, max = 16) int columns = 8;
    @Live(min = 1, max = 9) int rows = 5;
    @Live boolean labels = true;
  }

  public static void main(String[] args) throws Exception {
    int requests = 2000;
    double seconds = 5;
    int httpPort = -1;
    int oscPort = -1;
    for (int i = 0; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--http" -> httpPort = Integer.parseInt(args[++i]);
        case "--osc" -> oscPort = Integer.parseInt(args[++i]);
        default -> { }
      }
    }
    Controls controls = null;
    FrameLoop loop = null;
    String sketch = "grid";
    String streamed = "mutation";
    double max = 2;
    if (httpPort < 0) {
      sketch = "bench";
      streamed = "seq";
      max = 1e9;
      controls = new Controls(sketch, Params.of(new Target()), 1);
      OscServer osc = controls.own(OscServer.start(controls, null, new OscServer.Settings(Network.local(), 0, false, 0)));
      WebServer web = controls.own(WebServer.start(Network.local(), 0, sketch));
      controls.own(OscQueryServer.start(web, controls, osc));
      httpPort = web.port();
      oscPort = osc.port();
      loop = new FrameLoop(controls, 200_000).start();
      Thread.sleep(500);
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    System.out.println("| what | n | per second | median ms | p99 ms | frame work p99 ms | frames late (>33 ms) | RSS MB |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (String path : List.of("/", "/mishmash/" + sketch + "/" + streamed + "?VALUE")) {
      int startFrames = loop == null ? 0 : loop.frames();
      int startLate = loop == null ? 0 : loop.late();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build();
      for (int i = 0; i < 200; i++) {
        http.send(request, HttpResponse.BodyHandlers.ofString()); // warm up
      }
      double[] ms = new double[requests];
      long t0 = System.nanoTime();
      for (int i = 0; i < requests; i++) {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        ms[i] = (System.nanoTime() - t) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(path + " answered " + r.statusCode());
        }
      }
      double rate = requests / ((System.nanoTime() - t0) / 1e9);
      row("GET " + path, requests, rate, ms, loop, startFrames, startLate);
    }
    // the value stream: OSC in at 1,000 a second, the WebSocket out
    int n = (int) (1000 * seconds);
    long[] sentAt = new long[n];
    long[] heardAt = new long[n];
    AtomicInteger heard = new AtomicInteger();
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/"),
        new WebSocket.Listener() {
          ByteBuffer partial = ByteBuffer.allocate(1 << 16);

          @Override
          public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            partial.put(data);
            if (last) {
              partial.flip();
              try {
                OSCMessage m = (OSCMessage) new OSCSerializerAndParserBuilder().buildParser().convert(partial);
                int seq = (int) Math.round(((Number) m.getArguments().get(0)).floatValue() * heardScale);
                if (seq >= 0 && seq < n && heardAt[seq] == 0) {
                  heardAt[seq] = System.nanoTime();
                }
                heard.incrementAndGet();
              } catch (Exception e) {
                // not a value: ignore
              }
              partial.clear();
            }
            w.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    ws.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"/mishmash/" + sketch + "/" + streamed + "\"}", true).get();
    Thread.sleep(300);
    heard.set(0);
    int startFrames = loop == null ? 0 : loop.frames();
    int startLate = loop == null ? 0 : loop.late();
    double scale = max >= n ? 1 : (max * 0.999) / n; // the streamed value carries the sequence number
    heardScale = 1 / scale;
    String address = "/mishmash/" + sketch + "/" + streamed;
    long t0 = System.nanoTime();
    OscBench.send(new InetSocketAddress("127.0.0.1", oscPort), n, 1000,
        i -> new OSCMessage(address, List.of((float) (i * scale))), i -> sentAt[i] = System.nanoTime());
    Thread.sleep(500);
    double elapsed = (System.nanoTime() - t0) / 1e9 - 0.5;
    double[] lat = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (heardAt[i] != 0) {
        lat[k++] = (heardAt[i] - sentAt[i]) / 1e6;
      }
    }
    row("WebSocket stream of one parameter moved 1000 times/s (OSC in to WebSocket out)", heard.get(),
        heard.get() / elapsed, Arrays.copyOf(lat, k), loop, startFrames, startLate);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    if (loop != null) {
      loop.stop();
      controls.close();
    }
    System.exit(0);
  }

  private static volatile double heardScale = 1;

  /** A table row; the frame columns from {@code loop} since {@code fromFrame} (a running sketch has its own table). */
  private static void row(String what, int n, double perSecond, double[] ms, FrameLoop loop, int fromFrame, int lateBefore) {
    String work = "(the sketch's table)";
    String late = work;
    if (loop != null) {
      work = String.format(Locale.ROOT, "%.3f", Stats.percentile(loop.work(fromFrame, loop.frames()), 99));
      late = Integer.toString(loop.late() - lateBefore);
    }
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %s | %s | %.0f |%n", what, n, perSecond,
        Stats.median(ms), Stats.percentile(ms, 99), work, late, Stats.rssMb());
  }
}
