package mishmash.train;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The training data: every readable image in one to a few folders, centre-cropped to a square,
 * scaled to {@code size} and kept in memory as RGB bytes. A batch draws each sample's folder by
 * weight, then an image of that folder uniformly, so a small folder is not drowned by a large one.
 */
final class ImageFolders {
  static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

  /** One folder's images: {@code images[i]} holds size×size×3 bytes, row by row, RGB. */
  record Folder(Path path, String name, byte[][] images, int skipped) {}

  private final int size;
  private final List<Folder> folders;
  private final double[] cumulative;

  private ImageFolders(int size, List<Folder> folders, double[] weights) {
    this.size = size;
    this.folders = folders;
    this.cumulative = new double[weights.length];
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] / total;
      cumulative[i] = sum;
    }
  }

  /**
   * Loads every folder. Non-image files and images that cannot be decoded are skipped with one
   * line each through {@code log}.
   *
   * @throws IllegalArgumentException naming the folder when one is missing or has no usable image
   */
  static ImageFolders load(List<Path> dirs, double[] weights, int size, Consumer<String> log) {
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException("no data folders given: pass --data DIR [DIR...]");
    }
    if (weights.length != dirs.size()) {
      throw new IllegalArgumentException(weights.length + " weights for " + dirs.size() + " data folders");
    }
    List<Folder> folders = new ArrayList<>();
    for (Path dir : dirs) {
      folders.add(loadFolder(dir, size, log));
    }
    return new ImageFolders(size, folders, weights);
  }

  private static Folder loadFolder(Path dir, int size, Consumer<String> log) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("data folder " + dir.toAbsolutePath() + " does not exist or is not a "
          + "folder. Check the path given to --data.");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("data folder " + dir.toAbsolutePath() + " cannot be listed (" + e + ")", e);
    }
    List<byte[]> images = new ArrayList<>();
    int skipped = 0;
    for (Path file : files) {
      String why = null;
      if (!EXTENSIONS.contains(extension(file))) {
        why = "not an image file (Mishmash reads " + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ")";
      } else {
        try {
          BufferedImage image = ImageIO.read(file.toFile());
          if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
            why = "cannot be decoded as an image";
          } else {
            images.add(rgb(squareResize(image, size)));
          }
        } catch (IOException | RuntimeException e) {
          why = "cannot be read (" + e.getMessage() + ")";
        }
      }
      if (why != null) {
        skipped++;
        log.accept("skipping " + file + ": " + why);
      }
    }
    if (images.isEmpty()) {
      throw new IllegalArgumentException("data folder " + dir.toAbsolutePath() + (files.isEmpty() ? " is empty"
          : " has no usable image (" + skipped + " files skipped)") + ". Put PNG, JPEG, GIF or BMP images in it, "
          + "or leave it out of --data.");
    }
    log.accept(String.format(Locale.ROOT, "%s: %d images%s", dir, images.size(),
        skipped > 0 ? ", " + skipped + " files skipped" : ""));
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    return new Folder(dir, name, images.toArray(new byte[0][]), skipped);
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The centre square, scaled to size×size: bicubic, halving step by step when shrinking a lot. */
  static BufferedImage squareResize(BufferedImage image, int size) {
    int side = Math.min(image.getWidth(), image.getHeight());
    BufferedImage current = image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    int at = side;
    do {
      at = Math.max(size, at / 2);
      BufferedImage next = new BufferedImage(at, at, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = next.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(current, 0, 0, at, at, null);
      g.dispose();
      current = next;
    } while (at > size);
    return current;
  }

  private static byte[] rgb(BufferedImage image) {
    int n = image.getWidth() * image.getHeight();
    int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    byte[] out = new byte[n * 3];
    for (int p = 0; p < n; p++) {
      out[3 * p] = (byte) (argb[p] >> 16);
      out[3 * p + 1] = (byte) (argb[p] >> 8);
      out[3 * p + 2] = (byte) argb[p];
    }
    return out;
  }

  int size() {
    return size;
  }

  List<Folder> folders() {
    return folders;
  }

  /** A folder drawn by weight. */
  int drawFolder(Rng rng) {
    double r = rng.nextDouble();
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (r < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /**
   * Fills {@code pixels} with {@code labels.length} images as planar RGB in [-1, 1] ([B, 3, size, size])
   * and {@code labels} with the folder each came from. The batch is ordered by folder, so that the
   * critic's minibatch statistics, taken over a few neighbours, mostly compare pictures of one
   * domain and can notice when the generator draws one face for every latent.
   */
  void batch(Rng rng, float[] pixels, int[] labels) {
    int plane = size * size;
    for (int b = 0; b < labels.length; b++) {
      labels[b] = drawFolder(rng);
    }
    java.util.Arrays.sort(labels);
    for (int b = 0; b < labels.length; b++) {
      int f = labels[b];
      byte[][] images = folders.get(f).images();
      byte[] image = images[rng.nextInt(images.length)];
      int base = b * 3 * plane;
      for (int p = 0; p < plane; p++) {
        for (int c = 0; c < 3; c++) {
          pixels[base + c * plane + p] = (image[3 * p + c] & 0xFF) / 127.5f - 1f;
        }
      }
    }
  }
}
