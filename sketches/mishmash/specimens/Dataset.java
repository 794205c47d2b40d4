package mishmash.specimens;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import mishmash.files.AtomicFile;
import mishmash.train.Progress;
import processing.awt.PGraphicsJava2D;
import processing.core.PApplet;
import processing.core.PGraphics;

/**
 * The training set, drawn without a window: {@code --count} pictures of each kind into
 * {@code --out}/faces, machines and cells, named 00000.png, 00001.png …, and in each folder an
 * {@code attributes.jsonl} with one line per picture: its file name, its seed and what decided it
 * (a face's age and head turn, a machine's kind, a cell's stain…).
 *
 * <p>Pictures that are already there, with their line, are skipped, so an interrupted run carries
 * on where it stopped; each file appears whole or not at all. The attributes file is rewritten
 * (atomically) every second or so and at the end. A picture without its line (after a crash, or
 * when the attributes file was deleted) is drawn again in memory: if it is the same picture its
 * line is added; if not (another version of Specimens or another {@code --seed} made it) it is
 * replaced, so that the folder and its attributes always agree. Temporary files a killed run left
 * behind are removed. All cores draw at once, and a progress bar shows how far each kind has got.
 */
public final class Dataset {

  /** The file beside the pictures of each kind. */
  public static final String ATTRIBUTES = "attributes.jsonl";

  static final String USAGE = "usage: Specimens --out DIR [--count 3000] [--size 128] [--seed 1]";

  /** The largest --seed: picture seeds are seed × 1,000,000 + number. */
  static final long MAX_SEED = Long.MAX_VALUE / 2_000_000;

  /** How often the attributes file is rewritten while pictures are drawn. */
  static final long FLUSH_NANOS = 1_000_000_000L;

  /**
   * Reads {@code --out dir --count 3000 --size 128 --seed 1} from the command line and draws the set.
   *
   * @throws IllegalArgumentException naming the option, when one is unknown or its value is wrong
   * @throws IllegalStateException when the set cannot be written (the message says why)
   */
  public static void write(String[] args) {
    Path out = Path.of("data/specimens");
    int count = 3000;
    int size = 128;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--out" -> out = Path.of(value(args, ++i, flag, USAGE));
        case "--count" -> count = (int) whole(flag, value(args, ++i, flag, USAGE), 1, 100_000, USAGE);
        case "--size" -> size = (int) whole(flag, value(args, ++i, flag, USAGE), 8, 4096, USAGE);
        case "--seed" -> seed = whole(flag, value(args, ++i, flag, USAGE), -MAX_SEED, MAX_SEED, USAGE);
        default -> throw new IllegalArgumentException("unknown option \"" + flag + "\"\n" + USAGE);
      }
    }
    System.setProperty("java.awt.headless", "true");
    try {
      generate(out, count, size, seed);
    } catch (IOException e) {
      throw new IllegalStateException("could not write the data set in " + out.toAbsolutePath() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Draws {@code count} pictures of each kind, size × size pixels, into out/faces, machines and
   * cells, each folder with its attributes file.
   */
  public static void generate(Path out, int count, int size, long base) throws IOException, InterruptedException {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ThreadLocal<PGraphicsJava2D> canvas = ThreadLocal.withInitial(() -> offscreen(size));
    try {
      for (int kind = 0; kind < Specimen.DOMAINS.length; kind++) {
        generateKind(pool, canvas, out.resolve(Specimen.DOMAINS[kind]), kind, count, base);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void generateKind(ExecutorService pool, ThreadLocal<PGraphicsJava2D> canvas, Path dir, int kind, int count,
      long base) throws IOException, InterruptedException {
    String domain = Specimen.DOMAINS[kind];
    Files.createDirectories(dir);
    removeLeftovers(dir);
    Map<String, String> lines = readAttributes(dir);
    boolean changed = lines.keySet().removeIf(file -> !Files.exists(dir.resolve(file)));
    Progress progress = new Progress("drawing " + domain, count);
    AtomicInteger replaced = new AtomicInteger();
    AtomicLong lastFlush = new AtomicLong(System.nanoTime());
    List<Future<?>> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = String.format("%05d.png", i);
      Path file = dir.resolve(name);
      if (lines.containsKey(name) && Files.exists(file)) {
        progress.step();
        continue;
      }
      changed = true;
      long seed = seedOf(base, i);
      jobs.add(pool.submit(() -> {
        PGraphicsJava2D g = canvas.get();
        Attributes about = Specimen.draw(g, kind, seed);
        BufferedImage image = picture(g);
        if (!Files.exists(file)) {
          AtomicFile.write(file, o -> ImageIO.write(image, "png", o));
        } else if (!samePixels(file, image)) {
          AtomicFile.write(file, o -> ImageIO.write(image, "png", o));
          replaced.incrementAndGet();
        }
        lines.put(name, about.after(new Attributes().put("file", name).put("seed", seed)).toString());
        long now = System.nanoTime();
        long last = lastFlush.get();
        if (now - last > FLUSH_NANOS && lastFlush.compareAndSet(last, now)) {
          writeAttributes(dir, lines);
        }
        progress.step();
        return null;
      }));
    }
    for (Future<?> job : jobs) {
      try {
        job.get();
      } catch (ExecutionException e) {
        throw new IOException("could not draw " + domain + ": " + e.getCause(), e.getCause());
      }
    }
    if (changed || !Files.exists(dir.resolve(ATTRIBUTES))) {
      writeAttributes(dir, lines);
    }
    progress.done();
    if (replaced.get() > 0) {
      System.err.printf("%s: %d pictures were not what this version of Specimens draws from their seed (another version "
          + "or another --seed made them); they were drawn again, so that %s describes every picture%n", domain, replaced.get(),
          ATTRIBUTES);
    }
  }

  /** Temporary files of pictures or attributes that a killed run was writing (".00012.png…tmp"). */
  static void removeLeftovers(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(f)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** The lines of a folder's attributes file by picture file name; lines that cannot be read are left out. */
  static Map<String, String> readAttributes(Path dir) throws IOException {
    Map<String, String> lines = new ConcurrentSkipListMap<>();
    Path file = dir.resolve(ATTRIBUTES);
    if (!Files.exists(file)) {
      return lines;
    }
    int unreadable = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      try {
        Attributes a = Attributes.parse(line);
        lines.put(a.text("file"), line);
      } catch (IllegalArgumentException e) {
        unreadable++;
      }
    }
    if (unreadable > 0) {
      System.err.printf("%s: %d lines could not be read; their pictures are checked and their lines written again%n", file,
          unreadable);
    }
    return lines;
  }

  /** Writes the lines in file-name order, atomically: the old file or the whole new one. */
  static synchronized void writeAttributes(Path dir, Map<String, String> lines) throws IOException {
    StringBuilder s = new StringBuilder();
    for (String line : lines.values()) {
      s.append(line).append('\n');
    }
    AtomicFile.writeString(dir.resolve(ATTRIBUTES), s.toString());
  }

  private static boolean samePixels(Path file, BufferedImage image) {
    try {
      BufferedImage old = ImageIO.read(file.toFile());
      return old != null && old.getWidth() == image.getWidth() && old.getHeight() == image.getHeight()
          && Arrays.equals(old.getRGB(0, 0, old.getWidth(), old.getHeight(), null, 0, old.getWidth()),
              image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()));
    } catch (IOException | RuntimeException e) {
      return false;   // unreadable: draw it again
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
    return picture(g);
  }

  /** What is on the canvas, as a plain RGB image. */
  static BufferedImage picture(PGraphics g) {
    g.loadPixels();
    BufferedImage image = new BufferedImage(g.width, g.height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, g.width, g.height, g.pixels, 0, g.width);
    return image;
  }

  /** The value after a flag; a missing one is reported with the usage line. */
  static String value(String[] args, int i, String flag, String usage) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value\n" + usage);
    }
    return args[i];
  }

  /** A whole number from min to max as the value of a flag; anything else is reported with the usage line. */
  static long whole(String flag, String v, long min, long max, String usage) {
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " must be a whole number from " + min + " to " + max + ", not \"" + v + "\"\n"
        + usage);
  }

  private Dataset() {
  }
}
