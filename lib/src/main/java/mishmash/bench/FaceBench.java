package mishmash.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import mishmash.face.FaceAnalyzer;

/**
 * How long face analysis takes per 640×480 camera frame: the detector alone, and the whole
 * analysis (detector + 68 landmarks + age/gender + expression) of a frame with one face and of one
 * with none, at two detector sizes. Prints a Markdown table.
 *
 * <pre>mvn -q -pl lib compile exec:java -Pface-bench [-Dexec.args="--frames 200 --threads 2"]</pre>
 *
 * {@code --threads} sets {@code ai.djl.pytorch.num_threads} (PyTorch's threads per operation); by
 * default PyTorch uses one per core.
 */
public final class FaceBench {
  private FaceBench() {}

  public static void main(String[] args) throws Exception {
    int frames = 200;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--frames")) {
        frames = Integer.parseInt(args[i + 1]);
      } else if (args[i].equals("--threads")) {
        System.setProperty("ai.djl.pytorch.num_threads", args[i + 1]);
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      }
    }
    Path base = Files.isDirectory(Paths.get("lib")) ? Paths.get("") : Paths.get("..");
    Path model = base.resolve("models/face-api");
    int[] face = frame(base.resolve("lib/src/test/resources/fixtures/face/astronaut-320x240.png"));
    int[] empty = frame(base.resolve("lib/src/test/resources/fixtures/face/coffee-240x160.png"));
    System.out.printf("Machine: %d cores, Java %s, PyTorch threads: %s. Frames: 640×480, %d timed after %d warm-up.%n%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("ai.djl.pytorch.num_threads", "default"), frames, frames / 10);
    System.out.println("| what | detector size | faces found | frames | median ms | p99 ms | peak RSS MB |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int size : new int[] {416, 320}) {
      try (FaceAnalyzer analyzer = FaceAnalyzer.load(model, new FaceAnalyzer.Options(size, 0.5f, 32))) {
        row("detect only", size, frames, () -> analyzer.detect(face, 640, 480).size());
        row("analyze, one face", size, frames, () -> analyzer.analyze(face, 640, 480).size());
        row("analyze, no face", size, frames, () -> analyzer.analyze(empty, 640, 480).size());
      }
    }
  }

  private static void row(String what, int size, int frames, Supplier<Integer> run) {
    int found = 0;
    for (int i = 0; i < Math.max(3, frames / 10); i++) {
      found = run.get();
    }
    double[] ms = new double[frames];
    for (int i = 0; i < frames; i++) {
      long t = System.nanoTime();
      run.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.0f |%n", what, size, found, frames,
        Stats.median(ms), Stats.percentile(ms, 99), Stats.peakRssMb());
  }

  /** A test image scaled (nearest neighbour) to fill the middle of a grey 640×480 frame. */
  private static int[] frame(Path png) throws Exception {
    BufferedImage img = ImageIO.read(png.toFile());
    int w = img.getWidth();
    int h = img.getHeight();
    int[] src = img.getRGB(0, 0, w, h, null, 0, w);
    double scale = Math.min(640.0 / w, 480.0 / h);
    int sw = (int) (w * scale);
    int sh = (int) (h * scale);
    int ox = (640 - sw) / 2;
    int oy = (480 - sh) / 2;
    int[] out = new int[640 * 480];
    java.util.Arrays.fill(out, 0xff808080);
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        out[(y + oy) * 640 + x + ox] = src[Math.min(h - 1, (int) (y / scale)) * w + Math.min(w - 1, (int) (x / scale))];
      }
    }
    return out;
  }
}
