package mishmash.mirror;

import java.util.Locale;
import mishmash.bench.Stats;

/**
 * The mirror's own numbers, for its benchmark: how many new reflections reach the screen each
 * second, and how old the camera frame each was made from is when it gets there (end to end: frame
 * in, face, inverter, generator, on screen). The first two seconds are start-up and not counted.
 */
public final class ReflectionStats {
  private final double[] latencyMs = new double[100_000];
  private int count;
  private long first;
  private long last;
  private long startedAt = System.nanoTime();
  private int viewer;

  /** A new reflection reached the screen now. */
  public void drawn(Reflector.Reflection r) {
    long now = System.nanoTime();
    if (now - startedAt < 2_000_000_000L || r.frameNumber() < 0 || count >= latencyMs.length) {
      return;
    }
    if (count == 0) {
      first = now;
    }
    last = now;
    latencyMs[count++] = (now - r.frameNanos()) / 1e6;
    viewer += r.mode() == Reflector.Mode.DRIFTING ? 0 : 1;
  }

  public int count() {
    return count;
  }

  /** Reflections per second over the measured span. */
  public double perSecond() {
    return count < 2 ? 0 : (count - 1) / ((last - first) / 1e9);
  }

  public String table(String sketch) {
    double[] ms = java.util.Arrays.copyOf(latencyMs, count);
    if (count == 0) {
      return "no reflection reached the screen";
    }
    return String.format(Locale.ROOT, "%n| sketch | reflections | of the viewer | reflections/s | frame to screen median ms |"
        + " p99 ms | RSS MB |%n|---|---|---|---|---|---|---|%n| %s | %d | %d | %.1f | %.1f | %.1f | %.0f |%n", sketch,
        count, viewer, perSecond(), Stats.median(ms), Stats.percentile(ms, 99), Stats.rssMb());
  }
}
