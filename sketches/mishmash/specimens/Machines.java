package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/**
 * A machine, photographed close up: one of twelve kinds, each in its own class, each composed
 * anew every time — how many parts, where, how large, seen from which side, in which light and
 * made of which metal.
 */
public final class Machines {

  // ---- Palettes shared by every machine. Colours are 0xAARRGGBB. ----

  /** Metals, by name: gears, bolts, discs and cylinders are made of these. */
  static final int STEEL = 0xFF9AA3AD, DARK_STEEL = 0xFF5A616A, CHROME = 0xFFCDD3DA, BRASS = 0xFFC9A047,
      COPPER = 0xFFC2703E, BRONZE = 0xFF9C6B3A, ALUMINIUM = 0xFFB8BEC4, GOLD = 0xFFE0B850, BLUED = 0xFF3A4E8A,
      BLACK_OXIDE = 0xFF2C2E32;

  /** All the metals, to pick one at random, and their names for attributes.jsonl. */
  static final int[] METALS = {STEEL, DARK_STEEL, CHROME, BRASS, COPPER, BRONZE, ALUMINIUM, GOLD, BLACK_OXIDE};
  static final String[] METAL_NAMES = {"steel", "dark steel", "chrome", "brass", "copper", "bronze", "aluminium", "gold",
      "black oxide"};

  /** Industrial paints: signal red, yellow, orange, green, blue, black, cream, grey-green, machine grey, teal. */
  static final int[] PAINTS = {0xFFB8322A, 0xFFE3AE26, 0xFFD9661F, 0xFF3E7A4A, 0xFF2E5C9A, 0xFF2A2B2E,
      0xFFD8D2C0, 0xFF5E7F86, 0xFF7A7F86, 0xFF2E7A80};

  /** Circuit boards: green, dark green, blue, black, red, purple, white. */
  static final int[] BOARDS = {0xFF1D5A36, 0xFF14402A, 0xFF1E3E78, 0xFF16181C, 0xFF7A1E22, 0xFF3A2260, 0xFFDADCD6};

  /** The kinds of machine, with how often each is drawn (relative). */
  static final String[] KINDS = {"gears", "watch", "engine", "turbine", "circuit board", "chip", "control panel", "keyboard",
      "radio", "pipes", "robot arm", "motor"};
  static final float[] WEIGHTS = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  /** A machine from the seed; returns what decided it. */
  public static Attributes draw(PGraphics g, Random rnd) {
    String kind = KINDS[weighted(rnd, WEIGHTS)];
    int m = rnd.nextInt(METALS.length);                // the main metal of the parts
    float lamp = range(rnd, -PI, PI);                  // where the light comes from: an angle
    // the main metal; kinds made of something else (a board, a chip, paint) say so in their own draw()
    Attributes about = new Attributes().put("kind", kind).put("material", METAL_NAMES[m]).put("light", lamp);
    int metal = METALS[m];
    switch (kind) {
      case "gears" -> GearTrain.draw(g, rnd, metal, lamp, about);
      case "watch" -> Watch.draw(g, rnd, lamp, about);
      case "engine" -> Engine.draw(g, rnd, metal, lamp, about);
      case "turbine" -> Turbine.draw(g, rnd, metal, lamp, about);
      case "circuit board" -> CircuitBoard.draw(g, rnd, lamp, about);
      case "chip" -> ChipDie.draw(g, rnd, lamp, about);
      case "control panel" -> ControlPanel.draw(g, rnd, lamp, about);
      case "keyboard" -> Keyboard.draw(g, rnd, lamp, about);
      case "radio" -> Radio.draw(g, rnd, metal, lamp, about);
      case "pipes" -> Pipes.draw(g, rnd, metal, lamp, about);
      case "robot arm" -> RobotArm.draw(g, rnd, lamp, about);
      default -> Motor.draw(g, rnd, lamp, about);
    }
    light(g, rnd, lamp);
    return about;
  }

  /**
   * Looks at the machine from somewhere else: zooms in or out (zoomMin … zoomMax), turns it (by up
   * to {@code turn}; PI for any way up), moves off its middle by up to {@code wander} (a close-up of
   * one side), and for flat machines (a board, a watch) may tilt it away so that circles become
   * ellipses. Call it before drawing the parts, inside push() … pop(); it writes scale, angle and
   * tilt into the attributes.
   */
  static void camera(PGraphics g, Random rnd, Attributes about, float zoomMin, float zoomMax, boolean tilts, float wander,
      float turn) {
    float zoom = range(rnd, zoomMin, zoomMax);
    float angle = range(rnd, -turn, turn);
    float tilt = tilts && chance(rnd, 0.5f) ? range(rnd, 0.55f, 0.95f) : 1;
    g.translate(128 + range(rnd, -wander, wander), 128 + range(rnd, -wander, wander));
    if (tilt < 1) {
      float axis = range(rnd, 0, PI);
      g.rotate(axis);
      g.scale(1, tilt);
      g.rotate(-axis);
    }
    g.rotate(angle);
    g.scale(zoom);
    g.translate(-128, -128);
    about.put("scale", zoom).put("angle", angle).put("tilt", tilt);
  }

  /** The light of the photograph: brighter towards the lamp, darker away from it, and darker corners. */
  static void light(PGraphics g, Random rnd, float lamp) {
    float x = 128 + cos(lamp) * 180;
    float y = 128 + sin(lamp) * 180;
    g.noStroke();
    linearFill(g, x, y, 0x20FFFFF0, 256 - x, 256 - y, (int) range(rnd, 20, 80) << 24);
    g.rect(-2, -2, 260, 260);
    if (chance(rnd, 0.5f)) {
      vignette(g, range(rnd, 60, 196), range(rnd, 60, 196), range(rnd, 0.1f, 0.4f));
    }
  }

  /** The name of a metal of {@link #METALS}, or "paint" for any other colour. */
  static String material(int colour) {
    for (int i = 0; i < METALS.length; i++) {
      if (METALS[i] == colour) {
        return METAL_NAMES[i];
      }
    }
    return "paint";
  }

  /** The wall behind a machine: dark workshop, brushed steel, a perforated plate, wood, or paint. */
  static void backdrop(PGraphics g, Random rnd) {
    int kind = rnd.nextInt(5);
    if (kind == 0) {
      int tint = pick(rnd, 0xFF1C1E22, 0xFF221C18, 0xFF161C24, 0xFF1E2220, 0xFF2A2622);
      wall(g, rnd, lighter(tint, 0.12f), darker(tint, 0.3f));
      glow(g, range(rnd, 40, 216), range(rnd, 20, 140), range(rnd, 120, 200), lighter(tint, 0.25f), 0.5f);
    } else if (kind == 1) {
      brushedMetal(g, rnd, pick(rnd, STEEL, DARK_STEEL, 0xFF7A8088, ALUMINIUM), 0, 0, 256, 256);
    } else if (kind == 2) {
      int plate = pick(rnd, 0xFF3A3E44, 0xFF2E3236, 0xFF44403A, 0xFF585C60);
      wall(g, rnd, lighter(plate, 0.1f), darker(plate, 0.2f));
      float step = range(rnd, 9, 20);
      boolean slots = chance(rnd, 0.3f);
      for (float y = step / 2; y < 256; y += step) {
        for (float x = step / 2; x < 256; x += step) {
          g.fill(0xFF0C0C0E);
          if (slots) {
            g.rect(x - step * 0.35f, y - step * 0.12f, step * 0.7f, step * 0.24f, step * 0.12f);
          } else {
            g.ellipse(x, y, step * 0.45f, step * 0.45f);
          }
        }
      }
    } else if (kind == 3) {
      int wood = pick(rnd, 0xFF7A5434, 0xFF9A7048, 0xFF5A3C26, 0xFFB89068);
      wall(g, rnd, lighter(wood, 0.1f), darker(wood, 0.3f));
      g.noFill();
      for (int i = 0; i < 40; i++) {
        g.stroke(darker(wood, range(rnd, 0.1f, 0.4f)), range(rnd, 40, 110));
        g.strokeWeight(range(rnd, 0.6f, 2.2f));
        float y = range(rnd, -20, 276);
        g.bezier(-10, y, 80, y + range(rnd, -14, 14), 170, y + range(rnd, -14, 14), 266, y + range(rnd, -8, 8));
      }
      g.noStroke();
    } else {
      int paint = darker(PAINTS[rnd.nextInt(PAINTS.length)], range(rnd, 0.2f, 0.55f));
      wall(g, rnd, lighter(paint, 0.1f), darker(paint, 0.25f));
      g.stroke(darker(paint, 0.45f));
      g.strokeWeight(2);
      g.line(0, range(rnd, 30, 226), 256, range(rnd, 30, 226));
      g.noStroke();
    }
  }

  /** The whole picture filled with a gradient from a to b, lit from a random side. */
  static void wall(PGraphics g, Random rnd, int a, int b) {
    float angle = rnd.nextFloat() * TWO_PI;
    linearFill(g, 128 - cos(angle) * 128, 128 - sin(angle) * 128, a, 128 + cos(angle) * 128, 128 + sin(angle) * 128, b);
    g.rect(-2, -2, 260, 260);
  }

  /** A steel plate brushed in one direction: many faint light and dark lines, a broad sheen, and a bolt in each corner. */
  static void brushedMetal(PGraphics g, Random rnd, int metal, float x, float y, float w, float h) {
    float sheen = range(rnd, -0.5f, 0.5f);
    linearFill(g, x + w * (0.5f - sheen), y, x + w * (0.5f + sheen), y + h, new float[] {0, 0.45f, 0.55f, 1},
        new int[] {darker(metal, 0.25f), lighter(metal, 0.2f), lighter(metal, 0.1f), darker(metal, 0.3f)});
    g.rect(x, y, w, h);
    g.strokeWeight(1);
    for (int i = 0; i < 70; i++) {
      float ly = y + rnd.nextFloat() * h;
      g.stroke(rnd.nextBoolean() ? 0xFFFFFFFF : 0xFF000000, range(rnd, 8, 28));
      g.line(x, ly, x + w, ly + range(rnd, -2, 2));
    }
    g.noStroke();
    for (float[] c : new float[][] {{x + 12, y + 12}, {x + w - 12, y + 12}, {x + 12, y + h - 12}, {x + w - 12, y + h - 12}}) {
      bolt(g, rnd, c[0], c[1], 7, CHROME);
    }
  }

  /** One index, drawn with the relative weights given. */
  static int weighted(Random rnd, float[] weights) {
    float sum = 0;
    for (float w : weights) {
      sum += w;
    }
    float r = rnd.nextFloat() * sum;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private Machines() {
  }
}
