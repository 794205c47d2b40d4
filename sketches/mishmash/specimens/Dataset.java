package mishmash.specimens;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import mishmash.files.AtomicFile;
import mishmash.train.Progress;
import processing.awt.PGraphicsJava2D;
import processing.core.PApplet;
import processing.core.PGraphics;

/**
 * The training set, drawn without a window: {@code --count} pictures of each kind into
 * {@code --out}/faces, machines and cells, named 00000.png, 00001.png …
 *
 * Pictures that are already there are skipped, so an interrupted run carries on where it stopped;
 * each file appears whole or not at all. All cores draw at once, and a progress bar shows how far
 * each kind has got.
 */
public final class Dataset {

  /**
   * Reads {@code --out dir --count 3000 --size 128 --seed 1} from the command line and draws the set.
   * On failure it prints why and throws.
   */
  public static void write(String[] args) {
    System.setProperty("java.awt.headless", "true");
    try {
      generate(Path.of(option(args, "--out", "data/specimens")),
          Integer.parseInt(option(args, "--count", "3000")),
          Integer.parseInt(option(args, "--size", "128")),
          Long.parseLong(option(args, "--seed", "1")));
    } catch (IOException | InterruptedException | RuntimeException e) {
      System.err.println("Specimens: " + e.getMessage());
      throw new IllegalStateException(e);
    }
  }

  /** Draws {@code count} pictures of each kind, size × size pixels, into out/faces, machines and cells. */
  public static void generate(Path out, int count, int size, long base) throws IOException, InterruptedException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ThreadLocal<PGraphicsJava2D> canvas = ThreadLocal.withInitial(() -> offscreen(size));
    try {
      for (int kind = 0; kind < Specimen.DOMAINS.length; kind++) {
        Path dir = out.resolve(Specimen.DOMAINS[kind]);
        Files.createDirectories(dir);
        Progress progress = new Progress("drawing " + Specimen.DOMAINS[kind], count);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          Path file = dir.resolve(String.format("%05d.png", i));
          if (Files.exists(file)) {
            progress.step();
            continue;
          }
          int k = kind;
          long seed = seedOf(base, i);
          jobs.add(pool.submit(() -> {
            BufferedImage image = render(canvas.get(), k, seed);
            AtomicFile.write(file, o -> ImageIO.write(image, "png", o));
            progress.step();
            return null;
          }));
        }
        for (Future<?> job : jobs) {
          try {
            job.get();
          } catch (ExecutionException e) {
            throw new IOException("could not draw " + Specimen.DOMAINS[kind] + ": " + e.getCause(), e.getCause());
          }
        }
        progress.done();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The seed of picture number {@code index} in a data set made with {@code --seed base}. */
  public static long seedOf(long base, int index) {
    return base * 1_000_000L + index;
  }

  /** A canvas of size × size pixels that needs no window. */
  public static PGraphicsJava2D offscreen(int size) {
    PGraphicsJava2D g = new PGraphicsJava2D();
    g.setParent(new PApplet());
    g.setPrimary(false);
    g.setSize(size, size);
    g.smooth(8);
    return g;
  }

  /** Draws one specimen onto g and copies it into a plain RGB image. */
  public static BufferedImage render(PGraphics g, int kind, long seed) {
    Specimen.draw(g, kind, seed);
    g.loadPixels();
    BufferedImage image = new BufferedImage(g.width, g.height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, g.width, g.height, g.pixels, 0, g.width);
    return image;
  }

  /** The value after {@code flag} on the command line, or {@code fallback}. */
  static String option(String[] args, String flag, String fallback) {
    if (args != null) {
      for (int i = 0; i < args.length - 1; i++) {
        if (args[i].equals(flag)) {
          return args[i + 1];
        }
      }
    }
    return fallback;
  }

  private Dataset() {
  }
}
