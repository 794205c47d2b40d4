package mishmash.latent;

/**
 * A style-based generator's layers in three bands: the coarse layers settle a creature's form
 * (outline, pose, layout), the middle ones its parts, the fine ones its skin (texture, colour). A
 * hybrid by layers takes each band from its own domain: a face's form with a machine's skin.
 * Mishmash's training command trains for exactly these bands; the same split serves any model.
 */
public final class Bands {
  /** Coarse, middle and fine. */
  public static final int COUNT = 3;
  /** What each band decides, for labels: "face form, machine skin". */
  public static final String[] NAMES = {"form", "parts", "skin"};

  private Bands() {}

  /**
   * The band of style layer {@code layer} of {@code layers}: the levels (two layers each, one per
   * doubling of the picture's size) are shared out in thirds, coarse first.
   */
  public static int of(int layer, int layers) {
    int levels = Math.max(1, layers / 2);
    return Math.min(COUNT - 1, (layer / 2) * COUNT / levels);
  }
}
