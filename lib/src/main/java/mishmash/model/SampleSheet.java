package mishmash.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;
import mishmash.files.AtomicFile;
import mishmash.latent.Latents;

/**
 * A grid of a model's pictures from fixed seeds, the way to see at a glance what a model draws.
 *
 * <pre>java ... mishmash.model.SampleSheet default sheet.png [grid] [seed] [psi]</pre>
 */
public final class SampleSheet {
  private SampleSheet() {}

  /** Lays images out left to right, top to bottom, {@code columns} per row, with a 2-pixel gutter. */
  public static BufferedImage of(Image[] images, int columns) {
    int w = images[0].width();
    int h = images[0].height();
    int gap = 2;
    int rows = (images.length + columns - 1) / columns;
    BufferedImage sheet = new BufferedImage(columns * (w + gap) + gap, rows * (h + gap) + gap, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < images.length; i++) {
      sheet.setRGB(gap + (i % columns) * (w + gap), gap + (i / columns) * (h + gap), w, h, images[i].argb(), 0, w);
    }
    return sheet;
  }

  /** {@code grid × grid} pictures from seeds {@code seed…}, truncated by psi. */
  public static BufferedImage of(Generator gan, int grid, long seed, float psi) {
    return of(gan.generate(Latents.batch(seed, grid * grid, gan.latentSize()), psi), grid);
  }

  public static void write(BufferedImage sheet, Path png) throws IOException {
    AtomicFile.write(png, out -> ImageIO.write(sheet, "png", out));
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: SampleSheet <model name or folder> <out.png> [grid=8] [seed=1] [psi=1]");
      System.exit(2);
    }
    int grid = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    float psi = args.length > 4 ? Float.parseFloat(args[4]) : 1f;
    try (Generator gan = Models.load(args[0])) {
      write(of(gan, grid, seed, psi), Paths.get(args[1]));
    }
    System.out.println("wrote " + args[1]);
  }
}
