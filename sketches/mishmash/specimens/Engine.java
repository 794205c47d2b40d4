package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Gear.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/**
 * An engine cut open: pistons on connecting rods, driven round by a crankshaft, in finned
 * cylinders — in a row, in a V, or as the star of a radial aircraft engine.
 */
final class Engine {

  static void draw(PGraphics g, Random rnd, int metal, float lamp, Attributes about) {
    backdrop(g, rnd);
    int block = chance(rnd, 0.5f) ? pick(rnd, DARK_STEEL, 0xFF6E7278, BRONZE, ALUMINIUM) : PAINTS[rnd.nextInt(PAINTS.length)];
    String layout = pick(rnd, "inline", "v", "radial");
    g.push();
    camera(g, rnd, about, 0.6f, 1.4f, false, 50, PI);
    int cylinders;
    if (layout.equals("radial")) {
      cylinders = 3 + 2 * rnd.nextInt(4);
      radial(g, rnd, cylinders, block, metal, lamp);
    } else {
      cylinders = layout.equals("v") ? 2 * (1 + rnd.nextInt(3)) : 1 + rnd.nextInt(4);
      row(g, rnd, cylinders, layout.equals("v"), block, metal, lamp);
    }
    g.pop();
    about.put("layout", layout).put("cylinders", cylinders).put("gears", 1).put("parts", cylinders * 3 + 2);
  }

  /** Cylinders side by side on one crankshaft (in a V they lean out in two banks), the flywheel behind. */
  static void row(PGraphics g, Random rnd, int n, boolean v, int block, int metal, float lamp) {
    int columns = v ? n / 2 : n;
    float spacing = min(90, 200f / columns);
    float bore = spacing * range(rnd, 0.5f, 0.7f);
    float crank = bore * range(rnd, 0.3f, 0.45f);
    float rod = bore * range(rnd, 1.3f, 1.7f);
    float cy = range(rnd, 150, 190);
    float fly = range(rnd, 60, 110);
    float spin = rnd.nextFloat() * TWO_PI;
    Gear wheel = new Gear(128 + range(rnd, -40, 40), cy, (int) (fly / 2.5f), spin, pick(rnd, DARK_STEEL, STEEL, BRASS), 1);
    gearShadow(g, wheel, 5);
    gear(g, rnd, wheel, 5, lamp);
    for (int c = 0; c < columns; c++) {
      float cx = 128 + (c - (columns - 1) / 2f) * spacing;
      float phase = spin + c * TWO_PI / columns * (rnd.nextBoolean() ? 1 : 0.5f);
      if (v) {
        float lean = range(rnd, 0.45f, 0.6f);
        cylinder(g, rnd, cx, cy, -lean, phase, bore * 0.85f, crank, rod, block, metal, lamp);
        cylinder(g, rnd, cx, cy, lean, phase + HALF_PI, bore * 0.85f, crank, rod, block, metal, lamp);
      } else {
        cylinder(g, rnd, cx, cy, 0, phase, bore, crank, rod, block, metal, lamp);
      }
    }
    // the crankshaft along the row
    bar(g, 128 - columns * spacing / 2 - 20, cy, 128 + columns * spacing / 2 + 20, cy, bore * 0.3f, STEEL);
    if (chance(rnd, 0.6f)) {
      exhaust(g, rnd, cy - crank - rod - bore);
    }
  }

  /** A radial aircraft engine seen from the front: finned cylinders in a star round the crankcase. */
  static void radial(PGraphics g, Random rnd, int n, int block, int metal, float lamp) {
    float cx = 128;
    float cy = 128;
    float reach = range(rnd, 90, 120);
    float bore = min(70, TWO_PI * reach * 0.5f / n);
    float turn = rnd.nextFloat() * TWO_PI;
    for (int i = 0; i < n; i++) {
      float a = turn + TWO_PI * i / n;
      g.push();
      g.translate(cx, cy);
      g.rotate(a + HALF_PI);
      g.fill(0, 90);
      g.rect(-bore / 2 + 4, -reach + 6, bore, reach * 0.7f, 4);
      for (float y = -reach; y < -reach * 0.35f; y += 6) {
        g.fill(darker(block, 0.4f));
        g.rect(-bore / 2 - 6, y, bore + 12, 4, 2);
        g.fill(lighter(block, 0.15f));
        g.rect(-bore / 2 - 6, y, bore + 12, 1.4f);
      }
      MachineParts.cylinder(g, bore * 0.7f, -reach - 14, -reach, block);
      // pushrods to the valves
      bar(g, -bore * 0.3f, -reach * 0.35f, -bore * 0.25f, -reach * 0.95f, 3, CHROME);
      bar(g, bore * 0.3f, -reach * 0.35f, bore * 0.25f, -reach * 0.95f, 3, CHROME);
      g.pop();
    }
    // the crankcase and the propeller hub
    g.fill(0, 110);
    g.ellipse(cx + 5, cy + 6, reach * 0.9f, reach * 0.9f);
    metalDisc(g, cx, cy, reach * 0.85f, block, lamp);
    metalDisc(g, cx, cy, reach * 0.45f, metal, lamp + 0.5f);
    for (int i = 0; i < n; i++) {
      float a = turn + TWO_PI * (i + 0.5f) / n;
      bolt(g, rnd, cx + cos(a) * reach * 0.33f, cy + sin(a) * reach * 0.33f, 4, CHROME);
    }
    bolt(g, rnd, cx, cy, 9, CHROME);
  }

  /** One cylinder, leaning by {@code axis}, with its piston where the crank puts it. */
  static void cylinder(PGraphics g, Random rnd, float cx, float cy, float axis, float spin, float bore, float crank, float rod,
      int block, int metal, float lamp) {
    float pinX = cx + cos(spin) * crank;
    float pinY = cy + sin(spin) * crank;
    // along the cylinder's axis: u points up the cylinder
    float ux = sin(axis);
    float uy = -cos(axis);
    float along = (pinX - cx) * ux + (pinY - cy) * uy;
    float across = (pinX - cx) * uy - (pinY - cy) * ux;
    float piston = along + sqrt(max(1, rod * rod - across * across));
    float top = crank + rod + bore * 0.75f + 6;
    g.push();
    g.translate(cx, cy);
    g.rotate(axis);
    g.fill(0, 90);
    g.rect(-bore / 2 - 10 + 5, -top - 16 + 6, bore + 20, top - rod + crank + 10);
    for (float y = -top; y < -rod + crank * 0.5f; y += 6.5f) {
      g.fill(darker(block, 0.35f));
      g.rect(-bore / 2 - 10, y, bore + 20, 4, 2);
      g.fill(lighter(block, 0.12f));
      g.rect(-bore / 2 - 10, y, bore + 20, 1.4f);
    }
    MachineParts.cylinder(g, bore + 8, -top, -rod + crank, block);
    g.fill(0xFF121214);
    g.rect(-bore / 2, -top + 4, bore, top - rod + crank - 4);
    MachineParts.cylinder(g, bore + 18, -top - 16, -top, block);
    g.fill(0xFFEDEAE0);
    g.rect(-3.5f, -top - 30, 7, 13, 2);
    g.fill(CHROME);
    g.rect(-2, -top - 36, 4, 7);
    float pistonH = bore * 0.7f;
    g.push();
    g.translate(0, -piston);
    MachineParts.cylinder(g, bore - 2, -pistonH * 0.35f, pistonH * 0.65f, metal);
    g.fill(0, 140);
    for (int i = 0; i < 3; i++) {
      g.rect(-bore / 2 + 1, -pistonH * 0.28f + i * 4, bore - 4, 1.5f);
    }
    g.pop();
    g.pop();
    float wx = cx + ux * piston;
    float wy = cy + uy * piston;
    bar(g, pinX, pinY, wx, wy, bore * 0.22f, metal);
    metalDisc(g, wx, wy, bore * 0.3f, CHROME, lamp);
    metalDisc(g, pinX, pinY, bore * 0.35f, CHROME, lamp);
  }

  /** A copper exhaust pipe curving away over the engine. */
  static void exhaust(PGraphics g, Random rnd, float y) {
    float side = chance(rnd, 0.5f) ? -1 : 1;
    float ex = 128 + side * 30;
    g.noFill();
    for (int pass = 0; pass < 3; pass++) {
      g.stroke(pass == 0 ? darker(COPPER, 0.5f) : pass == 1 ? COPPER : lighter(COPPER, 0.5f), pass == 2 ? 160 : 255);
      g.strokeWeight(pass == 0 ? 13 : pass == 1 ? 10 : 2.5f);
      float o = pass == 2 ? -3 : 0;
      g.bezier(ex, y + o, ex + side * 40, y - 20 + o, 128 + side * 120, y + 10 + o, 128 + side * 140, y + 90 + o);
    }
    g.noStroke();
  }

  private Engine() {
  }
}
