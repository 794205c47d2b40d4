import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import mishmash.sketch.Headless;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/** Capricious Portraits headless: a sitter swept along the dials, on screen and as a print. */
class PortraitsTest {
  static final Path FACES = Paths.get("../lib/src/test/resources/fixtures/face");
  @TempDir Path tmp;

  Portraits render(String... args) {
    Portraits p = new Portraits();
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--model";
    all[args.length + 1] = "creatures";
    all[args.length + 2] = "--archive";
    all[args.length + 3] = tmp.resolve("archive").toString();
    p.args = all;
    Headless.render(p, 640, 480, 10, 3, tmp.resolve("frames"));
    return p;
  }

  @Test
  void aStripIsPrintReadyWithARowPerDial() throws Exception {
    Path strip = tmp.resolve("strip.png");
    Portraits p = render("--strip", strip.toString(), "--rows", "age,smile,skinTone", "--domain", "faces", "--subject",
        "11", "--cell", "200");
    assertNull(p.problem());
    BufferedImage img = ImageIO.read(strip.toFile());
    assertTrue(img.getWidth() > 5 * 200 && img.getHeight() > 3 * 200 && img.getHeight() < 4 * 200 + 400,
        img.getWidth() + "x" + img.getHeight());
    assertEquals(300, dpi(strip.toFile()), "a print that says 300 dpi");
    render("--strip", tmp.resolve("again.png").toString(), "--rows", "age,smile,skinTone", "--domain", "faces",
        "--subject", "11", "--cell", "200");
    BufferedImage again = ImageIO.read(tmp.resolve("again.png").toFile());
    assertTrue(same(img, again), "the same sitter and dials give the same print");
  }

  @Test
  void aPrintFromTheCommandLineIsWrittenAndTheProgramEnds() throws Exception {
    Path strip = tmp.resolve("command.png");
    String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
        "Portraits", "--strip", strip.toString(), "--rows", "age", "--domain", "faces", "--subject", "3", "--cell", "64",
        "--model", "creatures", "--archive", tmp.resolve("archive").toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
    assertTrue(p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES), "it ends by itself");
    String log = Files.readString(tmp.resolve("log.txt"));
    assertEquals(0, p.exitValue(), log);
    assertTrue(Files.exists(strip) && ImageIO.read(strip.toFile()).getWidth() > 5 * 64, log);
  }

  @Test
  void theSameSitterChangesAlongARowAndNotWithoutADial() throws Exception {
    Path strip = tmp.resolve("strip.png");
    render("--strip", strip.toString(), "--rows", "skinTone", "--domain", "faces", "--subject", "5", "--cell", "128");
    BufferedImage img = ImageIO.read(strip.toFile());
    int cell = 128;
    int gap = Math.max(4, cell / 40);
    int margin = cell / 4;
    int x0 = margin + (int) (cell * 0.75);
    int y0 = margin + (int) (cell * 0.22) + (int) (cell * 0.32);
    double ends = cellDifference(img, x0, y0, x0 + 4 * (cell + gap), y0, cell);
    double neighbours = cellDifference(img, x0 + 2 * (cell + gap), y0, x0 + 3 * (cell + gap), y0, cell);
    assertTrue(ends > 8, "−2 and +2 differ clearly: " + ends);
    assertTrue(neighbours < ends, "the change grows along the row");
  }

  @Test
  void anUnknownDialIsNamedWithTheDialsThereAre() {
    Portraits p = render("--strip", tmp.resolve("x.png").toString(), "--rows", "age,wings");
    assertTrue(p.problem() != null && p.problem().contains("wings") && p.problem().contains("smile"), p.problem());
    assertTrue(!Files.exists(tmp.resolve("x.png")), "no print of a sweep that cannot be made");
  }

  @Test
  void aVisitorsPhotoSitsThroughTheInverter() throws Exception {
    Path strip = tmp.resolve("visitor.png");
    Portraits p = render("--strip", strip.toString(), "--rows", "age,smile", "--photo",
        FACES.resolve("astronaut-320x240.png").toString(), "--cell", "128");
    assertNull(p.problem());
    assertTrue(Files.exists(strip));
  }

  @Test
  void theLiveCanvasDrawsTheSweep() throws Exception {
    Portraits p = render("--domain", "faces", "--rows", "age,smile,skinTone", "--seed", "5");
    assertNull(p.problem());
    BufferedImage frame = ImageIO.read(tmp.resolve("frames/frame-00002.png").toFile());
    assertEquals(640, frame.getWidth());
    int ground = 0xECE8DE; // the paper the portraits hang on
    int covered = 0;
    int all = 0;
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < frame.getHeight(); y += 2) {
      for (int x = 0; x < frame.getWidth(); x += 2) {
        int c = frame.getRGB(x, y) & 0xFFFFFF;
        covered += c != ground ? 1 : 0;
        colours.add(c & 0xF0F0F0);
        all++;
      }
    }
    // three rows of five portraits fill about half the canvas
    assertTrue(covered > 0.35 * all, "portraits on the canvas, not an empty ground: " + covered + " of " + all);
    assertTrue(colours.size() > 200, "pictures, not flat boxes: " + colours.size() + " colours");
  }

  static double cellDifference(BufferedImage img, int ax, int ay, int bx, int by, int cell) {
    long sum = 0;
    int n = 0;
    for (int y = 4; y < cell - 4; y += 2) {
      for (int x = 4; x < cell - 4; x += 2) {
        int p = img.getRGB(ax + x, ay + y);
        int q = img.getRGB(bx + x, by + y);
        for (int s = 0; s < 24; s += 8) {
          sum += Math.abs((p >> s & 0xFF) - (q >> s & 0xFF));
        }
        n += 3;
      }
    }
    return sum / (double) n;
  }

  static boolean same(BufferedImage a, BufferedImage b) {
    if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
      return false;
    }
    for (int y = 0; y < a.getHeight(); y += 3) {
      for (int x = 0; x < a.getWidth(); x += 3) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The horizontal resolution a PNG's pHYs chunk gives, in dots per inch. */
  static long dpi(File png) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(png)) {
      ImageReader r = ImageIO.getImageReaders(in).next();
      r.setInput(in);
      Node root = r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeName().equals("pHYs")) {
          long perMetre = Long.parseLong(((IIOMetadataNode) n).getAttribute("pixelsPerUnitXAxis"));
          return Math.round(perMetre * 0.0254);
        }
      }
      return -1;
    }
  }
}
