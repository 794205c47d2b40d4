package mishmash.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import mishmash.live.Controls;

/**
 * A sketch's frame loop for the benchmarks: 60 frames a second on a thread of its own, applying the
 * controls at the start of each, noting how long that took and which frames came late (more than
 * two periods after the last).
 */
final class FrameLoop {
  static final long PERIOD = 16_666_667L;

  private final Controls controls;
  private final double[] work;
  private final AtomicLong frame = new AtomicLong();
  private volatile int frames;
  private volatile int late;
  private final Thread thread;

  FrameLoop(Controls controls, int capacity) {
    this.controls = controls;
    this.work = new double[capacity];
    this.thread = new Thread(this::run, "frames");
  }

  FrameLoop start() {
    thread.start();
    return this;
  }

  void stop() throws InterruptedException {
    thread.interrupt();
    thread.join();
  }

  /** The frame being applied, or last applied. */
  long frame() {
    return frame.get();
  }

  /** Frames so far (as an index into {@link #work}). */
  int frames() {
    return frames;
  }

  int late() {
    return late;
  }

  /** Milliseconds of work of frames {@code from} (inclusive) to {@code to} (exclusive). */
  double[] work(int from, int to) {
    return Arrays.copyOfRange(work, Math.min(from, work.length), Math.min(to, work.length));
  }

  private void run() {
    long next = System.nanoTime();
    long last = next;
    while (!Thread.currentThread().isInterrupted()) {
      long start = System.nanoTime();
      if (start - last > 2 * PERIOD) {
        late++;
      }
      last = start;
      controls.frame(frame.incrementAndGet(), start / 1e9);
      if (frames < work.length) {
        work[frames++] = (System.nanoTime() - start) / 1e6;
      }
      next += PERIOD;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
