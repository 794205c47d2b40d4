package mishmash.specimens;

import static processing.core.PConstants.ROUND;

import java.util.Random;
import processing.core.PGraphics;

/** One specimen — a face, a machine or a cell — drawn from its seed onto any canvas. */
public final class Specimen {

  /** The three kinds, in order: kind 0 is a face, 1 a machine, 2 a cell. Also the folder names of the data set. */
  public static final String[] DOMAINS = {"faces", "machines", "cells"};

  /** Every drawing is made on a CANVAS × CANVAS square and scaled to fit. */
  public static final float CANVAS = 256;

  /**
   * Draws specimen {@code kind} from {@code seed}, filling the whole of {@code g}. Every random
   * choice comes from one {@code Random(seed)}, so the same seed always draws the same picture.
   */
  public static void draw(PGraphics g, int kind, long seed) {
    g.beginDraw();
    g.push();
    g.scale(g.width / CANVAS, g.height / CANVAS);
    g.noStroke();
    g.strokeCap(ROUND);
    g.strokeJoin(ROUND);
    Random rnd = new Random(seed);
    if (kind == 0) {
      Faces.draw(g, rnd);
    } else if (kind == 1) {
      Machines.draw(g, rnd);
    } else {
      Cells.draw(g, rnd);
    }
    g.pop();
    g.endDraw();
  }

  private Specimen() {
  }
}
