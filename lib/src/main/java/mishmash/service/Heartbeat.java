package mishmash.service;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * The sketch's side of the {@link Watchdog}: every {@link #EVERY_MS} a line on standard output
 * with how many frames have been drawn. The watchdog reads the sketch's output anyway (for its
 * log), takes these lines out, and restarts a sketch whose frames stop coming. A pipe, not a file:
 * a full or read-only disk cannot make a healthy sketch look hung.
 */
public final class Heartbeat {
  /** What a heartbeat line starts with, followed by the frame count. */
  public static final String PREFIX = "mishmash-heartbeat ";
  static final long EVERY_MS = 1000;

  private Heartbeat() {}

  /** Starts the beat on a daemon thread; {@code frames} is read from it (a volatile or an approximate count is fine). */
  public static Thread start(LongSupplier frames) {
    return start(frames, System.out, EVERY_MS);
  }

  static Thread start(LongSupplier frames, PrintStream out, long everyMs) {
    Thread t = new Thread(() -> {
      while (true) {
        out.println(PREFIX + frames.getAsLong());
        out.flush();
        try {
          Thread.sleep(everyMs);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "mishmash-heartbeat");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The frame count of a heartbeat line, or -1 if the line is something else. */
  public static long frames(String line) {
    if (!line.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(line.substring(PREFIX.length()).trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
