package mishmash.dials;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mishmash.features.PictureFeatures;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.Styles;
import org.junit.jupiter.api.Test;

/**
 * What a supervised dial of the shipped creatures model does, read by the attribute reader on
 * creatures it was not fitted on: turning {@code smile} up raises the smile the reader sees, and the
 * face's other attributes that the reader reads reliably stay within a bound.
 */
class DialEffectTest {
  static final int N = 32;
  static final float UNITS = 1.5f;

  @Test
  void theSmileDialRaisesTheSmileAndLeavesTheFaceOtherwiseAlone() {
    try (Generator gan = Models.load("creatures"); AttributeReader reader = AttributeReader.load(AttributeReader.DEFAULT);
         PictureFeatures features = PictureFeatures.load()) {
      Dials dials = Dials.of(gan).orElseThrow();
      int dial = dials.index("smile");
      int smile = reader.index("faces.smile");
      int faces = gan.domains().indexOf("faces");
      assertTrue(dial >= 0 && smile >= 0 && faces >= 0, "the creatures model has a smile dial and faces");
      List<mishmash.latent.Genome> sitters = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        sitters.add(Genomes.pure(gan, 90_000 + i, faces)); // seeds the dials command never drew (it draws from 1)
      }
      Styles base = Genomes.styles(gan, sitters, 0.8f);
      float[] values = new float[dials.size()];
      values[dial] = UNITS;
      float[][] up = reader.read(features, Arrays.asList(gan.synthesize(dials.apply(base, values))));
      values[dial] = -UNITS;
      float[][] down = reader.read(features, Arrays.asList(gan.synthesize(dials.apply(base, values))));
      float[][] as = reader.read(features, Arrays.asList(gan.synthesize(base)));

      double own = perUnit(up, down, smile) / spread(as, smile, reader.attributes().get(smile));
      assertTrue(own > 0.25, "one unit of smile raises the smile read by " + own + " standard deviations");
      StringBuilder others = new StringBuilder();
      double worst = 0;
      for (int k = 0; k < reader.attributes().size(); k++) {
        Attribute a = reader.attributes().get(k);
        if (k == smile || !a.domain().equals("faces") || !reader.reliable(k)) {
          continue;
        }
        double change = Math.abs(perUnit(up, down, k)) / spread(as, k, a);
        others.append(String.format(" %s %.3f", a.id(), change));
        worst = Math.max(worst, change);
      }
      assertTrue(others.length() > 0, "the reader reads other face attributes reliably");
      assertTrue(worst < 0.6 * own, "smile moves " + own + " sd a unit; the others stay within 60% of that:" + others);
    }
  }

  /** The mean change of attribute k per unit of the dial, between the pictures turned up and down. */
  static double perUnit(float[][] up, float[][] down, int k) {
    double sum = 0;
    for (int i = 0; i < up.length; i++) {
      sum += up[i][k] - down[i][k];
    }
    return sum / up.length / (2 * UNITS);
  }

  /**
   * The standard deviation of attribute k over the creatures as they are; for a yes/no, that of the
   * yes/no itself, sqrt(p(1 - p)) at its mean probability p (the spread of the reader's probabilities
   * is near 0 when nobody wears glasses, and would make any flicker of them look large).
   */
  static double spread(float[][] rows, int k, Attribute a) {
    double mean = 0;
    for (float[] r : rows) {
      mean += r[k];
    }
    mean /= rows.length;
    if (a.binary()) {
      double p = Math.max(0.01, Math.min(0.99, mean));
      return Math.sqrt(p * (1 - p));
    }
    double var = 0;
    for (float[] r : rows) {
      var += (r[k] - mean) * (r[k] - mean);
    }
    return Math.max(1e-6, Math.sqrt(var / (rows.length - 1)));
  }
}
