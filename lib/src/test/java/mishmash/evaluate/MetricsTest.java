package mishmash.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The metrics on sets whose answer is known: the same distribution, a shifted one, a collapsed one. */
class MetricsTest {

  static float[][] gaussian(long seed, int n, int d, float shift, float spread) {
    Random r = new Random(seed);
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) (shift + spread * r.nextGaussian());
      }
    }
    return x;
  }

  @Test
  void twoSamplesOfOneDistributionAreAlike() {
    float[][] a = gaussian(1, 300, 8, 0, 1);
    float[][] b = gaussian(2, 300, 8, 0, 1);
    assertEquals(0, Metrics.kid(a, b), 0.02);
    double[] pr = Metrics.precisionRecall(a, b);
    assertTrue(pr[0] > 0.8 && pr[1] > 0.8, "precision " + pr[0] + ", recall " + pr[1]);
    assertTrue(Metrics.precisionRecall(a, a)[0] == 1 && Metrics.precisionRecall(a, a)[1] == 1, "a set against itself");
    assertEquals(1, Metrics.variety(b) / Metrics.variety(a), 0.05);
  }

  @Test
  void aShiftedSetIsFarAndMissesTheData() {
    float[][] real = gaussian(1, 300, 32, 0, 1);
    float[][] shifted = gaussian(3, 300, 32, 2, 1);
    assertTrue(Metrics.kid(real, shifted) > 1, "KID " + Metrics.kid(real, shifted));
    double[] pr = Metrics.precisionRecall(real, shifted);
    assertTrue(pr[0] < 0.1 && pr[1] < 0.1, "precision " + pr[0] + ", recall " + pr[1]);
  }

  @Test
  void aCollapsedGeneratorHasPrecisionButNoRecallNorVariety() {
    float[][] real = gaussian(1, 300, 32, 0, 1);
    float[][] collapsed = gaussian(4, 300, 32, 0, 0.05f);
    double[] pr = Metrics.precisionRecall(real, collapsed);
    assertTrue(pr[0] > 0.9, "precision " + pr[0]);
    assertTrue(pr[1] < 0.2, "recall " + pr[1]);
    assertTrue(Metrics.variety(collapsed) / Metrics.variety(real) < 0.1);
    assertTrue(Metrics.kid(real, collapsed) > Metrics.kid(real, gaussian(5, 300, 32, 0, 1)));
  }

  @Test
  void tooFewPicturesAreRefused() {
    float[][] three = gaussian(1, 3, 8, 0, 1);
    assertThrows(IllegalArgumentException.class, () -> Metrics.precisionRecall(three, three));
    assertThrows(IllegalArgumentException.class, () -> Metrics.kid(gaussian(1, 1, 8, 0, 1), three));
  }

  @Test
  void theDomainReaderSeesOneTwoOrNoDomains() {
    int d = 16;
    List<DomainReader.Example> examples = new ArrayList<>();
    float[][] centres = {gaussian(10, 1, d, 0, 3)[0], gaussian(11, 1, d, 0, 3)[0], gaussian(12, 1, d, 0, 3)[0]};
    Random r = new Random(7);
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < 60; i++) {
        float[] x = new float[d];
        for (int j = 0; j < d; j++) {
          x[j] = (float) (centres[k][j] + 0.5 * r.nextGaussian());
        }
        float[] present = new float[3];
        present[k] = 1;
        examples.add(new DomainReader.Example(x, present));
      }
    }
    for (int i = 0; i < 60; i++) { // halfway between two: both; far from all: none
      int a = i % 3;
      int b = (a + 1) % 3;
      float[] mid = new float[d];
      float[] none = new float[d];
      for (int j = 0; j < d; j++) {
        mid[j] = (float) ((centres[a][j] + centres[b][j]) / 2 + 0.5 * r.nextGaussian());
        none[j] = (float) (-(centres[0][j] + centres[1][j] + centres[2][j]) + 0.5 * r.nextGaussian());
      }
      float[] both = new float[3];
      both[a] = 1;
      both[b] = 1;
      examples.add(new DomainReader.Example(mid, both));
      examples.add(new DomainReader.Example(none, new float[3]));
    }
    DomainReader reader = DomainReader.train(examples, 3, 1);
    double[] face = reader.read(centres[0]);
    assertTrue(face[0] > 0.5 && DomainReader.seen(face) == 1, java.util.Arrays.toString(face));
    float[] between = new float[d];
    for (int j = 0; j < d; j++) {
      between[j] = (centres[1][j] + centres[2][j]) / 2;
    }
    assertEquals(2, DomainReader.seen(reader.read(between)), java.util.Arrays.toString(reader.read(between)));
    float[] nothing = new float[d];
    for (int j = 0; j < d; j++) {
      nothing[j] = -(centres[0][j] + centres[1][j] + centres[2][j]);
    }
    assertEquals(0, DomainReader.seen(reader.read(nothing)));
  }
}
