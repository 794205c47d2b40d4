package mishmash.capture;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread a source does its work on: opening, tearing down and retrying. Keeping
 * every state change on one thread means GStreamer's callbacks only post work here and never block,
 * and a source never races with itself. Tasks posted after {@link #stop} are dropped quietly.
 */
final class Retrier {
  private final ScheduledThreadPoolExecutor thread;
  private final Duration every;
  private volatile Thread worker;

  Retrier(String name, Duration every) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("retry interval must be positive: " + every);
    }
    this.every = every;
    this.thread = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "capture: " + name);
      t.setDaemon(true);
      worker = t;
      return t;
    });
    thread.setRemoveOnCancelPolicy(true);
    thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  Duration every() {
    return every;
  }

  /** Runs {@code task} on the source's thread as soon as it is free. */
  void now(Runnable task) {
    later(task, 0);
  }

  /** Runs {@code task} on the source's thread after one retry interval. */
  void retry(Runnable task) {
    later(task, every.toMillis());
  }

  /** Runs {@code task} on the source's thread after {@code millis}. */
  void later(Runnable task, long millis) {
    try {
      thread.schedule(task, millis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      // the source is closing: nothing more to do
    }
  }

  /** Runs {@code task} every retry interval until stopped. */
  void repeat(Runnable task) {
    try {
      thread.scheduleWithFixedDelay(task, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      // closing
    }
  }

  /** Runs {@code last} on the source's thread, then stops it; waits up to 10 s for that. */
  void stop(Runnable last) {
    try {
      thread.getQueue().clear();
      thread.execute(last);
    } catch (RejectedExecutionException already) {
      return;
    }
    thread.shutdown();
    if (Thread.currentThread() == worker) {
      return; // closed from one of its own tasks: it finishes right after
    }
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
