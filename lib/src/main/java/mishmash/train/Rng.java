package mishmash.train;

/**
 * A small random number generator (SplitMix64) whose whole state is one long, so a checkpoint can
 * store it and a resumed run draws exactly the numbers the uninterrupted run would have drawn.
 */
public final class Rng {
  private long state;

  public Rng(long state) {
    this.state = state;
  }

  public long state() {
    return state;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  public float nextFloat() {
    return (float) nextDouble();
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    return (int) (nextDouble() * bound);
  }

  /** Standard normal (Box–Muller, one value per call so the state stays a single long). */
  public float nextGaussian() {
    double u = 1 - nextDouble();
    double v = nextDouble();
    return (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
}
