package mishmash.mirror;

/**
 * The one-euro filter (Casiez, Roussel and Vogel, CHI 2012), for a vector of values at once: a
 * low-pass filter whose cut-off rises with speed, so a still face holds still (the landmark net's
 * frame-to-frame jitter is smoothed away) and a turning head is followed without lag.
 *
 * @see <a href="https://gery.casiez.net/1euro/">the one-euro filter</a>
 */
public final class OneEuro {
  private final double minCutoff;
  private final double beta;
  private final double derivativeCutoff;
  private double[] value;
  private double[] derivative;
  private double lastSeconds = Double.NaN;

  /**
   * @param minCutoff the cut-off in Hz when still: lower is calmer (1)
   * @param beta how fast the cut-off rises with speed: higher follows quick moves more closely (0.5)
   * @param derivativeCutoff the cut-off for the speed estimate (1)
   */
  public OneEuro(double minCutoff, double beta, double derivativeCutoff) {
    if (!(minCutoff > 0) || !(beta >= 0) || !(derivativeCutoff > 0)) {
      throw new IllegalArgumentException("one-euro cut-offs must be above 0 and beta at least 0");
    }
    this.minCutoff = minCutoff;
    this.beta = beta;
    this.derivativeCutoff = derivativeCutoff;
  }

  /** Filters {@code x} seen at time {@code seconds}; the first call (or one after {@link #reset}) passes it through. */
  public float[] filter(float[] x, double seconds) {
    if (value == null || value.length != x.length) {
      value = new double[x.length];
      derivative = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        value[i] = x[i];
      }
      lastSeconds = seconds;
      return x.clone();
    }
    if (!(seconds > lastSeconds)) {
      seconds = lastSeconds + 1e-3; // a repeated timestamp: taken as a millisecond later
    }
    double dt = seconds - lastSeconds;
    lastSeconds = seconds;
    double ad = alpha(derivativeCutoff, dt);
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      double dx = (x[i] - value[i]) / dt;
      derivative[i] += ad * (dx - derivative[i]);
      double cutoff = minCutoff + beta * Math.abs(derivative[i]);
      value[i] += alpha(cutoff, dt) * (x[i] - value[i]);
      out[i] = (float) value[i];
    }
    return out;
  }

  /** Forgets the past: the next value passes through (a new face). */
  public void reset() {
    value = null;
    derivative = null;
    lastSeconds = Double.NaN;
  }

  private static double alpha(double cutoff, double dt) {
    double tau = 1 / (2 * Math.PI * cutoff);
    return 1 / (1 + tau / dt);
  }
}
