package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** A machine: a gear train, an engine, a circuit board, a control panel or a robot arm. */
public final class Machines {

  // ---- Palettes shared by every machine. Colours are 0xAARRGGBB. ----

  /** Metals, by name: gears, bolts, discs and cylinders are made of these. */
  static final int STEEL = 0xFF9AA3AD, DARK_STEEL = 0xFF5A616A, CHROME = 0xFFCDD3DA, BRASS = 0xFFC9A047,
      COPPER = 0xFFC2703E, BRONZE = 0xFF9C6B3A;

  /** All the metals, to pick one at random. */
  static final int[] METALS = {STEEL, DARK_STEEL, CHROME, BRASS, COPPER, BRONZE};

  /** Industrial paints: signal red, yellow, orange, green, blue, black, cream, grey-green. */
  static final int[] PAINTS = {0xFFB8322A, 0xFFE3AE26, 0xFFD9661F, 0xFF3E7A4A, 0xFF2E5C9A, 0xFF2A2B2E,
      0xFFD8D2C0, 0xFF5E7F86};

  /** A machine: a gear train, an engine, a circuit board, a control panel or a robot arm. */
  public static void draw(PGraphics g, Random rnd) {
    switch (rnd.nextInt(5)) {
      case 0 -> GearTrain.draw(g, rnd);
      case 1 -> Engine.draw(g, rnd);
      case 2 -> CircuitBoard.draw(g, rnd);
      case 3 -> ControlPanel.draw(g, rnd);
      default -> RobotArm.draw(g, rnd);
    }
    vignette(g, range(rnd, 0.3f, 0.8f));
  }

  /** The wall behind a machine: dark workshop, brushed steel, a perforated plate, or paint. */
  static void backdrop(PGraphics g, Random rnd) {
    int kind = rnd.nextInt(4);
    if (kind == 0) {
      int tint = pick(rnd, 0xFF1C1E22, 0xFF221C18, 0xFF161C24, 0xFF1E2220);
      verticalGradient(g, 0, 0, 256, 256, lighter(tint, 0.12f), darker(tint, 0.3f));
      glow(g, range(rnd, 60, 200), range(rnd, 40, 120), 170, lighter(tint, 0.25f), 0.5f);
    } else if (kind == 1) {
      brushedMetal(g, rnd, pick(rnd, STEEL, DARK_STEEL, 0xFF7A8088), 0, 0, 256, 256);
    } else if (kind == 2) {
      int plate = pick(rnd, 0xFF3A3E44, 0xFF2E3236, 0xFF44403A);
      g.background(plate);
      float step = range(rnd, 12, 18);
      for (float y = step / 2; y < 256; y += step) {
        for (float x = step / 2; x < 256; x += step) {
          g.fill(lighter(plate, 0.15f));
          g.ellipse(x + 0.6f, y + 0.6f, step * 0.5f, step * 0.5f);
          g.fill(0xFF0C0C0E);
          g.ellipse(x, y, step * 0.45f, step * 0.45f);
        }
      }
    } else {
      int paint = darker(PAINTS[rnd.nextInt(PAINTS.length)], range(rnd, 0.2f, 0.55f));
      verticalGradient(g, 0, 0, 256, 256, lighter(paint, 0.1f), darker(paint, 0.25f));
      g.stroke(darker(paint, 0.45f));
      g.strokeWeight(2);
      g.line(0, range(rnd, 30, 226), 256, range(rnd, 30, 226));
      g.noStroke();
    }
  }

  /** A steel plate brushed in one direction: many faint light and dark lines. */
  static void brushedMetal(PGraphics g, Random rnd, int metal, float x, float y, float w, float h) {
    verticalGradient(g, x, y, w, h, lighter(metal, 0.15f), darker(metal, 0.2f));
    g.strokeWeight(1);
    for (int i = 0; i < 90; i++) {
      float ly = y + rnd.nextFloat() * h;
      g.stroke(rnd.nextBoolean() ? 0xFFFFFFFF : 0xFF000000, range(rnd, 8, 28));
      g.line(x, ly, x + w, ly + range(rnd, -2, 2));
    }
    // a broad diagonal sheen
    g.noStroke();
    for (int i = 0; i < 6; i++) {
      g.fill(255, 10);
      float o = i * 14;
      g.quad(x + w * 0.2f + o, y, x + w * 0.55f - o * 0.3f, y, x + w * 0.2f - o * 0.3f, y + h, x - w * 0.15f + o, y + h);
    }
    for (float[] c : new float[][] {{x + 12, y + 12}, {x + w - 12, y + 12}, {x + 12, y + h - 12}, {x + w - 12, y + h - 12}}) {
      bolt(g, rnd, c[0], c[1], 7, CHROME);
    }
  }

  private Machines() {
  }
}
