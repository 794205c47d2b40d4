package mishmash.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded stream of values, played in a loop: a text file of lines {@code seconds,value} in
 * time order ({@code #} starts a comment), such as the loudness of a piece of music sampled twenty
 * times a second, or a day of market prices scaled to 0…1. Between two lines the value goes
 * straight from one to the next.
 */
public final class Recording {
  private final double[] times;
  private final double[] values;

  private Recording(double[] times, double[] values) {
    this.times = times;
    this.values = values;
  }

  /**
   * Reads a recording.
   *
   * @throws IllegalArgumentException naming the file and line, and what to write instead
   */
  public static Recording read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read it (" + e.getMessage() + ")", e);
    }
    List<double[]> rows = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).replaceAll("#.*", "").trim();
      if (line.isEmpty() || (rows.isEmpty() && line.matches("[A-Za-z].*"))) {
        continue; // blank, a comment, or a header such as "seconds,value"
      }
      String[] cells = line.split("[,;\\s]+");
      try {
        double t = Double.parseDouble(cells[0]);
        double v = Double.parseDouble(cells[1]);
        if (!Double.isFinite(t) || !Double.isFinite(v) || (!rows.isEmpty() && t <= rows.get(rows.size() - 1)[0])) {
          throw new NumberFormatException();
        }
        rows.add(new double[] {t, v});
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new IllegalArgumentException(file + ", line " + (n + 1) + ": \"" + lines.get(n).trim()
            + "\" is not \"seconds,value\" with the seconds after the line before's");
      }
    }
    if (rows.size() < 2) {
      throw new IllegalArgumentException(file + ": needs two lines of \"seconds,value\" at least, found " + rows.size());
    }
    double[] t = new double[rows.size()];
    double[] v = new double[rows.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = rows.get(i)[0];
      v[i] = rows.get(i)[1];
    }
    return new Recording(t, v);
  }

  /** Seconds from its first line to its last: it starts again after that. */
  public double length() {
    return times[times.length - 1] - times[0];
  }

  /** The value {@code seconds} into the recording, played in a loop. */
  public double at(double seconds) {
    double t = times[0] + (seconds - Math.floor(seconds / length()) * length());
    int lo = 0;
    int hi = times.length - 1;
    while (hi - lo > 1) { // the two lines around t
      int mid = (lo + hi) >>> 1;
      if (times[mid] <= t) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double f = (t - times[lo]) / (times[hi] - times[lo]);
    return values[lo] + (values[hi] - values[lo]) * Math.max(0, Math.min(1, f));
  }
}
