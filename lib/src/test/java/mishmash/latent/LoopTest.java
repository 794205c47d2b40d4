package mishmash.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopTest {
  static double norm(float[] z) {
    double s = 0;
    for (float v : z) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  static double angle(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return Math.acos(Math.max(-1, Math.min(1, dot / (norm(a) * norm(b)))));
  }

  @Test
  void aTurnComesBackExactlyWhereItBegan() {
    Loop loop = new Loop(7, 128);
    for (double radius : new double[] {0.1, 0.5, 1}) {
      assertArrayEquals(loop.at(0, radius), loop.at(1, radius), "one turn");
      assertArrayEquals(loop.at(0.25, radius), loop.at(3.25, radius), "three turns later");
      assertTrue(angle(loop.at(0, radius), loop.at(0.5, radius)) > 0.1, "half way round it is elsewhere");
    }
  }

  @Test
  void itStaysWhereLatentsLiveAndTheRadiusSetsHowFarItStrays() {
    Loop loop = new Loop(3, 512);
    float[] centre = loop.at(0, 0);
    double previous = 0;
    for (double radius : new double[] {0.2, 0.5, 1}) {
      double farthest = 0;
      for (int i = 0; i < 16; i++) {
        float[] z = loop.at(i / 16.0, radius);
        assertEquals(Math.sqrt(512), norm(z), 1e-2, "on the sphere of typical latents");
        farthest = Math.max(farthest, angle(centre, z));
      }
      assertEquals(radius * Math.PI / 2, farthest, 1e-3, "radius " + radius + " is that far from the centre");
      assertTrue(farthest > previous);
      previous = farthest;
    }
    assertEquals(0, angle(centre, loop.at(0.3, 0)), 1e-3, "radius 0 stands still");
  }

  @Test
  void theSameSeedIsTheSameLoopAndAGenomeKeepsItsDomains() {
    assertArrayEquals(new Loop(5, 64).at(0.4, 0.7), new Loop(5, 64).at(0.4, 0.7));
    Genome like = Genome.fresh(9, 6, 64, 3);
    Genome g = new Loop(5, 64).at(like, 0.4, 0.7);
    assertArrayEquals(like.mix(), g.mix());
    for (int l = 0; l < 6; l++) {
      assertArrayEquals(new Loop(5, 64).at(0.4, 0.7), g.layer(l), "every layer walks the loop");
    }
  }
}
