package mishmash.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mishmash.time.SketchClock;
import org.junit.jupiter.api.Test;
import processing.core.PApplet;

/**
 * Sketch time and its timers (the grid's births) after weeks of uptime and with the wall clock set
 * back and forward. Processing's own clock is made to look as it would then: its millis() counts
 * from a wall-clock offset, so moving that offset is how 24.8 days of uptime, or NTP stepping the
 * clock, look to it.
 */
class SketchTimeTest {
  static final long MS = 1_000_000L;

  static final class Still extends MishmashSketch {
    final AtomicInteger births = new AtomicInteger();

    Still(AtomicLong nanos) {
      useClock(new SketchClock(nanos::get));
      every(() -> 1.0, births::incrementAndGet); // as a sketch's setup() does
    }
  }

  /** Moves Processing's millis() by {@code ms}: what a wall-clock step, or a long uptime, does to it. */
  static void shiftProcessingClock(PApplet p, long ms) throws ReflectiveOperationException {
    Field f = PApplet.class.getDeclaredField("millisOffset");
    f.setAccessible(true);
    f.setLong(p, f.getLong(p) - ms);
  }

  @Test
  void birthsGoOnPastTwentyFourPointEightDays() throws Exception {
    AtomicLong nanos = new AtomicLong();
    Still sketch = new Still(nanos);
    long uptime = (1L << 31) - 3_000; // three seconds before Processing's millis() wraps
    nanos.set(uptime * MS);
    shiftProcessingClock(sketch, uptime);
    sketch.runTimers();
    int before = sketch.births.get();
    for (int s = 1; s <= 10; s++) {
      nanos.addAndGet(1000 * MS);
      shiftProcessingClock(sketch, 1000);
      sketch.runTimers();
    }
    assertTrue(sketch.millis() < 0, "Processing's own millis() has wrapped: " + sketch.millis());
    assertEquals(10, sketch.births.get() - before, "a birth every second through the wrap");
    assertTrue(sketch.now() > 2_147_483.0, "sketch time is 64-bit: " + sketch.now());
  }

  @Test
  void theWallClockSetBackOrForwardNeitherStallsNorRushesBirths() throws Exception {
    AtomicLong nanos = new AtomicLong();
    Still sketch = new Still(nanos);
    int[] jumps = {0, 0, -60_000, 0, 0, -3_600_000, 0, 0, 3_600_000, 0, 0, 0};
    double last = sketch.now();
    for (int jump : jumps) {
      shiftProcessingClock(sketch, jump); // NTP steps the wall clock
      nanos.addAndGet(1000 * MS);         // while a second passes
      sketch.runTimers();
      assertEquals(1.0, sketch.now() - last, 1e-9, "sketch time moved one second");
      last = sketch.now();
    }
    assertEquals(jumps.length, sketch.births.get(), "one birth a second, whatever the wall clock did");
  }
}
