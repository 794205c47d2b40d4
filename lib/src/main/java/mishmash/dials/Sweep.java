package mishmash.dials;

import java.util.ArrayList;
import java.util.List;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Styles;

/**
 * One creature swept along its dials, the Capricious Portraits way: for each chosen dial a row of
 * pictures, the dial turned from one end of the row to the other (−2 … +2, say) and every other
 * dial where the performer has it. Drawn in one batch.
 */
public final class Sweep {
  private Sweep() {}

  /**
   * @param base the creature's styles (one picture)
   * @param rows the dials to sweep, by index
   * @param values the values each row takes, left to right
   * @param held every dial's value besides the swept one (null: all 0)
   * @return pictures[row][column]
   */
  public static Image[][] of(Generator gan, Dials dials, Styles base, int[] rows, float[] values, float[] held) {
    if (base.count() != 1) {
      throw new IllegalArgumentException("a sweep is of one creature, not " + base.count());
    }
    List<Styles> all = new ArrayList<>();
    for (int r : rows) {
      if (r < 0 || r >= dials.size()) {
        throw new IllegalArgumentException("no dial " + r + " (there are " + dials.size() + ")");
      }
      for (float v : values) {
        float[] turned = held == null ? new float[dials.size()] : held.clone();
        turned[r] = v;
        all.add(dials.apply(base, turned));
      }
    }
    Image[] pictures = all.isEmpty() ? new Image[0] : gan.synthesize(Styles.concat(all));
    Image[][] out = new Image[rows.length][values.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(pictures, r * values.length, out[r], 0, values.length);
    }
    return out;
  }

  /** {@code steps} values evenly from −span to +span. */
  public static float[] values(float span, int steps) {
    float[] v = new float[Math.max(1, steps)];
    for (int i = 0; i < v.length; i++) {
      v[i] = v.length == 1 ? 0 : -span + 2 * span * i / (v.length - 1);
    }
    return v;
  }
}
