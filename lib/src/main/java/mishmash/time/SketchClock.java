package mishmash.time;

import java.util.function.LongSupplier;

/**
 * Sketch time: seconds since the sketch started, from the monotonic {@link System#nanoTime()} and
 * in 64 bits. It never wraps (Processing's {@code millis()} is an int that turns negative after
 * 2^31 ms, 24.8 days) and never jumps when the wall clock is set (NTP, a technician, daylight
 * saving): only the time of day for schedules and the birth dates in the archive come from the
 * wall clock.
 */
public final class SketchClock {
  private final LongSupplier nanos;
  private final long start;

  /** A clock starting now. */
  public SketchClock() {
    this(System::nanoTime);
  }

  /** A clock on another nanosecond source (tests, fast-forwarded runs); it starts at the source's present value. */
  public SketchClock(LongSupplier nanos) {
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /** Nanoseconds since the start; the difference is right even where the source overflows. */
  public long nanos() {
    return nanos.getAsLong() - start;
  }

  /** Seconds since the start. */
  public double seconds() {
    return nanos() / 1e9;
  }
}
