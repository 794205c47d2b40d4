package mishmash.specimens;

import static processing.core.PConstants.ROUND;

import java.util.Random;
import java.util.function.Supplier;
import processing.core.PGraphics;

/** One specimen — a face, a machine or a cell — drawn from its seed onto any canvas. */
public final class Specimen {

  /** The three kinds, in order: kind 0 is a face, 1 a machine, 2 a cell. Also the folder names of the data set. */
  public static final String[] DOMAINS = {"faces", "machines", "cells"};

  /** Every drawing is made on a CANVAS × CANVAS square and scaled to fit. */
  public static final float CANVAS = 256;

  /**
   * Draws specimen {@code kind} from {@code seed}, filling the whole of {@code g}, and returns what
   * decided the picture (a face's age, a machine's kind, a cell's stain…). Every random choice comes
   * from one {@code Random} made from the seed, so the same seed always draws the same picture.
   */
  public static Attributes draw(PGraphics g, int kind, long seed) {
    Random rnd = new Random(stir(seed));
    return onCanvas(g, () -> switch (kind) {
      case 0 -> Faces.draw(g, rnd);
      case 1 -> Machines.draw(g, rnd);
      default -> Cells.draw(g, rnd);
    });
  }

  /**
   * Runs a drawing on the CANVAS × CANVAS square scaled to fill g, starting from a clean state
   * (no clip, no stroke, normal blending) and leaving none of its state behind.
   */
  static <T> T onCanvas(PGraphics g, Supplier<T> drawing) {
    g.beginDraw();
    g.push();
    g.noClip();
    g.blendMode(PGraphics.BLEND);
    g.scale(g.width / CANVAS, g.height / CANVAS);
    g.noStroke();
    g.strokeCap(ROUND);
    g.strokeJoin(ROUND);
    T result = drawing.get();
    g.noClip();
    g.blendMode(PGraphics.BLEND);
    g.pop();
    g.endDraw();
    return result;
  }

  /**
   * Stirs the seed (SplitMix64) before it seeds the Random: Java's Random gives almost the same
   * first number for neighbouring seeds, and pictures 0, 1, 2 … of a data set have neighbouring seeds.
   */
  static long stir(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private Specimen() {
  }
}
