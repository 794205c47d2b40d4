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
   * What a creature with these band domains is made of, for a label: "face" for one domain alone,
   * "face form · machine skin" for a hybrid, "face form · cell parts · machine skin" when the
   * middle band differs from both. {@code domains} are the model's domain names ("faces" reads
   * "face").
   */
  public static String describe(int[] bands, java.util.List<String> domains) {
    if (bands.length != COUNT || domains.isEmpty()) {
      return "";
    }
    String form = singular(domains.get(bands[0]));
    String parts = singular(domains.get(bands[1]));
    String skin = singular(domains.get(bands[2]));
    if (bands[0] == bands[2] && bands[1] == bands[0]) {
      return form;
    }
    if (bands[1] == bands[0] || bands[1] == bands[2]) {
      return form + " " + NAMES[0] + " · " + skin + " " + NAMES[2];
    }
    return form + " " + NAMES[0] + " · " + parts + " " + NAMES[1] + " · " + skin + " " + NAMES[2];
  }

  /** "faces" → "face", "machines" → "machine"; other names as they are. */
  static String singular(String name) {
    return name.length() > 3 && name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
  }

  /**
   * The band of style layer {@code layer} of {@code layers}: the levels (two layers each, one per
   * doubling of the picture's size) are shared out in thirds, coarse first.
   */
  public static int of(int layer, int layers) {
    int levels = Math.max(1, layers / 2);
    return Math.min(COUNT - 1, (layer / 2) * COUNT / levels);
  }
}
