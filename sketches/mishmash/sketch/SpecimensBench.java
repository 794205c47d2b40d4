package mishmash.sketch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import mishmash.bench.Stats;
import mishmash.specimens.Attributes;
import mishmash.specimens.Dataset;
import mishmash.specimens.Specimen;
import processing.awt.PGraphicsJava2D;

/**
 * How long a specimen takes to draw: milliseconds per picture for each kind on one thread (and
 * for each kind of machine and each stain of cells), then a whole data set on all cores as the
 * Specimens sketch writes it.
 *
 * <pre>mvn -q compile exec:java -Dsketch=mishmash.sketch.SpecimensBench [-Dargs="--pictures 200 --size 128 --set 300"]</pre>
 */
public final class SpecimensBench {
  public static void main(String[] args) throws Exception {
    int pictures = 200;
    int size = 128;
    int set = 300;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--pictures" -> pictures = Integer.parseInt(args[++i]);
        case "--size" -> size = Integer.parseInt(args[++i]);
        case "--set" -> set = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --pictures N --size PX --set N)");
      }
    }
    System.setProperty("java.awt.headless", "true");
    PGraphicsJava2D canvas = Dataset.offscreen(size);
    System.out.println("| what | pictures | median ms | p99 ms | peak RSS MB |");
    System.out.println("|---|---|---|---|---|");
    String[] by = {"mood", "kind", "stain"};
    for (int kind = 0; kind < Specimen.DOMAINS.length; kind++) {
      for (int i = 0; i < 20; i++) {
        Dataset.render(canvas, kind, Dataset.seedOf(99, i));   // warm up
      }
      double[] ms = new double[pictures];
      Map<String, List<Double>> groups = new TreeMap<>();
      for (int i = 0; i < pictures; i++) {
        long t0 = System.nanoTime();
        Attributes about = Specimen.draw(canvas, kind, Dataset.seedOf(1, i));
        canvas.loadPixels();
        ms[i] = (System.nanoTime() - t0) / 1e6;
        if (kind > 0) {
          groups.computeIfAbsent(about.text(by[kind]), k -> new ArrayList<>()).add(ms[i]);
        }
      }
      row(Specimen.DOMAINS[kind] + " at " + size + " px, one thread", ms);
      for (var group : groups.entrySet()) {
        row("  " + group.getKey(), group.getValue().stream().mapToDouble(Double::doubleValue).toArray());
      }
    }
    Path dir = Files.createTempDirectory("specimens-bench");
    long t0 = System.nanoTime();
    Dataset.generate(dir, set, size, 1);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "| data set 3 × %d at %d px, %d threads | %d | %.2f (wall, per picture) | | %.0f |%n", set, size,
        Runtime.getRuntime().availableProcessors(), 3 * set, seconds * 1000 / (3 * set), Stats.peakRssMb());
    System.out.printf(Locale.ROOT, "whole set: %.1f s, so 3 × 3000 takes about %.0f s%n", seconds, seconds * 3000 / set);
  }

  static void row(String what, double[] ms) {
    System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.0f |%n", what, ms.length, Stats.median(ms), Stats.percentile(ms, 99),
        Stats.peakRssMb());
  }
}
