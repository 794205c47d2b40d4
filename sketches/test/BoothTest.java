import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.booth.BoothStore;
import mishmash.sketch.Headless;
import mishmash.sketch.Lettering;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The booth headless, fed from a folder of photos: from a face to a saved card and an archive entry. */
class BoothTest {
  static final Path FACES = Paths.get("../lib/src/test/resources/fixtures/face");
  @TempDir Path tmp;

  /** A folder "camera" holding {@code pictures}, plus a text file and a broken PNG it must skip. */
  Path camera(BufferedImage... pictures) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("camera"));
    for (int i = 0; i < pictures.length; i++) {
      ImageIO.write(pictures[i], "png", dir.resolve("photo-" + i + ".png").toFile());
    }
    Files.writeString(dir.resolve("notes.txt"), "not a picture");
    Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    return dir;
  }

  static BufferedImage astronaut() throws IOException {
    return ImageIO.read(FACES.resolve("astronaut-320x240.png").toFile());
  }

  /** A grey frame to draw photos on. */
  static BufferedImage onGrey(int w, int h) {
    BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(Color.GRAY);
    g.fillRect(0, 0, w, h);
    g.dispose();
    return frame;
  }

  /** Runs the booth for {@code seconds} of sketch time at 10 fps; returns its store. */
  BoothStore run(Path camera, String name, double seconds) {
    Booth booth = new Booth();
    booth.args = new String[] {"--camera", "folder:" + camera, "--name", name, "--seed", "5",
        "--archive", tmp.resolve("archive").toString(), "--write-archive", "--booth", tmp.resolve("booth").toString()};
    Headless.render(booth, 640, 360, 10, (int) (seconds * 10), tmp.resolve("frames"));
    return new BoothStore(tmp.resolve("booth"));
  }

  @Test
  void aFaceBecomesACardAndJoinsTheArchive() throws Exception {
    String name = "Zoë 🤖 زهرة";
    BoothStore store = run(camera(astronaut()), name, 7);
    List<Long> ids = store.ids();
    assertEquals(1, ids.size(), "one visitor, one profile");
    long id = ids.get(0);
    assertEquals(name, store.read(id).name(), "the name as typed");
    BufferedImage card = ImageIO.read(store.card(id).toFile());
    assertEquals(1240, card.getWidth(), "print-ready A6 at 300 dpi");
    assertFalse(Files.exists(tmp.resolve("booth/selfies")), "no raw selfie is kept");
    Creature c = Archive.open(tmp.resolve("archive")).get(id).orElseThrow();
    assertEquals(Creature.Source.BOOTH, c.source());
    assertEquals(name, c.name());
    assertEquals(0, Lettering.missing(name), "every character of the name has a glyph");
  }

  @Test
  void noFaceNoCard() throws Exception {
    BoothStore store = run(camera(ImageIO.read(FACES.resolve("coffee-240x160.png").toFile())), "Nobody", 6);
    assertTrue(store.ids().isEmpty());
  }

  @Test
  void aDarkFrameGetsNoPhoto() throws Exception {
    BufferedImage dark = astronaut();
    Graphics2D g = dark.createGraphics();
    g.setColor(new Color(0, 0, 0, 235));
    g.fillRect(0, 0, dark.getWidth(), dark.getHeight());
    g.dispose();
    assertTrue(run(camera(dark), "Night", 6).ids().isEmpty());
  }

  @Test
  void aTinyFaceIsAskedToComeCloser() throws Exception {
    BufferedImage small = onGrey(1280, 960);
    Graphics2D g = small.createGraphics();
    g.drawImage(astronaut(), 480, 360, 320, 240, null); // the face is a tenth of the frame
    g.dispose();
    assertTrue(run(camera(small), "Far", 6).ids().isEmpty());
  }

  @Test
  void ofSeveralFacesTheNearestIsTaken() throws Exception {
    BufferedImage two = onGrey(640, 480);
    Graphics2D g = two.createGraphics();
    g.drawImage(astronaut(), -120, 0, 640, 480, null);   // the visitor, near
    g.drawImage(astronaut(), 440, 300, 200, 150, null);  // someone behind
    g.dispose();
    assertEquals(1, run(camera(two), "Twins", 7).ids().size());
  }

  @Test
  void anEmptyNameIsRefusedAndNothingIsSaved() throws Exception {
    BoothStore store = run(camera(astronaut()), " \t\u0007 ", 7);
    assertTrue(store.ids().isEmpty(), "no card without a name");
    try (Stream<Path> files = Files.walk(tmp)) {
      assertFalse(files.anyMatch(f -> f.toString().endsWith(".tmp")), "nothing half-written");
    }
  }

  static boolean overlap(float[] a, float[] b) {
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  }

  @Test
  void adviceOnTheNameScreenNeverCoversTheNameBeingTyped() throws Exception {
    Booth booth = new Booth();
    booth.args = new String[] {"--camera", "folder:" + camera(astronaut()), "--seed", "5", "--name", " ", "--archive",
        tmp.resolve("archive").toString(), "--booth", tmp.resolve("booth").toString()};
    Headless.render(booth, 640, 360, 10, 60, tmp.resolve("frames")); // Enter on a blank name: the screen stays, with advice
    assertEquals(mishmash.booth.Session.State.NAME, booth.session.state());
    assertTrue(booth.session.message().startsWith("Type your name first"), booth.session.message());
    assertTrue(booth.nameBox != null && !booth.said.isEmpty());
    for (float[] advice : booth.said) {
      assertFalse(overlap(advice, booth.nameBox), "advice at y " + advice[1] + ".." + (advice[1] + advice[3])
          + " over the name at " + booth.nameBox[1] + ".." + (booth.nameBox[1] + booth.nameBox[3]));
    }
  }

  @Test
  void aLongNameIsTakenUpToTheLimitWithANoticeAndFitsTheScreenAndTheCard() throws Exception {
    Booth booth = new Booth();
    booth.session = new mishmash.booth.Session(0.2);
    booth.session.captureNow(0);
    booth.session.analysed(0, true, null); // the name screen
    String typed = "Maria Fernanda Guadalupe de los Ángeles Castañeda-Villalobos y Montenegro-Sáenz de la Peña, "
        + "Condesa de Xochimilco y de las Islas";
    for (char c : (typed + " the Third of Her Name").toCharArray()) {
      booth.key = c;
      booth.keyTyped();
    }
    assertEquals(mishmash.booth.Names.MAX_LENGTH, booth.typed.length(), "taken up to the limit, not cut at 40");
    assertTrue(booth.notice.contains("as long as a name can be"), "and the visitor is told: " + booth.notice);
    String name = booth.typed.toString();
    BufferedImage onScreen = Lettering.picture(name, 1080 / 18f, Color.WHITE, 1920 * 0.9f);
    assertTrue(onScreen.getWidth() <= 1920 * 0.9f, "the name shrinks to fit the name screen: " + onScreen.getWidth());
    java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
    Lettering.Fitted onCard = mishmash.sketch.CardAccess.name(name, frc);
    assertTrue(onCard.width() <= 1240 - 140 + 0.5f, "and the card: " + onCard.width());
    assertTrue(onCard.lines().size() <= 3, onCard.lines().size() + " lines");
    assertTrue(onCard.size() >= 26, "still legible: " + onCard.size());
  }

  @Test
  void withAWallOnAnotherMachineTheVisitorGoesToItsArchive() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (Archive wallArchive = Archive.open(tmp.resolve("wall-archive"));
        mishmash.link.WallLink wall = mishmash.link.WallLink.start(wallArchive, new mishmash.link.WallLink.Settings(null,
            java.net.InetAddress.getLoopbackAddress(), port, a -> false, tmp.resolve("wall-link"), "wall"))) {
      Booth booth = new Booth();
      booth.args = new String[] {"--camera", "folder:" + camera(astronaut()), "--name", "Ada", "--seed", "5",
          "--wall", "tcp://127.0.0.1:" + port, "--booth-name", "entrance", "--booth", tmp.resolve("booth").toString()};
      Headless.render(booth, 640, 360, 10, 70, tmp.resolve("frames"));
      long id = new BoothStore(tmp.resolve("booth")).ids().get(0);
      long end = System.nanoTime() + 30_000_000_000L;
      while (!wallArchive.saved(id) && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertTrue(wallArchive.saved(id), "the visitor is in the wall's archive, on the wall's disk");
      assertEquals("Ada", wallArchive.get(id).orElseThrow().name());
      assertTrue(Files.isDirectory(tmp.resolve("booth/wall-creatures")), "the booth keeps its copy in its own folder");
    }
  }
}
