package mishmash.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts bad input by kind ("malformed packet", "unknown address") and logs it without flooding:
 * the first of a kind at once, then at most one line per kind every {@link #QUIET_MS}, saying how
 * many more came meanwhile. A fuzzer or a misconfigured sender cannot fill a disk with logs.
 */
public final class Complaints {
  static final long QUIET_MS = 10_000;

  private final String who;
  private final LongSupplier clockMs;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<String, long[]> lastLog = new ConcurrentHashMap<>(); // [time, count at that time]

  public Complaints(String who) {
    this(who, () -> System.nanoTime() / 1_000_000); // monotonic: a clock set back must not silence it
  }

  Complaints(String who, LongSupplier clockMs) {
    this.who = who;
    this.clockMs = clockMs;
  }

  /** The most recent complaint, for a panel: what ("bad preset: ...") and when (ms, as {@link System#currentTimeMillis}). */
  public record Latest(String text, long atMs) {}

  private volatile Latest latest;

  /** The most recent complaint of any kind, or null. */
  public Latest latest() {
    return latest;
  }

  /** Counts one of {@code kind}; logs {@code detail} if this kind has been quiet long enough. */
  public void count(String kind, String detail) {
    long n = counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    long now = clockMs.getAsLong();
    latest = new Latest(kind + ": " + detail, now);
    long[] last = lastLog.computeIfAbsent(kind, k -> new long[] {Long.MIN_VALUE / 2, 0});
    synchronized (last) {
      if (now - last[0] >= QUIET_MS) {
        long since = n - last[1] - 1;
        System.err.println("mishmash " + who + ": " + kind + ": " + detail
            + (since > 0 ? " (and " + since + " more since the last report; " + n + " in all)" : ""));
        last[0] = now;
        last[1] = n;
      }
    }
  }

  /** How many of {@code kind} so far. */
  public long count(String kind) {
    AtomicLong n = counts.get(kind);
    return n == null ? 0 : n.get();
  }

  /** All kinds so far, for a status line or a test. */
  public Map<String, Long> counts() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }
}
