package mishmash.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import mishmash.latent.Latents;
import mishmash.model.Generator;
import mishmash.model.ModelFolder;
import mishmash.model.Models;
import mishmash.model.net.StyleNet;

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
      soak(soak, fixtures);
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

  /**
   * Calls each format {@code total} times at batch 1 and reports RSS along the way. The models are
   * small so that 100,000 calls take minutes: what leaks is per call, not per pixel.
   */
  private static void soak(int total, Path fixtures) throws Exception {
    Path tiny = tinyModel();
    System.out.printf("%nMemory over %,d calls at batch 1 (small models, so the calls are many):%n%n", total);
    System.out.println("| model | calls | RSS MB | Java heap MB | elapsed s |");
    System.out.println("|---|---|---|---|---|");
    String[][] models = {
      {"djl (tiny StyleNet)", tiny.toString()},
      {"torchscript (ts-styled)", fixtures.resolve("ts-styled").toString()},
      {"onnx (onnx-styled)", fixtures.resolve("onnx-styled").toString()},
    };
    List<String> drifts = new ArrayList<>();
    for (String[] m : models) {
      long start = System.nanoTime();
      double settled = 0;
      double last = 0;
      try (Generator gan = Models.load(m[1])) {
        int report = 1000;
        for (int i = 1; i <= total; i++) {
          gan.generate(new float[][] {Latents.of(i, gan.latentSize())}, 0.7f);
          if (i == report || i == total) {
            System.gc();
            last = Stats.rssMb();
            if (i <= total / 10 || settled == 0) {
              settled = last;
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f |%n", m[0], i, last, Stats.heapMb(),
                (System.nanoTime() - start) / 1e9);
            report *= 10;
          }
        }
      }
      drifts.add(String.format(Locale.ROOT, "%s %+.1f%%", m[0], 100 * (last - settled) / settled));
    }
    System.out.println("\nRSS drift over the last 90% of the calls: " + String.join(", ", drifts));
  }

  /** A random-weight 16×16 StyleNet in a temporary folder: for benchmarks that count calls, not pixels. */
  static Path tinyModel() throws Exception {
    Path tiny = Files.createTempDirectory("mishmash-bench");
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      StyleNet net = new StyleNet(new StyleNet.Config(32, 32, 2, new int[] {32, 16, 16}));
      net.initialize(manager);
      ModelFolder.write(tiny, net, "bench-tiny", "benchmark only", new JsonObject());
    }
    return tiny;
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
