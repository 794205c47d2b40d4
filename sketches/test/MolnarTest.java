import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import mishmash.model.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MolnarTest {
  @TempDir Path tmp;

  /** The mean difference between each cell's creature and its right-hand neighbour's. */
  static double neighbours(Molnar sketch) {
    List<Image> cells = sketch.cells;
    assertEquals(sketch.columns * sketch.rows, cells.size(), "every cell has its creature");
    double sum = 0;
    int n = 0;
    for (int i = 0; i < cells.size(); i++) {
      if (i % sketch.columns < sketch.columns - 1) {
        sum += Pieces.difference(cells.get(i), cells.get(i + 1));
        n++;
      }
    }
    return sum / n;
  }

  @Test
  void disorderZeroIsAnOrderedGridAndOneADisorderedOne() throws Exception {
    Molnar order = new Molnar();
    Path ordered = Pieces.render(order, tmp, "order", 1, "--set", "disorder=0,columns=6,rows=3");
    assertEquals(0, neighbours(order), "at 0 every cell is the same creature");
    Molnar some = new Molnar();
    Pieces.render(some, tmp, "some", 1, "--set", "disorder=0.3,columns=6,rows=3");
    Molnar chaos = new Molnar();
    Path disordered = Pieces.render(chaos, tmp, "chaos", 1, "--set", "disorder=1,columns=6,rows=3");
    double a = neighbours(some);
    double b = neighbours(chaos);
    assertTrue(a > 1 && b > 2 * a, "neighbours differ more with more disorder: 0.3 " + a + ", 1 " + b);
    // on the paper too: at 0 the cells stand in rows, at 1 they have strayed
    assertTrue(Pieces.difference(Pieces.frame(ordered, 0), Pieces.frame(disordered, 0)) > 5);
  }
}
