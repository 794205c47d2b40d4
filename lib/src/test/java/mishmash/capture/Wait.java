package mishmash.capture;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition in tests, failing with a description of what was seen instead of hanging. */
final class Wait {
  private Wait() {}

  static void until(Duration limit, BooleanSupplier done, Supplier<String> seen) {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("gave up after " + limit.toSeconds() + " s; saw " + seen.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }

  static void running(FrameSource source, long frames, Duration limit) {
    until(limit, () -> source.status().running() && source.frameCount() >= frames,
        () -> source.status() + ", " + source.frameCount() + " frames");
  }
}
