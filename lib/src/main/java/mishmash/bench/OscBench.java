package mishmash.bench;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import mishmash.live.Change;
import mishmash.live.Controls;
import mishmash.live.Live;
import mishmash.live.Param;
import mishmash.live.Params;
import mishmash.live.osc.OscServer;

/**
 * OSC under load, on loopback: a sender paces messages at a fixed rate for a few seconds while a
 * 60 fps frame loop applies them. Each message carries its sequence number, so every one is
 * accounted for: lost or applied, and in which frame after it was sent ("next frame" means the
 * first frame that started after the send).
 *
 * <pre>mvn -q -pl lib compile exec:java -Posc-bench [-Dexec.args="--seconds 5 --rates 1000,5000,10000"]</pre>
 *
 * With {@code --to HOST:PORT} it only sends, at the first rate, to a running sketch
 * ({@code /mishmash/grid/mutation/norm}, sweeping), so the sketch's own {@code --bench} table shows
 * whether frames drop under the flood. With {@code --sweep-grid} as well it turns the grid's shape
 * instead, {@code columns} and {@code rows} up and down at that rate (20 a second, say), which
 * makes the sketch grow and shrink its grid live.
 */
public final class OscBench {
  /** What a sketch would declare; the value is the message's sequence number. */
  static final class Target {
    @Live(min = 0, max = 1e9) double seq;
  }

  public static void main(String[] args) throws Exception {
    double seconds = 5;
    int[] rates = {1000, 5000, 10000};
    String to = null;
    boolean sweepGrid = List.of(args).contains("--sweep-grid");
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--to")) {
        to = args[++i];
      } else if (args[i].equals("--seconds")) {
        seconds = Double.parseDouble(args[++i]);
      } else if (args[i].equals("--rates")) {
        String[] r = args[++i].split(",");
        rates = new int[r.length];
        for (int k = 0; k < r.length; k++) {
          rates[k] = Integer.parseInt(r[k].trim());
        }
      }
    }
    if (to != null) {
      if (sweepGrid) {
        sweepGrid(to, rates[0], seconds);
      } else {
        flood(to, rates[0], seconds);
      }
      return;
    }
    System.out.println("| messages/s | sent | applied | lost | on the next frame | latency median ms | latency p99 ms "
        + "| frame work p99 ms | frames late (>33 ms) | RSS MB |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (int rate : rates) {
      run(rate, seconds);
    }
  }

  /** Sends {@code rate} messages a second for {@code seconds} to a sketch at {@code to}. */
  static void flood(String to, int rate, double seconds) throws Exception {
    String[] hp = to.split(":");
    int n = (int) (rate * seconds);
    send(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), n, rate,
        i -> new OSCMessage("/mishmash/grid/mutation/norm", List.of((float) (i % 1000) / 1000f)), i -> { });
    System.out.printf(Locale.ROOT, "sent %d messages to %s at %d/s%n", n, to, rate);
  }

  /**
   * Turns the grid's shape to and fro, {@code rate} messages a second, alternating columns and rows:
   * columns 1..16 and rows 1..9 over a few seconds, as a performer sweeping two faders would.
   */
  static void sweepGrid(String to, int rate, double seconds) throws Exception {
    String[] hp = to.split(":");
    int n = (int) (rate * seconds);
    send(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), n, rate, i -> {
      double phase = (i / 2) * 0.05; // a full sweep up and down every 40 steps of each fader
      float v = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * phase / 2));
      return new OSCMessage(i % 2 == 0 ? "/mishmash/grid/columns/norm" : "/mishmash/grid/rows/norm", List.of(v));
    }, i -> { });
    System.out.printf(Locale.ROOT, "swept columns and rows with %d messages to %s at %d/s%n", n, to, rate);
  }

  /**
   * Sends {@code n} messages to {@code to}, {@code rate} a second, spinning to keep the pace;
   * {@code beforeSend} runs just before each one goes.
   */
  static void send(InetSocketAddress to, int n, int rate, IntFunction<OSCMessage> message, IntConsumer beforeSend)
      throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(256);
    OSCSerializer serializer = new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(buffer));
    try (DatagramChannel out = DatagramChannel.open()) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long due = t0 + (long) (i * 1e9 / rate);
        for (long wait; (wait = due - System.nanoTime()) > 0; ) {
          if (wait > 3_000_000) {
            Thread.sleep(wait / 1_000_000 - 2); // slow rates sleep; fast ones spin for the last few ms
          } else {
            Thread.onSpinWait();
          }
        }
        buffer.clear();
        serializer.write(message.apply(i));
        buffer.flip();
        beforeSend.accept(i);
        out.send(buffer, to);
      }
    }
  }

  static void run(int rate, double seconds) throws Exception {
    int n = (int) (rate * seconds);
    long[] sentAt = new long[n];
    long[] sentInFrame = new long[n];
    long[] appliedAt = new long[n];
    long[] appliedInFrame = new long[n];
    Target target = new Target();
    Controls controls = new Controls("bench", Params.of(target), 1);
    FrameLoop[] running = new FrameLoop[1];
    controls.addListener(new Controls.Listener() {
      @Override
      public void changed(Param param, Change cause) {
        int seq = (int) cause.value();
        if (seq >= 0 && seq < n) {
          appliedAt[seq] = System.nanoTime();
          appliedInFrame[seq] = running[0].frame();
        }
      }
    });
    OscServer server = OscServer.start(controls, null, new OscServer.Settings(mishmash.net.Network.local(), 0, false, 0));
    FrameLoop loop = new FrameLoop(controls, (int) (seconds * 60) + 600);
    running[0] = loop;
    loop.start();
    send(new InetSocketAddress("127.0.0.1", server.port()), n, rate,
        i -> new OSCMessage("/mishmash/bench/seq", List.of((float) i)), i -> {
          sentInFrame[i] = loop.frame();
          sentAt[i] = System.nanoTime();
        });
    long end = System.nanoTime() + 3_000_000_000L;
    while (controls.handled() < n && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    Thread.sleep(100);
    loop.stop();
    controls.close();
    int applied = 0;
    int nextFrame = 0;
    double[] latency = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (appliedAt[i] != 0) {
        applied++;
        latency[k++] = (appliedAt[i] - sentAt[i]) / 1e6;
        if (appliedInFrame[i] <= sentInFrame[i] + 1) {
          nextFrame++;
        }
      }
    }
    double[] lat = java.util.Arrays.copyOf(latency, k);
    double[] w = loop.work(0, loop.frames());
    System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %.2f%% | %.2f | %.2f | %.3f | %d | %.0f |%n", rate, n,
        applied, n - applied, 100.0 * nextFrame / Math.max(1, applied), Stats.median(lat),
        Stats.percentile(lat, 99), Stats.percentile(w, 99), loop.late(), Stats.rssMb());
  }
}
