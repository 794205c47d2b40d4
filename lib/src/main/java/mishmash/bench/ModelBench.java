package mishmash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mishmash.latent.Latents;
import mishmash.model.Generator;
import mishmash.model.Models;

/**
 * How fast each model format generates, how long it takes to load, and whether native memory stays
 * flat over many calls. Prints a Markdown table for the README.
 *
 * <pre>mvn -q -pl lib compile exec:java -Pbench [-Dexec.args="--soak 100000"]</pre>
 */
public final class ModelBench {
  private static final int[] BATCHES = {1, 16};

  private ModelBench() {}

  public static void main(String[] args) throws Exception {
    int soak = 100_000;
    int calls = 200;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--soak")) {
        soak = Integer.parseInt(args[i + 1]);
      } else if (args[i].equals("--calls")) {
        calls = Integer.parseInt(args[i + 1]);
      }
    }
    Path fixtures = Paths.get("lib/src/test/resources/fixtures");
    if (!Files.isDirectory(fixtures)) {
      fixtures = Paths.get("src/test/resources/fixtures");
    }
    List<String[]> models = new ArrayList<>();
    models.add(new String[] {"default (" + Models.resolve("default").getFileName() + ")", "djl", "default"});
    for (String f : new String[] {"ts-single", "ts-styled", "onnx-single", "onnx-styled"}) {
      models.add(new String[] {"fixture " + f, f.startsWith("ts") ? "torchscript" : "onnx", fixtures.resolve(f).toString()});
    }
    System.out.printf("Machine: %s, %d cores, Java %s, %s%n%n", System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), cpuName());
    System.out.println("| model | format | size | load ms | batch | images/s | median ms/image | p99 ms/image | peak RSS MB |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (String[] m : models) {
      long t0 = System.nanoTime();
      try (Generator gan = Models.load(m[2])) {
        double loadMs = (System.nanoTime() - t0) / 1e6;
        for (int batch : BATCHES) {
          int n = Math.max(10, batch == 1 ? calls : calls / 8);
          double[] perImage = time(gan, batch, n);
          double total = 0;
          for (double v : perImage) {
            total += v;
          }
          System.out.printf(Locale.ROOT, "| %s | %s | %dx%d | %.0f | %d | %.1f | %.2f | %.2f | %.0f |%n", m[0], m[1],
              gan.width(), gan.height(), loadMs, batch, 1000.0 * perImage.length / total,
              Stats.median(perImage), Stats.percentile(perImage, 99), Stats.peakRssMb());
        }
      }
    }
    if (soak > 0) {
      soak(soak);
    }
  }

  /** Milliseconds per image for each of {@code n} calls at {@code batch}, after a warm-up. */
  private static double[] time(Generator gan, int batch, int n) {
    float[][] z = Latents.batch(1, batch, gan.latentSize());
    for (int i = 0; i < Math.max(3, n / 10); i++) {
      gan.generate(z, 0.7f);
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      z = Latents.batch(i, batch, gan.latentSize());
      long t = System.nanoTime();
      gan.generate(z, 0.7f);
      out[i] = (System.nanoTime() - t) / 1e6 / batch;
    }
    return out;
  }

  /** Calls the default model {@code total} times at batch 1 and reports RSS along the way. */
  private static void soak(int total) {
    System.out.printf("%nNative memory over %,d calls of the default model at batch 1:%n%n", total);
    System.out.println("| calls | RSS MB | Java heap MB | elapsed s |");
    System.out.println("|---|---|---|---|");
    long start = System.nanoTime();
    double first = 0;
    double last = 0;
    try (Generator gan = Models.load("default")) {
      int report = 1000;
      for (int i = 1; i <= total; i++) {
        gan.generate(new float[][] {Latents.of(i, gan.latentSize())}, 0.7f);
        if (i == report || i == total) {
          System.gc();
          last = Stats.rssMb();
          if (first == 0) {
            first = last;
          }
          System.out.printf(Locale.ROOT, "| %,d | %.0f | %.0f | %.0f |%n", i, last, Stats.heapMb(),
              (System.nanoTime() - start) / 1e9);
          report *= 10;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%nRSS drift from 1,000 calls to the end: %+.1f%%%n", 100 * (last - first) / first);
  }

  private static String cpuName() {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (Exception e) {
      // unknown
    }
    return "unknown CPU";
  }
}
