package mishmash.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;

/** Timings and memory readings for benchmark tables. */
public final class Stats {
  private Stats() {}

  public static double median(double[] values) {
    return percentile(values, 50);
  }

  public static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Resident set size now, in MB, from /proc (0 where there is none). */
  public static double rssMb() {
    return procStatus("VmRSS:");
  }

  /** Highest resident set size so far, in MB. */
  public static double peakRssMb() {
    return procStatus("VmHWM:");
  }

  private static double procStatus(String key) {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: report 0
    }
    return 0;
  }

  public static double heapMb() {
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) / (1024.0 * 1024.0);
  }
}
