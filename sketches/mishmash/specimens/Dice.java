package mishmash.specimens;

import java.util.Random;

/**
 * Random choices, all made with the one {@code Random} of a specimen, so a seed always draws the
 * same picture. Each call takes exactly one number from it (so the order of calls is the picture).
 */
public final class Dice {

  /** A number between lo and hi. */
  public static float range(Random rnd, float lo, float hi) {
    return lo + rnd.nextFloat() * (hi - lo);
  }

  /** True with probability p (0 never, 1 always). */
  public static boolean chance(Random rnd, float p) {
    return rnd.nextFloat() < p;
  }

  /** One of the options (colours, sizes…). */
  public static int pick(Random rnd, int... options) {
    return options[rnd.nextInt(options.length)];
  }

  /** One of the options. */
  public static float pick(Random rnd, float... options) {
    return options[rnd.nextInt(options.length)];
  }

  /** One of the names. */
  public static String pick(Random rnd, String... options) {
    return options[rnd.nextInt(options.length)];
  }

  private Dice() {
  }
}
