package mishmash.time;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Things that happen every so many seconds of sketch time, fired from the frame loop. The interval
 * may change live. A timer keeps its rhythm, but after a stall (a frame that took long, a laptop
 * asleep) it fires once, never a backlog.
 */
public final class Timers {
  private final List<Timer> timers = new ArrayList<>();

  /** Runs {@code action} every {@code seconds()} seconds (at least 0.01) from {@code now}. */
  public void every(DoubleSupplier seconds, Runnable action, double now) {
    timers.add(new Timer(seconds, action, now));
  }

  /** Fires every timer that is due at sketch time {@code now}. */
  public void fire(double now) {
    for (Timer timer : timers) {
      timer.fire(now);
    }
  }

  private static final class Timer {
    final DoubleSupplier seconds;
    final Runnable action;
    double last;

    Timer(DoubleSupplier seconds, Runnable action, double start) {
      this.seconds = seconds;
      this.action = action;
      this.last = start;
    }

    void fire(double now) {
      double s = Math.max(0.01, seconds.getAsDouble());
      if (now - last >= s) {
        last = Math.max(last + s, now - s); // keep the rhythm, but never fire a backlog
        action.run();
      }
    }
  }
}
