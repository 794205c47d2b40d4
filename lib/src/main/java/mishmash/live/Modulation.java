package mishmash.live;

import java.util.Locale;

/**
 * Movement for unattended playback: an LFO or a slow random drift on a parameter, as an offset
 * from the performer's value in fractions of the parameter's range. It is a pure function of sketch
 * time and seed, so headless renders and replayed performances move exactly the same way.
 *
 * @param shape sine, triangle, saw, square, or drift (smooth random)
 * @param rate cycles per second (for drift: new random targets per second)
 * @param depth how far, as a fraction of the range: 0.2 swings ±20%
 */
public record Modulation(Shape shape, double rate, double depth) {
  public enum Shape { SINE, TRIANGLE, SAW, SQUARE, DRIFT }

  public Modulation {
    if (!(rate >= 0 && rate <= 100) || !(depth >= 0 && depth <= 1)) {
      throw new IllegalArgumentException("a modulation's rate must be 0..100 per second and its depth 0..1, not "
          + rate + " and " + depth);
    }
  }

  /** The offset at sketch time {@code t}, in −depth..depth. */
  public double at(double t, long seed) {
    double phase = t * rate;
    double f = phase - Math.floor(phase);
    double wave = switch (shape) {
      case SINE -> Math.sin(2 * Math.PI * phase);
      case TRIANGLE -> 1 - 4 * Math.abs(f - 0.5);
      case SAW -> 2 * f - 1;
      case SQUARE -> f < 0.5 ? 1 : -1;
      case DRIFT -> drift(phase, seed);
    };
    return depth * wave;
  }

  /** Value noise: a random value in −1..1 at each whole phase, eased between (smooth, no jumps). */
  private static double drift(double phase, long seed) {
    long i = (long) Math.floor(phase);
    double f = phase - i;
    double e = f * f * (3 - 2 * f);
    return lerp(hash(i, seed), hash(i + 1, seed), e);
  }

  private static double lerp(double a, double b, double t) {
    return a + (b - a) * t;
  }

  private static double hash(long i, long seed) {
    long z = i * 0x9E3779B97F4A7C15L + seed;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53 * 2 - 1;
  }

  /**
   * Reads "lfo sine 0.1 0.3" (shape, rate, depth), "drift 0.05 0.2" (rate, depth), or "off"
   * (returns null: no modulation).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Modulation parse(String text) {
    String[] w = text.trim().toLowerCase(Locale.ROOT).split("[\\s:,]+");
    try {
      if (w.length == 1 && (w[0].equals("off") || w[0].equals("none") || w[0].equals("still"))) {
        return null;
      }
      if (w[0].equals("drift") && w.length == 3) {
        return new Modulation(Shape.DRIFT, Double.parseDouble(w[1]), Double.parseDouble(w[2]));
      }
      if (w[0].equals("lfo") && w.length == 4) {
        return new Modulation(Shape.valueOf(w[1].toUpperCase(Locale.ROOT)), Double.parseDouble(w[2]),
            Double.parseDouble(w[3]));
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("a modulation")) {
        throw e;
      }
    }
    throw new IllegalArgumentException("\"" + text + "\" is not a modulation: write \"lfo sine|triangle|saw|square RATE DEPTH\","
        + " \"drift RATE DEPTH\" or \"off\" (RATE per second, DEPTH 0..1 of the range)");
  }

  @Override
  public String toString() {
    return shape == Shape.DRIFT
        ? String.format(Locale.ROOT, "drift %s %s", rate, depth)
        : String.format(Locale.ROOT, "lfo %s %s %s", shape.name().toLowerCase(Locale.ROOT), rate, depth);
  }
}
