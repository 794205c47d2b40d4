package mishmash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import mishmash.archive.Archive;
import mishmash.grid.DeathPolicy;
import mishmash.grid.Nursery;
import mishmash.model.Generator;
import mishmash.model.Models;

/**
 * The archive grid fast-forwarded: births as fast as the model allows (no drawing), to see whether
 * memory and disk stay flat over thousands of births. Prints a Markdown table.
 *
 * <pre>mvn -q -pl lib compile exec:java -Pgrid-bench [-Dexec.args="--births 10000 --max 2000 --model tiny"]</pre>
 *
 * {@code --model tiny} uses a 16×16 StyleNet, so ten thousand births take minutes: what could leak
 * here (archive, grid, films) does not depend on the model's size, and the model's own native
 * memory is measured by {@link ModelBench} over 100,000 calls.
 */
public final class GridBench {
  private GridBench() {}

  public static void main(String[] args) throws Exception {
    int births = 10_000;
    int max = 2_000;
    String model = Models.DEFAULT;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--model")) {
        model = args[i + 1];
      }
      if (args[i].equals("--births")) {
        births = Integer.parseInt(args[i + 1]);
      } else if (args[i].equals("--max")) {
        max = Integer.parseInt(args[i + 1]);
      }
    }
    Path dir = Files.createTempDirectory("mishmash-grid-bench");
    double[] clock = {0};
    if (model.equals("tiny")) {
      model = ModelBench.tinyModel().toString();
    }
    double first = 0;
    double last = 0;
    try (Generator gan = Models.load(model)) {
      System.out.printf(Locale.ROOT, "Archive grid fast-forwarded: 8x5 grid, model %s (%dx%d), archive.max %,d, "
          + "breathing on%n%n", gan.manifest().name(), gan.width(), gan.height(), max);
      System.out.println("| births | RSS MB | Java heap MB | archive creatures | archive MB | s per birth |");
      System.out.println("|---|---|---|---|---|---|");
      Nursery nursery = new Nursery(gan, Archive.open(dir, max), () -> clock[0], false);
      nursery.open(8, 5, 1, 0.7f);
      long start = System.nanoTime();
      int report = 1000;
      for (int b = 1; b <= births; b++) {
        clock[0] += 1.0;
        nursery.breed(DeathPolicy.LEAST_RECENT, 0.35f, 0.1f, 0.7f, 1.5f);
        nursery.breathe(0.3f, 0.7f);
        if (b == report || b == births) {
          System.gc();
          last = Stats.rssMb();
          if (first == 0) {
            first = last;
          }
          System.out.printf(Locale.ROOT, "| %,d | %.0f | %.0f | %,d | %.0f | %.3f |%n", b, last, Stats.heapMb(),
              Archive.open(dir, max).size(), megabytes(dir), (System.nanoTime() - start) / 1e9 / b);
          report = report == 1000 ? Math.min(births, 10_000) : births;
        }
      }
      nursery.close();
    }
    System.out.printf(Locale.ROOT, "%nRSS drift from 1,000 births to the end: %+.1f%%%n", 100 * (last - first) / first);
  }

  private static double megabytes(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      long bytes = 0;
      for (Path p : files.toList()) {
        bytes += Files.size(p);
      }
      return bytes / (1024.0 * 1024.0);
    }
  }
}
