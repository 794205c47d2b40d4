package mishmash.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each network alone against face-api.js 1.7.15 on TensorFlow.js's CPU backend, on the same input
 * (the whole test image), so an error in one net cannot hide behind another.
 *
 * <p>Tolerances: detector raw outputs (logits) within {@value #DETECTOR_TOL} of face-api.js's
 * (which span about ±10; measured up to 2e-4); landmarks within {@value #LANDMARK_TOL} of the crop's size (measured 2e-6,
 * the fixtures' rounding); expression and gender probabilities within {@value #PROB_TOL}; age within
 * {@value #AGE_TOL} years. What remains is float32 rounding in a different order of operations.
 */
class FaceNetsTest {
  static final float DETECTOR_TOL = 0.002f;
  static final float LANDMARK_TOL = 0.0001f;
  static final float PROB_TOL = 0.0002f;
  static final float AGE_TOL = 0.01f;

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
  void detectorMatchesFaceApi(String name) {
    Fixture f = Fixture.load(name);
    float[] expected = Fixture.floats(f.nets().get("detector")); // [1, 13, 13, 25], channels last
    float[] ours = analyzer.detectorOutput(f.argb(), f.width(), f.height()); // [25, 13, 13], channels first
    int grid = 13;
    assertEquals(expected.length, ours.length);
    float worst = 0;
    for (int r = 0; r < grid; r++) {
      for (int c = 0; c < grid; c++) {
        for (int ch = 0; ch < 25; ch++) {
          float e = expected[(r * grid + c) * 25 + ch];
          float o = ours[ch * grid * grid + r * grid + c];
          worst = Math.max(worst, Math.abs(e - o));
        }
      }
    }
    assertTrue(worst <= DETECTOR_TOL, name + ": detector output differs from face-api.js by up to " + worst);
  }

  @ParameterizedTest
  @ValueSource(strings = {"astronaut-320x240", "astronaut-face-200", "coffee-240x160"})
  void faceNetsMatchFaceApi(String name) {
    Fixture f = Fixture.load(name);
    FaceAnalyzer.FaceNetOutput ours = analyzer.faceNets(f.argb(), f.width(), f.height(),
        new Box(0, 0, f.width(), f.height()));
    float[] marks = Fixture.floats(f.nets().get("landmarksRelative"));
    assertEquals(136, marks.length);
    float worstMark = 0;
    for (int i = 0; i < 136; i++) {
      worstMark = Math.max(worstMark, Math.abs(marks[i] - ours.landmarks()[i]));
    }
    assertTrue(worstMark <= LANDMARK_TOL, name + ": landmarks differ by up to " + worstMark + " of the crop");
    float[] ex = Fixture.floats(f.nets().get("expressions"));
    for (int i = 0; i < ex.length; i++) {
      assertEquals(ex[i], ours.expressions()[i], PROB_TOL, name + ": " + Expression.values()[i]);
    }
    assertEquals(f.nets().get("age").getAsFloat(), ours.age(), AGE_TOL, name + ": age");
    float[] g = Fixture.floats(f.nets().get("gender"));
    assertEquals(g[0], ours.gender()[0], PROB_TOL, name + ": P(male)");
    assertEquals(g[1], ours.gender()[1], PROB_TOL, name + ": P(female)");
  }
}
