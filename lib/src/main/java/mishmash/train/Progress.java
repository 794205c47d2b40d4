package mishmash.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar with rate and ETA, for long loops (drawing data sets, training a GAN):
 *
 * <pre>
 * drawing faces [##########----------]  52%  1560/3000  310/s  ETA 0:00:04  d=0.31 g=1.2
 * </pre>
 *
 * On a terminal the line is rewritten in place with {@code \r} (at most ten times a second);
 * otherwise (logs, CI) a new line is printed at most every five seconds. The rate is smoothed,
 * so the ETA does not jump around when single steps are fast or slow. Safe to call from
 * several threads.
 */
public final class Progress {
  static final int BAR_WIDTH = 20;
  static final long TERMINAL_EVERY_NANOS = 100_000_000L;  // 0.1 s
  static final long LOG_EVERY_NANOS = 5_000_000_000L;     // 5 s
  static final long SAMPLE_NANOS = 500_000_000L;          // rate is re-measured every 0.5 s
  static final double SMOOTHING_SECONDS = 5.0;            // time constant of the smoothed rate

  private final String label;
  private final long total;
  private final LongSupplier clock;
  private final PrintStream out;
  private final boolean terminal;
  private final long start;

  private long count;
  private String status = "";
  private long lastPrint;
  private boolean printedOnce;
  private int lastLength;
  private boolean finished;

  private long sampleTime;
  private long sampleCount;
  private double rate;  // smoothed units per second; 0 until the first sample

  /** A progress bar on {@code System.err}; {@code total} may be 0 when unknown. */
  public Progress(String label, long total) {
    this(label, total, System::nanoTime, System.err, System.console() != null);
  }

  /** For tests: an injected nanosecond clock, output stream and terminal flag. */
  Progress(String label, long total, LongSupplier nanoClock, PrintStream out, boolean terminal) {
    this.label = label;
    this.total = Math.max(0, total);
    this.clock = nanoClock;
    this.out = out;
    this.terminal = terminal;
    this.start = nanoClock.getAsLong();
    this.sampleTime = start;
    this.lastPrint = start;
  }

  /** One unit done. */
  public void step() {
    step(1, null);
  }

  /** {@code n} units done. */
  public void step(long n) {
    step(n, null);
  }

  /** {@code n} units done; {@code status} (e.g. "d=0.31 g=1.2") is shown at the end of the line. */
  public synchronized void step(long n, String status) {
    long now = clock.getAsLong();
    count += n;
    if (status != null) {
      this.status = status;
    }
    sample(now);
    long every = terminal ? TERMINAL_EVERY_NANOS : LOG_EVERY_NANOS;
    if (now - lastPrint >= every || (terminal && !printedOnce)) {
      print(line(now), false);
      lastPrint = now;
      printedOnce = true;
    }
  }

  /** Prints the final line with the total time. Calling it twice prints once. */
  public synchronized void done() {
    if (finished) {
      return;
    }
    finished = true;
    long now = clock.getAsLong();
    double seconds = (now - start) / 1e9;
    StringBuilder s = new StringBuilder(label);
    if (total > 0) {
      s.append(' ').append(bar(count));
    }
    s.append(String.format(Locale.ROOT, "  %d%s  %s  done in %s",
        count, total > 0 ? "/" + total : "", rateText(seconds > 0 ? count / seconds : 0), clockText(seconds)));
    if (!status.isEmpty()) {
      s.append("  ").append(status);
    }
    print(s.toString(), true);
  }

  /** Milliseconds since this progress bar was made. */
  public long elapsedMillis() {
    return (clock.getAsLong() - start) / 1_000_000L;
  }

  /** Units done so far. */
  public synchronized long count() {
    return count;
  }

  /** The smoothed rate in units per second (before the first half second: the plain average). */
  synchronized double rate() {
    return currentRate(clock.getAsLong());
  }

  /** Seconds left at the smoothed rate, or -1 if unknown. */
  synchronized double etaSeconds() {
    return eta(clock.getAsLong());
  }

  /** The progress line as it would be printed now. */
  synchronized String line() {
    return line(clock.getAsLong());
  }

  private void sample(long now) {
    long dt = now - sampleTime;
    if (dt < SAMPLE_NANOS) {
      return;
    }
    double seconds = dt / 1e9;
    double measured = (count - sampleCount) / seconds;
    if (rate == 0) {
      rate = (count) / ((now - start) / 1e9);
    } else {
      // exponential smoothing with a time constant, so the weight does not depend on how often we sample
      double alpha = 1 - Math.exp(-seconds / SMOOTHING_SECONDS);
      rate += alpha * (measured - rate);
    }
    sampleTime = now;
    sampleCount = count;
  }

  private double currentRate(long now) {
    if (rate > 0) {
      return rate;
    }
    double seconds = (now - start) / 1e9;
    return seconds > 0 ? count / seconds : 0;
  }

  private double eta(long now) {
    double r = currentRate(now);
    if (total <= 0 || r <= 0) {
      return -1;
    }
    return Math.max(0, total - count) / r;
  }

  private String line(long now) {
    StringBuilder s = new StringBuilder(label);
    if (total > 0) {
      s.append(' ').append(bar(count));
      s.append(String.format(Locale.ROOT, " %3d%%  %d/%d", percent(), count, total));
    } else {
      s.append(String.format(Locale.ROOT, "  %d", count));
    }
    s.append("  ").append(rateText(currentRate(now)));
    if (total > 0) {
      double eta = eta(now);
      s.append("  ETA ").append(eta < 0 ? "?:??:??" : clockText(eta));
    }
    if (!status.isEmpty()) {
      s.append("  ").append(status);
    }
    return s.toString();
  }

  private int percent() {
    return (int) Math.min(100, count * 100 / total);
  }

  private String bar(long done) {
    int full = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
    return "[" + "#".repeat(full) + "-".repeat(BAR_WIDTH - full) + "]";
  }

  /** "310/s" for fast loops, "2.5/s", or "12.0s/it" when one unit takes longer than a second. */
  static String rateText(double perSecond) {
    if (perSecond <= 0) {
      return "?/s";
    }
    if (perSecond >= 10) {
      return String.format(Locale.ROOT, "%.0f/s", perSecond);
    }
    if (perSecond >= 1) {
      return String.format(Locale.ROOT, "%.1f/s", perSecond);
    }
    return String.format(Locale.ROOT, "%.1fs/it", 1 / perSecond);
  }

  /** Seconds as h:mm:ss. */
  static String clockText(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }

  private void print(String text, boolean last) {
    if (terminal) {
      // pad with spaces so a shorter line wipes out the end of the previous one
      String pad = " ".repeat(Math.max(0, lastLength - text.length()));
      out.print("\r" + text + pad + (last ? System.lineSeparator() : ""));
      lastLength = text.length();
    } else {
      out.println(text);
    }
    out.flush();
  }
}
