package mishmash.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline against face-api.js 1.7.15's {@code detectAllFaces(...).withFaceLandmarks()
 * .withFaceExpressions().withAgeAndGender()}, and frames that are hard in other ways.
 *
 * <p>Tolerances against face-api.js: boxes and landmarks within {@value #BOX_TOL} px, detector score
 * within {@value #PROB_TOL}, age within {@value #AGE_TOL} years, gender and expression probabilities
 * within {@value #PROB_TOL}: the crops are the same pixels, what is left is float32 rounding
 * (measured on the fixtures: boxes 2e-4 px, landmarks 1e-4 px, age 1e-5 years, probabilities 5e-6).
 */
class FaceAnalyzerTest {
  static final float BOX_TOL = 0.01f;
  static final float AGE_TOL = 0.01f;
  static final float PROB_TOL = 0.0001f;

  static FaceAnalyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = FaceAnalyzer.load(Fixture.MODEL);
  }

  @AfterAll
  static void close() {
    analyzer.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"astronaut-320x240", "astronaut-face-200", "coffee-240x160"})
  void agreesWithFaceApi(String name) {
    Fixture f = Fixture.load(name);
    List<Face> faces = analyzer.analyze(f.argb(), f.width(), f.height());
    JsonArray expected = f.faces();
    assertEquals(expected.size(), faces.size(), name + ": number of faces");
    for (int i = 0; i < faces.size(); i++) {
      JsonObject e = expected.get(i).getAsJsonObject();
      Face face = faces.get(i);
      assertBox(Fixture.box(e.getAsJsonObject("box")), face.box(), BOX_TOL, name + " box");
      assertEquals(e.get("score").getAsFloat(), face.score(), PROB_TOL, name + " score");
      JsonArray marks = e.getAsJsonArray("landmarks");
      assertEquals(68, face.landmarks().size());
      for (int k = 0; k < 68; k++) {
        float[] p = Fixture.floats(marks.get(k));
        assertEquals(p[0], face.landmarks().get(k).x(), BOX_TOL, name + " landmark " + k + " x");
        assertEquals(p[1], face.landmarks().get(k).y(), BOX_TOL, name + " landmark " + k + " y");
      }
      assertBox(Fixture.box(e.getAsJsonObject("alignedBox")), face.alignedBox(), BOX_TOL, name + " aligned box");
      assertEquals(e.get("age").getAsFloat(), face.age(), AGE_TOL, name + " age");
      assertEquals(e.get("gender").getAsString(), face.gender().name().toLowerCase(), name + " gender");
      assertEquals(e.get("genderProbability").getAsFloat(), face.genderProbability(), PROB_TOL, name + " gender probability");
      JsonObject ex = e.getAsJsonObject("expressions");
      float sum = 0;
      for (Expression x : Expression.values()) {
        assertEquals(ex.get(x.label()).getAsFloat(), face.expressions().get(x), PROB_TOL, name + " " + x.label());
        sum += face.expressions().get(x);
      }
      assertEquals(1f, sum, 1e-4f, name + " expressions sum to 1");
    }
  }

  @Test
  void noFaceGivesAnEmptyList() {
    Fixture coffee = Fixture.load("coffee-240x160");
    assertTrue(analyzer.analyze(coffee.argb(), coffee.width(), coffee.height()).isEmpty());
    int[] grey = new int[64 * 48];
    java.util.Arrays.fill(grey, 0xff808080);
    assertTrue(analyzer.analyze(grey, 64, 48).isEmpty());
  }

  @Test
  void aFaceInABigFrameIsFoundWhereItIs() {
    Fixture f = Fixture.load("astronaut-320x240");
    int[] frame = Frames.scaled(f.argb(), f.width(), f.height(), 2); // 640×480, the booth camera's size
    List<Face> faces = analyzer.analyze(frame, 640, 480);
    assertEquals(1, faces.size());
    Face small = analyzer.analyze(f.argb(), f.width(), f.height()).get(0);
    Face big = faces.get(0);
    assertEquals(2 * small.box().x(), big.box().x(), 4f);
    assertEquals(2 * small.box().width(), big.box().width(), 4f);
    assertEquals(small.gender(), big.gender());
    assertEquals(small.expression(), big.expression());
    // the same face at twice the size is not the same input: age moves by a few years
    assertEquals(small.age(), big.age(), 6f);
  }

  @Test
  void twoFacesComeBackLargestFirstAndBatchingChangesNothing() {
    Fixture big = Fixture.load("astronaut-face-200");
    Fixture small = Fixture.load("astronaut-320x240");
    int[] frame = Frames.paste(small.argb(), 320, 240, 640, 480, 310, 230);
    for (int y = 0; y < 200; y++) {
      System.arraycopy(big.argb(), y * 200, frame, (y + 10) * 640 + 10, 200);
    }
    List<Face> faces = analyzer.analyze(frame, 640, 480);
    assertEquals(2, faces.size());
    assertTrue(faces.get(0).box().area() > faces.get(1).box().area());
    assertTrue(faces.get(0).box().x() < 210 && faces.get(1).box().x() > 310, "where they are");
    // each face read in a batch of two equals the same crop read alone
    for (Face face : faces) {
      Box crop = face.alignedBox().clipToPixels(640, 480);
      FaceAnalyzer.FaceNetOutput alone = analyzer.faceNets(frame, 640, 480, crop);
      assertEquals(alone.age(), face.age(), 1e-3f);
      for (Expression x : Expression.values()) {
        assertEquals(alone.expressions()[x.ordinal()], face.expressions().get(x), 1e-5f);
      }
    }
  }

  @Test
  void facesBelowTheMinimumSizeAreLeftOut() {
    Fixture f = Fixture.load("astronaut-320x240");
    Face face = analyzer.analyze(f.argb(), f.width(), f.height()).get(0);
    int side = (int) face.box().minSide();
    try (FaceAnalyzer strict = FaceAnalyzer.load(Fixture.MODEL,
        new FaceAnalyzer.Options(416, 0.5f, side + 1))) {
      assertFalse(strict.detect(f.argb(), f.width(), f.height()).isEmpty(), "the detector still sees it");
      assertTrue(strict.analyze(f.argb(), f.width(), f.height()).isEmpty(), "but it is too small to analyse");
    }
    // a face of about 13 px in a 640×480 frame: nothing comes back, and nothing breaks
    int[] tiny = Frames.paste(Frames.scaled(f.argb(), f.width(), f.height(), 0.25f), 80, 60, 640, 480, 300, 200);
    assertTrue(analyzer.analyze(tiny, 640, 480).isEmpty());
  }

  @Test
  void darkAndWashedOutFramesDoNotBreakIt() {
    Fixture f = Fixture.load("astronaut-320x240");
    for (float gain : new float[] {0.02f, 0.1f}) {
      checkSane(analyzer.analyze(Frames.dark(f.argb(), gain), f.width(), f.height()));
      checkSane(analyzer.analyze(Frames.washedOut(f.argb(), gain), f.width(), f.height()));
    }
    int[] black = new int[320 * 240];
    assertTrue(analyzer.analyze(black, 320, 240).isEmpty());
    int[] white = new int[320 * 240];
    java.util.Arrays.fill(white, 0xffffffff);
    assertTrue(analyzer.analyze(white, 320, 240).isEmpty());
  }

  @Test
  void oddFrameSizesWork() {
    Fixture f = Fixture.load("astronaut-face-200");
    checkSane(analyzer.analyze(Frames.paste(f.argb(), 200, 200, 201, 7, 0, 0), 201, 7));
    checkSane(analyzer.analyze(new int[] {0xff102030}, 1, 1));
    checkSane(analyzer.analyze(Frames.paste(f.argb(), 200, 200, 1000, 200, 400, 0), 1000, 200));
  }

  @Test
  void badInputIsRefusedWithAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(new int[10], 4, 4));
    assertTrue(e.getMessage().contains("16 pixels"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(null, 4, 4));
    assertThrows(IllegalArgumentException.class, () -> analyzer.analyze(new int[0], 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new FaceAnalyzer.Options(400, 0.5f, 32));
    assertThrows(IllegalArgumentException.class, () -> new FaceAnalyzer.Options(416, 1f, 32));
  }

  @Test
  void aClosedAnalyzerSaysSo() {
    FaceAnalyzer a = FaceAnalyzer.load(Fixture.MODEL);
    a.close();
    a.close();
    assertThrows(IllegalStateException.class, () -> a.analyze(new int[16], 4, 4));
  }

  private static void checkSane(List<Face> faces) {
    for (Face face : faces) {
      assertEquals(68, face.landmarks().size());
      assertTrue(Float.isFinite(face.age()) && face.age() > 0 && face.age() < 120, "age " + face.age());
      assertTrue(face.genderProbability() >= 0.5f && face.genderProbability() <= 1f);
      assertTrue(face.box().width() > 0 && face.box().height() > 0);
    }
  }

  private static void assertBox(Box expected, Box actual, float tol, String what) {
    assertEquals(expected.x(), actual.x(), tol, what + " x");
    assertEquals(expected.y(), actual.y(), tol, what + " y");
    assertEquals(expected.width(), actual.width(), tol, what + " width");
    assertEquals(expected.height(), actual.height(), tol, what + " height");
  }
}
