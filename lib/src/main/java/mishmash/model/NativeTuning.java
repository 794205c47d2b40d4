package mishmash.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * Two settings of the native libraries under PyTorch that make Mishmash several times faster on
 * a small Linux machine. Call {@link #apply()} before the PyTorch engine loads; {@link Models}
 * and the training command do.
 *
 * <p><b>Memory.</b> PyTorch allocates each tensor with glibc's malloc. By default glibc gives each
 * thread its own arena, serves blocks of many megabytes with fresh mmaps and trims free memory at
 * the top of the heap, so each new 128×128 activation page-faults all its pages in again. Here: one
 * arena, blocks up to 32 MB from the heap, no trimming, 256 MB of headroom. Freed memory is reused
 * instead of returned, so the resident size stays at its peak rather than going up and down.
 * Measured on 2 cores: a 128×128 training step 2.4× faster, generation at batch 16 about 3× faster.
 *
 * <p><b>Threads.</b> PyTorch's OpenMP threads spin while they wait for each other. When other
 * programs share the cores, a spinning thread burns the time slice its partner needs: training
 * steps became 5–8× slower. {@code OMP_WAIT_POLICY=PASSIVE} makes them sleep instead; on an idle
 * machine it costs nothing measurable. A value already in the environment is kept.
 *
 * <p>Does nothing where the C library is not glibc.
 */
public final class NativeTuning {
  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;
  private static final int M_ARENA_MAX = -8;
  private static boolean applied;

  private NativeTuning() {}

  private interface C extends Library {
    int mallopt(int param, int value);

    int setenv(String name, String value, int overwrite);
  }

  /** Applies both settings once per process; later calls do nothing. Returns whether they took. */
  public static synchronized boolean apply() {
    if (applied) {
      return true;
    }
    applied = true;
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return false;
    }
    try {
      C c = Native.load("c", C.class);
      boolean threads = c.setenv("OMP_WAIT_POLICY", "PASSIVE", 0) == 0;
      boolean memory = c.mallopt(M_ARENA_MAX, 1) == 1
          & c.mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1
          & c.mallopt(M_TRIM_THRESHOLD, Integer.MAX_VALUE) == 1
          & c.mallopt(M_TOP_PAD, 256 << 20) == 1;
      return threads && memory;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return false; // musl or another C library: leave it as it is
    }
  }
}
