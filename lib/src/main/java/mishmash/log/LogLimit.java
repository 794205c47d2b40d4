package mishmash.log;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning that may repeat (a read-only disk at every birth, a damaged line per line of a junk
 * file) is logged the first time at once, then at most once per {@link #QUIET_MS} per kind, saying
 * how many more came meanwhile. Weeks unattended cannot fill a disk with the same line. On the
 * monotonic clock, so a clock set back cannot silence it.
 */
public final class LogLimit {
  public static final long QUIET_MS = 60_000;

  private final Logger log;
  private final long quietMs;
  private final LongSupplier clockMs;
  private final Map<String, long[]> kinds = new ConcurrentHashMap<>(); // {last logged, count, count at last log}

  public LogLimit(Logger log) {
    this(log, QUIET_MS, () -> System.nanoTime() / 1_000_000);
  }

  public LogLimit(Logger log, long quietMs, LongSupplier clockMs) {
    this.log = log;
    this.quietMs = quietMs;
    this.clockMs = clockMs;
  }

  /** Counts one {@code kind}; logs {@code message} if that kind has been quiet long enough. */
  public void warn(String kind, String message) {
    long[] k = kinds.computeIfAbsent(kind, x -> new long[] {Long.MIN_VALUE / 2, 0, 0});
    String line = null;
    synchronized (k) {
      k[1]++;
      long now = clockMs.getAsLong();
      if (now - k[0] >= quietMs) {
        long since = k[1] - k[2] - 1;
        line = since > 0 ? message + " (and " + since + " more like it since the last report, " + k[1] + " in all)" : message;
        k[0] = now;
        k[2] = k[1];
      }
    }
    if (line != null) {
      log.warn(line);
    }
  }

  /** How many of {@code kind} so far. */
  public long count(String kind) {
    long[] k = kinds.get(kind);
    return k == null ? 0 : k[1];
  }
}
