import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.latent.Genome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreederTest {
  @TempDir Path tmp;

  static double angle(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
  }

  /** A click in the middle of column {@code column} of the top row (0) or the litter (1). */
  static void click(Breeder sketch, int column, int row) {
    sketch.mouseX = (int) (sketch.x(column) + sketch.size() / 2);
    sketch.mouseY = (int) (sketch.y(row) + sketch.size() / 2);
    sketch.mousePressed();
  }

  @Test
  void twoClicksBreedALitterThatLiesBetweenItsParentsAndTheChosenOneGoesToTheArchive() throws Exception {
    Breeder sketch = new Breeder();
    Path archive = tmp.resolve("archive");
    Pieces.render(sketch, 960, 540, tmp, "breed", 1, "--set", "mutation=0", "--archive", archive.toString(), "--write-archive");
    Creature a = sketch.parents.get(1);
    Creature b = sketch.parents.get(4);
    click(sketch, 2, 0);
    click(sketch, 5, 0);
    assertSame(a, sketch.first);
    assertSame(b, sketch.second);
    assertEquals(6, sketch.litter.size());
    assertTrue(sketch.litter.stream().allMatch(sketch.pictures::containsKey), "every child is drawn");
    double previous = 0;
    for (Creature child : sketch.litter) {
      Genome g = child.genome();
      for (int l = 0; l < g.layers(); l++) {
        double ab = angle(a.genome().layer(l), b.genome().layer(l));
        double around = angle(a.genome().layer(l), g.layer(l)) + angle(g.layer(l), b.genome().layer(l));
        assertEquals(ab, around, 1e-3, "layer " + l + " of No. " + child.seed() + " lies between its parents");
      }
      double fromA = angle(a.genome().layer(0), g.layer(0));
      assertTrue(fromA > previous, "the row goes from the first parent's side to the second's");
      previous = fromA;
      assertArrayEquals(new long[] {a.seed(), b.seed()}, child.parents(), "lineage");
      assertEquals(1, child.generation());
    }
    // a child clicked becomes a parent, in its first parent's place; then it is kept
    Creature child = sketch.litter.get(2);
    click(sketch, 3, 1);
    assertSame(child, sketch.parents.get(1));
    assertSame(child, sketch.first);
    sketch.keep();
    try (Archive kept = Archive.share(archive)) {
      Creature stored = kept.get(child.seed()).orElseThrow();
      assertArrayEquals(new long[] {a.seed(), b.seed()}, stored.parents(), "the archive keeps its lineage");
      assertEquals(Creature.Source.BRED, stored.source());
      assertTrue(kept.picture(child.seed()).isPresent(), "and its picture, for the grid");
    }
  }
}
