package mishmash.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimersTest {
  static final long MS = 1_000_000L;

  @Test
  void aTimerKeepsFiringPastTheIntWrapOfMillisecondsAndWhereNanoTimeOverflows() {
    // nanoTime may start anywhere, even just below its own overflow
    AtomicLong source = new AtomicLong(Long.MAX_VALUE - 5_000 * MS);
    SketchClock clock = new SketchClock(source::get);
    Timers timers = new Timers();
    AtomicInteger fired = new AtomicInteger();
    timers.every(() -> 1.0, fired::incrementAndGet, clock.seconds());
    // 25 days, a frame a second: past 2^31 ms (24.8 days), where an int millis() turns negative
    long frames = 25L * 24 * 3600;
    for (long f = 1; f <= frames; f++) {
      source.addAndGet(1000 * MS);
      timers.fire(clock.seconds());
    }
    assertEquals(frames, fired.get(), "one birth a second for 25 days, none lost at the wrap");
    assertTrue(clock.seconds() > Integer.MAX_VALUE / 1000.0, "64-bit sketch time: " + clock.seconds());
  }

  @Test
  void aStallFiresOnceAndTheRhythmGoesOn() {
    Timers timers = new Timers();
    AtomicInteger fired = new AtomicInteger();
    timers.every(() -> 1.0, fired::incrementAndGet, 0);
    timers.fire(1.0);
    timers.fire(60.0); // a minute without frames
    for (double t = 60.1; t < 61.0; t += 0.1) {
      timers.fire(t);
    }
    assertTrue(fired.get() <= 3, "no backlog of 59 births: " + fired.get());
    int after = fired.get();
    for (double t = 61.0; t < 70.95; t += 0.1) {
      timers.fire(t);
    }
    assertEquals(10, fired.get() - after, "and the rhythm goes on, one a second");
  }
}
