package mishmash.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BreedingTest {

  @ParameterizedTest(name = "{0} layers")
  @ValueSource(ints = {1, 6})
  void withoutMutationAChildLiesBetweenItsParents(int layers) {
    Genome a = Genome.fresh(1, layers, 64);
    Genome b = Genome.fresh(2, layers, 64);
    for (long seed = 0; seed < 20; seed++) {
      Breeding.Offspring child = Breeding.breed(a, b, seed, 0f, 0f);
      assertFalse(child.fresh());
      float[] z = child.genome().z();
      for (int i = 0; i < z.length; i++) {
        assertTrue(z[i] == a.z()[i] || z[i] == b.z()[i], "gene " + i + " comes from a parent");
      }
      if (layers > 1) {
        for (int l = 0; l < layers; l++) {
          float[] layer = child.genome().layer(l);
          assertTrue(java.util.Arrays.equals(layer, a.layer(l)) || java.util.Arrays.equals(layer, b.layer(l)),
              "crossover is per layer when the model has a mapping network");
        }
      }
    }
  }

  @Test
  void bothParentsContribute() {
    Genome a = Genome.fresh(1, 1, 256);
    Genome b = Genome.fresh(2, 1, 256);
    float[] z = Breeding.breed(a, b, 5, 0f, 0f).genome().z();
    int fromA = 0;
    for (int i = 0; i < z.length; i++) {
      fromA += z[i] == a.z()[i] ? 1 : 0;
    }
    assertTrue(fromA > 80 && fromA < 176, "about half the genes from each parent: " + fromA);
  }

  @Test
  void randomnessOneGivesAFreshCreature() {
    Genome a = Genome.fresh(1, 4, 32);
    Genome b = Genome.fresh(2, 4, 32);
    Breeding.Offspring child = Breeding.breed(a, b, 77, 0.3f, 1f);
    assertTrue(child.fresh());
    assertEquals(Genome.fresh(77, 4, 32), child.genome());
  }

  @Test
  void mutationStraysButKeepsATypicalLatent() {
    Genome a = Genome.fresh(1, 1, 512);
    Genome b = Genome.fresh(2, 1, 512);
    Genome child = Breeding.breed(a, b, 9, 0.5f, 0f).genome();
    assertNotEquals(Breeding.breed(a, b, 9, 0f, 0f).genome(), child);
    double norm = 0;
    for (float v : child.z()) {
      norm += v * v;
    }
    assertEquals(Math.sqrt(512), Math.sqrt(norm), Math.sqrt(512) * 0.15, "norm stays near that of a fresh latent");
    assertEquals(child, Breeding.breed(a, b, 9, 0.5f, 0f).genome(), "same seed, same child");
  }

  @Test
  void slerpRunsFromOneGenomeToTheOther() {
    Genome a = Genome.fresh(1, 2, 16);
    Genome b = Genome.fresh(2, 2, 16);
    assertArrayEquals(a.z(), a.slerp(b, 0).z(), 1e-5f);
    assertArrayEquals(b.z(), a.slerp(b, 1).z(), 1e-5f);
    Genome mid = a.slerp(b, 0.5f);
    assertNotEquals(a, mid);
    assertNotEquals(b, mid);
  }

  @Test
  void genesSurviveTheIndex() {
    Genome g = Breeding.breed(Genome.fresh(1, 3, 8), Genome.fresh(2, 3, 8), 4, 0.4f, 0).genome();
    assertEquals(g, Genome.decode(3, 8, g.encode()));
    assertThrows(IllegalArgumentException.class, () -> Genome.decode(3, 8, "bm90IGdlbmVz"));
    assertThrows(IllegalArgumentException.class, () -> Genome.decode(3, 8, "%%%"));
  }

  @Test
  void childrenBetweenTwoParentsLieOnThePathFromOneToTheOther() {
    Genome a = Genome.fresh(1, 6, 128, 3);
    Genome b = Genome.fresh(2, 6, 128, 3);
    double previous = -1;
    for (int i = 1; i <= 5; i++) {
      Genome child = Breeding.between(a, b, i / 6f, 40 + i, 0f);
      for (int l = 0; l < 6; l++) {
        double ab = LoopTest.angle(a.layer(l), b.layer(l));
        double ac = LoopTest.angle(a.layer(l), child.layer(l));
        assertEquals(ab, ac + LoopTest.angle(child.layer(l), b.layer(l)), 1e-3, "on the arc from a to b");
      }
      double along = LoopTest.angle(a.layer(0), child.layer(0));
      assertTrue(along > previous, "further from a along the row");
      previous = along;
    }
    Genome mutated = Breeding.between(a, b, 0.5f, 9, 0.3f);
    assertNotEquals(Breeding.between(a, b, 0.5f, 9, 0f), mutated, "mutation strays from the path");
    assertEquals(mutated, Breeding.between(a, b, 0.5f, 9, 0.3f), "the same seed, the same child");
  }
}
