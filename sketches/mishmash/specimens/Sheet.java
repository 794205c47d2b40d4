package mishmash.specimens;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import mishmash.files.AtomicFile;
import processing.awt.PGraphicsJava2D;

/**
 * A contact sheet: columns × rows specimens of one kind side by side in one PNG, to see at a
 * glance how varied they are ({@code docs/images/specimens-faces.png} is one).
 */
public final class Sheet {

  static final String USAGE = "usage: Specimens --sheet FILE.png --kind faces|machines|cells [--seed 1] [--size 128] "
      + "[--columns 8] [--rows 8]";

  /**
   * Reads {@code --sheet FILE --kind faces [--seed 1 --size 128 --columns 8 --rows 8]} and writes the sheet.
   * Picture i of the sheet is picture i of a data set made with the same {@code --seed}.
   *
   * @throws IllegalArgumentException naming the option, when one is unknown or wrong
   */
  public static void write(String[] args) {
    Path file = null;
    int kind = -1;
    long seed = 1;
    int size = 128;
    int columns = 8;
    int rows = 8;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String v = Dataset.value(args, ++i, flag, USAGE);
      switch (flag) {
        case "--sheet" -> file = Path.of(v);
        case "--kind" -> {
          kind = Arrays.asList(Specimen.DOMAINS).indexOf(v);
          if (kind < 0) {
            throw new IllegalArgumentException("--kind must be faces, machines or cells, not \"" + v + "\"\n" + USAGE);
          }
        }
        case "--seed" -> seed = Dataset.whole(flag, v, -Dataset.MAX_SEED, Dataset.MAX_SEED, USAGE);
        case "--size" -> size = (int) Dataset.whole(flag, v, 8, 1024, USAGE);
        case "--columns" -> columns = (int) Dataset.whole(flag, v, 1, 64, USAGE);
        case "--rows" -> rows = (int) Dataset.whole(flag, v, 1, 64, USAGE);
        default -> throw new IllegalArgumentException("unknown option \"" + flag + "\"\n" + USAGE);
      }
    }
    if (kind < 0) {
      throw new IllegalArgumentException("--kind is missing: faces, machines or cells\n" + USAGE);
    }
    System.setProperty("java.awt.headless", "true");
    BufferedImage sheet = draw(kind, seed, size, columns, rows);
    try {
      AtomicFile.write(file, o -> ImageIO.write(sheet, "png", o));
    } catch (IOException e) {
      throw new IllegalStateException("could not write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    System.err.println("wrote " + file + ": " + columns * rows + " " + Specimen.DOMAINS[kind] + " from --seed " + seed);
  }

  /** The sheet: picture i of a data set with {@code --seed seed}, left to right and top to bottom, 2 px apart. */
  public static BufferedImage draw(int kind, long seed, int size, int columns, int rows) {
    int gap = 2;
    BufferedImage sheet = new BufferedImage(columns * (size + gap) + gap, rows * (size + gap) + gap, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(new Color(0x111111));
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    PGraphicsJava2D canvas = Dataset.offscreen(size);
    for (int i = 0; i < columns * rows; i++) {
      BufferedImage picture = Dataset.render(canvas, kind, Dataset.seedOf(seed, i));
      g.drawImage(picture, gap + (i % columns) * (size + gap), gap + (i / columns) * (size + gap), null);
    }
    g.dispose();
    return sheet;
  }

  private Sheet() {
  }
}
