package mishmash.booth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import javax.imageio.ImageIO;
import mishmash.capture.Frame;
import mishmash.capture.FrameSource;
import mishmash.capture.SourceStatus;
import mishmash.face.Box;
import mishmash.face.FaceAnalyzer;
import mishmash.model.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A dim gallery: the room is dark, the visitor's face, lit by the screen, is not. */
class BoothLightTest {
  static FaceAnalyzer analyzer;
  static Image photo;

  @BeforeAll
  static void load() throws Exception {
    analyzer = FaceAnalyzer.load(Paths.get("../models/face-api"), Visit.FACES);
    photo = Image.of(ImageIO.read(VisitTest.FACES.resolve("astronaut-320x240.png").toFile()));
  }

  @AfterAll
  static void close() {
    analyzer.close();
  }

  /** The photo as a dim room would give it: everything at {@code room}, the face's box at {@code face} of its light. */
  static int[] dim(Image img, Box faceBox, double room, double face) {
    int[] px = img.argb().clone();
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        boolean inFace = x >= faceBox.x() && x < faceBox.right() && y >= faceBox.y() && y < faceBox.bottom();
        double k = inFace ? face : room;
        int p = px[y * img.width() + x];
        px[y * img.width() + x] = 0xFF000000 | (int) (((p >> 16) & 255) * k) << 16 | (int) (((p >> 8) & 255) * k) << 8
            | (int) ((p & 255) * k);
      }
    }
    return px;
  }

  static Frame frame(int[] px, int w, int h) {
    return new Frame(px, w, h, 1, System.nanoTime());
  }

  @Test
  void aFaceLitInADarkRoomIsPhotographedNotRefusedAsTooDark() {
    Box face = analyzer.analyze(photo.argb(), photo.width(), photo.height()).get(0).box();
    int[] px = dim(photo, face, 0.18, 0.75);
    Watcher watcher = new Watcher(analyzer, false);
    watcher.offer(frame(px, photo.width(), photo.height()));
    Session.Sight sight = watcher.sight();
    assertTrue(sight.brightness() < Session.ROOM_TOO_DARK, "the room is dark: " + sight.brightness());
    assertTrue(sight.faceBrightness() > 70, "the face is not: " + sight.faceBrightness());
    Session s = new Session(0.2);
    double t = 0;
    boolean shot = false;
    for (; t < 6 && !shot; t += 1 / 30.0) {
      shot = s.watch(t, sight);
    }
    assertTrue(shot, "the countdown runs and the photo is taken; advice was: " + s.message());
    watcher.close();
  }

  @Test
  void aFaceThatIsItselfTooDarkIsToldSoAndAnEmptyDarkRoomToo() {
    Session s = new Session(0.2);
    Session.Sight darkFace = new Session.Sight(List.of(SessionTest.face(200, 100, 160)), 60, 30, 640, 480);
    for (double t = 0; t < 2; t += 1 / 30.0) {
      assertFalse(s.watch(t, darkFace));
    }
    assertEquals("It is too dark here — find some light", s.message());
    Session.Sight darkRoom = new Session.Sight(List.of(), 20, 640, 480);
    Session empty = new Session(0.2);
    empty.watch(0, darkRoom);
    assertEquals("It is too dark here — find some light", empty.message(), "why no face is found");
  }

  @Test
  void faceBrightnessIsMeasuredInsideTheFaceBox() {
    int[] px = new int[100 * 100];
    java.util.Arrays.fill(px, 0xFF101010);
    for (int y = 40; y < 60; y++) {
      for (int x = 40; x < 60; x++) {
        px[y * 100 + x] = 0xFF969696;
      }
    }
    assertEquals(150, Watcher.brightness(px, 100, new Box(40, 40, 20, 20)), 0.5);
    assertTrue(Watcher.brightness(px) < 30);
  }

  /** A camera that cannot brighten its own frames. */
  static final class Plain implements FrameSource {
    Frame f;

    @Override
    public Frame latest() {
      return f;
    }

    @Override
    public SourceStatus status() {
      return new SourceStatus(SourceStatus.State.RUNNING, "plain");
    }

    @Override
    public long frameCount() {
      return 1;
    }

    @Override
    public int width() {
      return 4;
    }

    @Override
    public int height() {
      return 1;
    }

    @Override
    public String name() {
      return "plain";
    }

    @Override
    public void close() {}
  }

  @Test
  void exposureBringsADimFaceUpAndIsAppliedHereWhenTheCameraCannot() {
    Plain camera = new Plain();
    camera.f = frame(new int[] {0xFF303030, 0xFF303030, 0xFF303030, 0xFF303030}, 4, 1);
    Exposure exposure = new Exposure(camera);
    double face = 50; // the camera's own exposure, metered on a dark room, leaves the face at 50
    for (int look = 0; look < 30; look++) {
      double g = exposure.gain();
      exposure.meter(new Session.Sight(List.of(SessionTest.face(1, 1, 2)), 20 * g, face * g, 4, 1));
    }
    assertEquals(Exposure.TARGET / face, exposure.gain(), 0.05, "the face is brought to " + Exposure.TARGET);
    int p = exposure.latest().pixels()[0];
    assertEquals((int) Math.round(0x30 * exposure.gain()), p & 0xFF, 1, "and the frames are brightened here");
    for (int look = 0; look < 30; look++) {
      exposure.meter(new Session.Sight(List.of(SessionTest.face(1, 1, 2)), 100, 200, 4, 1)); // lights up
    }
    assertEquals(1, exposure.gain(), 0.05, "it never darkens below what the camera gives");
  }
}
