package mishmash.bench;

import java.util.Locale;
import mishmash.capture.Frame;
import mishmash.capture.FrameSource;
import mishmash.capture.GStreamer;
import mishmash.capture.Sources;

/**
 * How fast camera frames reach a sketch: a 640×480 videotestsrc through the capture pipeline
 * (scale, convert to BGRx, copy into ARGB ints), picked up by a consumer that polls like a 60 fps
 * draw loop. Prints a Markdown table: frames delivered per second, the age of a frame when the
 * sketch picks it up, the cost of {@code latest()} on the animation thread, and memory, whose
 * growth over the run shows whether frame delivery allocates.
 *
 * <pre>mvn -q -pl lib compile exec:java -Pcapture-bench [-Dexec.args="--seconds 5 --soak 60"]</pre>
 */
public final class CaptureBench {
  private CaptureBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = 5;
    int soak = 0;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--seconds")) {
        seconds = Integer.parseInt(args[i + 1]);
      } else if (args[i].equals("--soak")) {
        soak = Integer.parseInt(args[i + 1]);
      }
    }
    GStreamer.require();
    System.out.printf("Machine: %s, %d cores, Java %s, %s%n%n", System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), GStreamer.describe());
    System.out.println("| source | frames | delivered fps | median age at pickup ms | p99 age ms | median latest() µs"
        + " | p99 latest() µs | RSS start MB | RSS end MB | peak RSS MB |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    run("videotestsrc 640x480 live 30 fps, sketch at 60 fps",
        "pipeline:videotestsrc is-live=true ! video/x-raw,width=640,height=480,framerate=30/1", 16, seconds);
    run("videotestsrc 640x480 at up to 1000 fps, sketch polling",
        FAST, 0, seconds);
    if (soak > 0) {
      soak(soak);
    }
  }

  private static final String FAST = "pipeline:videotestsrc ! video/x-raw,width=640,height=480,framerate=1000/1";

  /** Delivers frames as fast as they go for {@code seconds} and prints memory along the way. */
  private static void soak(int seconds) throws Exception {
    System.out.printf("%nMemory while delivering 640x480 frames as fast as they go for %d s:%n%n", seconds);
    System.out.println("| elapsed s | frames | RSS MB | Java heap MB |");
    System.out.println("|---|---|---|---|");
    try (FrameSource source = Sources.open(FAST, 640, 480)) {
      long start = System.nanoTime();
      for (int step = 0; step <= 4; step++) {
        long until = start + step * seconds * 250_000_000L;
        while (System.nanoTime() < until) {
          source.latest();
          Thread.sleep(1);
        }
        System.gc();
        System.out.printf(Locale.ROOT, "| %.0f | %,d | %.0f | %.0f |%n", (System.nanoTime() - start) / 1e9,
            source.frameCount(), Stats.rssMb(), Stats.heapMb());
      }
    }
  }

  /** Opens {@code spec}, polls it every {@code pollMillis} (0: spin) for {@code seconds}, prints a row. */
  private static void run(String what, String spec, int pollMillis, int seconds) throws Exception {
    try (FrameSource source = Sources.open(spec, 640, 480)) {
      long warm = System.nanoTime() + 1_000_000_000L;
      while (System.nanoTime() < warm || !source.status().running()) {
        Thread.sleep(10);
        if (System.nanoTime() > warm + 10_000_000_000L) {
          throw new IllegalStateException(what + " did not start: " + source.status());
        }
      }
      System.gc();
      double rssStart = Stats.rssMb();
      long firstCount = source.frameCount();
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      double[] ages = new double[seconds * 2000];
      double[] calls = new double[seconds * 2000];
      int nAges = 0;
      int nCalls = 0;
      long last = 0;
      while (System.nanoTime() < end) {
        long t = System.nanoTime();
        Frame f = source.latest();
        long after = System.nanoTime();
        if (nCalls < calls.length) {
          calls[nCalls++] = (after - t) / 1e3;
        }
        if (f != null && f.number() != last && nAges < ages.length) {
          ages[nAges++] = (after - f.nanos()) / 1e6;
          last = f.number();
        }
        if (pollMillis > 0) {
          Thread.sleep(pollMillis);
        } else {
          Thread.sleep(0, 200_000);
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      long frames = source.frameCount() - firstCount;
      System.gc();
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f |%n", what, frames,
          frames / elapsed, Stats.median(trim(ages, nAges)), Stats.percentile(trim(ages, nAges), 99),
          Stats.median(trim(calls, nCalls)), Stats.percentile(trim(calls, nCalls), 99), rssStart, Stats.rssMb(),
          Stats.peakRssMb());
    }
  }

  private static double[] trim(double[] values, int n) {
    return n == 0 ? new double[] {Double.NaN} : java.util.Arrays.copyOf(values, n);
  }
}
