import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import mishmash.capture.GStreamer;
import mishmash.mirror.Reflector;
import mishmash.sketch.Headless;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror headless: from a video file in which a face appears, and from photo folders of the
 * awkward cases (nobody, half a face at the edge, two faces, darkness), it keeps drawing and turns
 * to a face when there is one.
 */
class MirrorTest {
  static final Path FIXTURES = Paths.get("../lib/src/test/resources/fixtures");
  @TempDir Path tmp;

  /** The mirror, noting what it showed at every frame. */
  static class Watched extends Mirror {
    final List<Reflector.Mode> modes = new ArrayList<>();
    final List<Integer> faces = new ArrayList<>();

    @Override
    public void draw() {
      super.draw();
      Reflector.Reflection r = mirror == null ? null : mirror.latest();
      modes.add(r == null ? null : r.mode());
      faces.add(r == null ? -1 : r.faces());
    }
  }

  Watched run(String camera, int frames) {
    Watched m = new Watched();
    m.args = new String[] {"--camera", camera, "--model", "creatures", "--seed", "4", "--archive",
        tmp.resolve("archive").toString()};
    Headless.render(m, 640, 360, 10, frames, tmp.resolve("frames"));
    assertNull(m.problem(), "the mirror started");
    assertNull(m.mirror == null ? "no mirror" : m.mirror.problem(), "no frame failed");
    return m;
  }

  static void needGStreamer() {
    String problem = GStreamer.problem();
    if (problem != null) {
      if ("1".equals(System.getenv("MISHMASH_CI"))) {
        throw new AssertionError("CI must have GStreamer 1.x installed: " + problem);
      }
      Assumptions.abort("SKIPPED: " + problem);
    }
  }

  @Test
  void fromAVideoFileItDriftsUntilAFaceAppearsThenTurnsToIt() throws IOException {
    needGStreamer();
    // the clip plays in real time, on a loop: an empty second, then the face; the render takes what it gets
    Watched m = run("file:" + FIXTURES.resolve("capture/astronaut-appears-320x240.ogv").toAbsolutePath(), 30);
    assertEquals(Reflector.Mode.DRIFTING, m.modes.get(0), "before it has seen anyone, it drifts " + m.modes);
    int firstViewer = m.modes.indexOf(Reflector.Mode.VIEWER);
    assertTrue(firstViewer > 0, "it turns to the face " + m.modes);
    assertTrue(m.faces.stream().anyMatch(n -> n == 1), "it found the face " + m.faces);
    Path last = tmp.resolve("frames").resolve(String.format("frame-%05d.png", m.modes.size() - 1));
    BufferedImage frame = ImageIO.read(last.toFile());
    assertEquals(640, frame.getWidth());
    assertTrue(variety(frame, 340, 620) > 20, "the reflection is drawn beside the viewer");
  }

  /** How many different colours a band of columns holds (a picture has many, an empty ground one). */
  static int variety(BufferedImage img, int x0, int x1) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 20; y < img.getHeight() - 20; y += 7) {
      for (int x = x0; x < x1; x += 7) {
        colours.add(img.getRGB(x, y) & 0xF0F0F0);
      }
    }
    return colours.size();
  }

  /** A folder camera showing the picture 20 times a second, so headless frames get a fresh frame each time. */
  String folderAt(String name, BufferedImage picture) throws IOException {
    return folder(name, picture) + "@20";
  }

  Path folder(String name, BufferedImage picture) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    ImageIO.write(picture, "png", dir.resolve("a.png").toFile());
    return dir;
  }

  static BufferedImage astronaut() throws IOException {
    return ImageIO.read(FIXTURES.resolve("face/astronaut-320x240.png").toFile());
  }

  static BufferedImage canvas(Color ground) {
    BufferedImage b = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = b.createGraphics();
    g.setColor(ground);
    g.fillRect(0, 0, 640, 480);
    g.dispose();
    return b;
  }

  @Test
  void nobodyThereItKeepsDrifting() throws IOException {
    BufferedImage coffee = ImageIO.read(FIXTURES.resolve("face/coffee-240x160.png").toFile());
    Watched m = run("folder:" + folderAt("nobody", coffee), 12);
    assertTrue(m.modes.stream().allMatch(x -> x == Reflector.Mode.DRIFTING), m.modes.toString());
  }

  @Test
  void inDarknessItKeepsDrifting() throws IOException {
    Watched m = run("folder:" + folderAt("dark", canvas(Color.BLACK)), 12);
    assertTrue(m.modes.stream().allMatch(x -> x == Reflector.Mode.DRIFTING), m.modes.toString());
  }

  @Test
  void ofTwoFacesItReflectsOneAndSaysThereAreTwo() throws IOException {
    BufferedImage two = canvas(Color.GRAY);
    Graphics2D g = two.createGraphics();
    g.drawImage(astronaut(), -100, 40, 480, 360, null);
    g.drawImage(astronaut(), 360, 120, 320, 240, null);
    g.dispose();
    Watched m = run("folder:" + folderAt("two", two), 16);
    assertEquals(Reflector.Mode.VIEWER, m.modes.get(m.modes.size() - 1), m.modes.toString());
    assertEquals(2, (int) m.faces.get(m.faces.size() - 1), "the detector saw both " + m.faces);
  }

  @Test
  void halfAFaceAtTheEdgeOfTheFrameKeepsItDrawing() throws IOException {
    BufferedImage edge = canvas(Color.GRAY);
    Graphics2D g = edge.createGraphics();
    g.drawImage(astronaut(), -330, 0, 640, 480, null); // the face cut by the left edge
    g.dispose();
    Watched m = run("folder:" + folderAt("edge", edge), 16);
    assertNotNull(m.modes.get(m.modes.size() - 1), "it draws, whether it sees the half face or not");
  }

  @Test
  void withoutAnInverterForTheModelItSaysHowToMakeOne() throws IOException {
    Watched m = new Watched();
    m.args = new String[] {"--camera", "folder:" + folder("one", astronaut()), "--model", "creatures", "--inverter",
        FIXTURES.resolve("ts-styled").toString(), "--archive", tmp.resolve("archive").toString()};
    Headless.render(m, 320, 180, 10, 2, tmp.resolve("frames"));
    assertTrue(m.problem() != null && m.problem().contains("-Pinvert"), String.valueOf(m.problem()));
  }
}
