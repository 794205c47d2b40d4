package mishmash.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

  /** A clock the test moves by hand. */
  static final class FakeClock {
    long nanos = 1_000_000_000L;

    void seconds(double s) {
      nanos += (long) (s * 1e9);
    }
  }

  final FakeClock clock = new FakeClock();
  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  Progress progress(long total, boolean terminal) {
    return new Progress("drawing faces", total, () -> clock.nanos, out, terminal);
  }

  String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void lineShowsBarPercentCountRateEtaAndStatus() {
    Progress p = progress(3000, false);
    for (int i = 0; i < 10; i++) {  // 10 s at a steady 156 per second
      clock.seconds(1);
      p.step(156, "d=0.31 g=1.2");
    }
    assertEquals("drawing faces [##########----------]  52%  1560/3000  156/s  ETA 0:00:09  d=0.31 g=1.2", p.line());
  }

  @Test
  void etaIsRemainingWorkOverRate() {
    Progress p = progress(1000, false);
    for (int i = 0; i < 20; i++) {
      clock.seconds(0.5);
      p.step(5);  // 10 per second
    }
    assertEquals(10.0, p.rate(), 1e-9);
    assertEquals(900 / 10.0, p.etaSeconds(), 1e-9);
    assertTrue(p.line().contains("ETA 0:01:30"), p.line());
  }

  @Test
  void rateIsSmoothedNotJumping() {
    Progress p = progress(100_000, false);
    for (int i = 0; i < 20; i++) {
      clock.seconds(1);
      p.step(100);
    }
    assertEquals(100, p.rate(), 1e-6);
    clock.seconds(1);
    p.step(1000);  // one burst of 10x speed moves the smoothed rate only a little
    assertTrue(p.rate() > 100 && p.rate() < 300, "rate " + p.rate());
  }

  @Test
  void slowStepsShowSecondsPerUnit() {
    Progress p = progress(10, false);
    clock.seconds(4);
    p.step();
    assertTrue(p.line().contains("4.0s/it"), p.line());
    assertEquals("0:00:36", Progress.clockText(p.etaSeconds()));
  }

  @Test
  void unknownRateBeforeAnyTimePasses() {
    Progress p = progress(10, false);
    assertEquals("drawing faces [--------------------]   0%  0/10  ?/s  ETA ?:??:??", p.line());
  }

  @Test
  void logsPrintANewLineAtMostEveryFiveSeconds() {
    Progress p = progress(1000, false);
    for (int i = 0; i < 120; i++) {  // 12 s in steps of 0.1 s
      clock.seconds(0.1);
      p.step();
    }
    String text = printed();
    assertEquals(2, text.lines().count(), text);
    assertTrue(!text.contains("\r"));
  }

  @Test
  void terminalRewritesTheLineInPlace() {
    Progress p = progress(100, true);
    for (int i = 0; i < 100; i++) {
      clock.seconds(0.05);
      p.step();
    }
    p.done();
    String text = printed();
    assertTrue(text.startsWith("\r"), text);
    assertEquals(1, text.split(System.lineSeparator(), -1).length - 1, text);  // one newline, after done()
    int updates = text.split("\r", -1).length - 1;
    assertTrue(updates > 20 && updates <= 52, "updates " + updates);  // about every 0.1 s, plus first and last
  }

  @Test
  void doneReportsTotalTimeOnce() {
    Progress p = progress(50, false);
    clock.seconds(65);
    p.step(50, "loss 0.12");
    p.done();
    p.done();
    String last = printed().lines().reduce((a, b) -> b).orElseThrow();
    assertEquals("drawing faces [####################]  50/50  1.3s/it  done in 0:01:05  loss 0.12", last);
    assertEquals(2, printed().lines().count());
    assertEquals(65_000, p.elapsedMillis());
  }

  @Test
  void unknownTotalShowsCountAndRateOnly() {
    Progress p = progress(0, false);
    clock.seconds(10);
    p.step(500);
    assertEquals("drawing faces  500  50/s", p.line());
  }
}
