package mishmash.sketch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import javax.imageio.ImageIO;
import mishmash.files.AtomicFile;
import mishmash.model.Image;
import processing.awt.PGraphicsJava2D;

/**
 * Renders a sketch to PNG files without a window: {@code --frames N --out DIR [--seed S]
 * [--fps 30] [--size 1920x1080]}. Time advances by exactly 1/fps per frame and all drawing happens
 * at once (no background threads), so the same seed gives the same frames.
 */
public final class Headless {
  private Headless() {}

  public static void render(Class<? extends MishmashSketch> type, String[] args) {
    System.setProperty("java.awt.headless", "true");
    MishmashSketch sketch;
    try {
      sketch = type.getDeclaredConstructor().newInstance();
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
      throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
    }
    sketch.args = args;
    long frames = sketch.option("--frames", 1);
    if (frames < 1 || frames > Integer.MAX_VALUE) {
      sketch.fail("--frames " + frames + ": give how many frames to render, 1 or more");
    }
    Path out = Paths.get(sketch.option("--out", "frames"));
    int[] size = sketch.dimensions("--size", sketch.option("--size", "1920x1080"));
    double fps = 30;
    try {
      fps = Double.parseDouble(sketch.option("--fps", "30"));
    } catch (NumberFormatException e) {
      fps = Double.NaN;
    }
    if (!(fps > 0 && fps <= 1000)) {
      sketch.fail("--fps " + sketch.option("--fps", "") + ": give frames per second, such as 30");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      System.err.println("mishmash: cannot create " + out + " (" + e.getMessage() + ")");
      System.exit(2);
    }
    render(sketch, size[0], size[1], fps, (int) frames, out);
    System.out.println("wrote " + frames + " frames to " + out);
    System.exit(0);
  }

  /** Runs setup() and {@code frames} draw()s on an offscreen canvas, writing frame-00000.png… */
  public static void render(MishmashSketch sketch, int width, int height, double fps, int frames, Path out) {
    sketch.becomeHeadless(fps);
    sketch.randomSeed(sketch.seed());
    sketch.noiseSeed(sketch.seed());
    PGraphicsJava2D g = new PGraphicsJava2D();
    g.setParent(sketch);
    g.setPrimary(false);
    g.setSize(width, height);
    sketch.g = g;
    sketch.width = width;
    sketch.height = height;
    sketch.pixelWidth = width;
    sketch.pixelHeight = height;
    sketch.frameCount = 0;
    sketch.live();
    sketch.applySettings();
    g.beginDraw();
    sketch.setup();
    g.endDraw();
    for (int f = 0; f < frames; f++) {
      sketch.frameCount = f + 1;
      g.beginDraw();
      sketch.beginFrame();
      sketch.draw();
      sketch.drawVeil();
      sketch.drawPanelIfAsked();
      g.endDraw();
      g.loadPixels();
      BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      frame.setRGB(0, 0, width, height, g.pixels, 0, width);
      Path file = out.resolve(String.format(Locale.ROOT, "frame-%05d.png", f));
      try {
        AtomicFile.write(file, o -> ImageIO.write(frame, "png", o));
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
    sketch.live().close(); // finishes a recording, frees an OSC port
    sketch.installation().close(); // and the link to other machines
    sketch.dropScratchArchive();
  }

  /** A frame as pixels, for tests. */
  static Image read(Path png) throws IOException {
    return Image.of(ImageIO.read(png.toFile()));
  }
}
