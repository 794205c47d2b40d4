package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Gear.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** A cut-away engine: flywheel, crank, connecting rods and pistons in finned cylinders. */
final class Engine {

  /** A cut-away engine: flywheel, crank, connecting rods and pistons in finned cylinders. */
  static void draw(PGraphics g, Random rnd) {
    backdrop(g, rnd);
    float cx = 128 + range(rnd, -15, 15);
    float cy = range(rnd, 175, 200);
    float crank = range(rnd, 16, 24);               // crank throw: half the stroke
    float rod = range(rnd, 62, 78);                 // length of the connecting rod
    float spin = rnd.nextFloat() * TWO_PI;          // where the crank is in its turn
    int cylinders = chance(rnd, 0.45f) ? 2 : 1;
    float bore = cylinders == 1 ? range(rnd, 48, 64) : range(rnd, 38, 46);
    int block = chance(rnd, 0.5f) ? pick(rnd, DARK_STEEL, 0xFF6E7278, BRONZE) : PAINTS[rnd.nextInt(PAINTS.length)];
    int metal = pick(rnd, STEEL, CHROME, BRASS);

    // the whole engine is turned and scaled a little, so no two sit alike
    g.push();
    g.translate(128, 150);
    g.rotate(range(rnd, -0.35f, 0.35f));
    g.scale(range(rnd, 0.85f, 1.15f));
    g.translate(-128, -150);
    // the flywheel behind everything
    float fly = range(rnd, 70, 95);
    Gear wheel = new Gear(cx, cy, (int) (fly / 2.5f), spin, pick(rnd, DARK_STEEL, STEEL, BRASS), 1);
    gearShadow(g, wheel, 5);
    gear(g, rnd, wheel, 5, -2.2f);

    float[] axes = cylinders == 1 ? new float[] {range(rnd, -0.12f, 0.12f)} : new float[] {-range(rnd, 0.45f, 0.7f), range(rnd, 0.45f, 0.7f)};
    float pinX = cx + cos(spin) * crank;
    float pinY = cy + sin(spin) * crank;
    for (float axis : axes) {
      // along the cylinder's axis: u points up the cylinder, v across it
      float ux = sin(axis);
      float uy = -cos(axis);
      float along = (pinX - cx) * ux + (pinY - cy) * uy;
      float across = (pinX - cx) * uy - (pinY - cy) * ux;
      float piston = along + sqrt(rod * rod - across * across);   // wrist pin distance from the crank
      float top = crank + rod + bore * 0.75f + 6;                    // the cylinder head
      g.push();
      g.translate(cx, cy);
      g.rotate(axis);
      // cylinder block with cooling fins
      g.fill(0, 90);
      g.rect(-bore / 2 - 14 + 5, -top - 18 + 6, bore + 28, top - rod + crank + 10);
      for (float y = -top; y < -rod + crank * 0.5f; y += 7) {
        g.fill(darker(block, 0.35f));
        g.rect(-bore / 2 - 14, y, bore + 28, 4.5f, 2);
        g.fill(lighter(block, 0.12f));
        g.rect(-bore / 2 - 14, y, bore + 28, 1.5f);
      }
      cylinder(g, bore + 10, -top, -rod + crank, block);
      // the bore, cut open so we see the piston
      g.fill(0xFF121214);
      g.rect(-bore / 2, -top + 4, bore, top - rod + crank - 4);
      // cylinder head and spark plug
      cylinder(g, bore + 22, -top - 18, -top, block);
      g.fill(0xFFEDEAE0);
      g.rect(-4, -top - 34, 8, 14, 2);
      g.fill(CHROME);
      g.rect(-2, -top - 40, 4, 7);
      // the piston with its rings
      float pistonH = bore * 0.7f;
      g.push();
      g.translate(0, -piston);
      cylinder(g, bore - 2, -pistonH * 0.35f, pistonH * 0.65f, metal);
      g.fill(0, 140);
      for (int i = 0; i < 3; i++) {
        g.rect(-bore / 2 + 1, -pistonH * 0.28f + i * 4, bore - 4, 1.5f);
      }
      g.pop();
      g.pop();
      // connecting rod from the crank pin up to the wrist pin
      float wx = cx + ux * piston;
      float wy = cy + uy * piston;
      g.stroke(darker(metal, 0.6f));
      g.strokeWeight(bore * 0.22f + 2);
      g.line(pinX, pinY, wx, wy);
      g.stroke(metal);
      g.strokeWeight(bore * 0.22f);
      g.line(pinX, pinY, wx, wy);
      g.stroke(lighter(metal, 0.5f), 150);
      g.strokeWeight(2);
      g.line(pinX - 2, pinY - 1, wx - 2, wy - 1);
      g.noStroke();
      metalDisc(g, wx, wy, bore * 0.3f, CHROME, -2);
    }
    // the crank pin and the crankshaft in the middle of the flywheel
    metalDisc(g, pinX, pinY, 20, CHROME, -2.2f);
    bolt(g, rnd, cx, cy, 8, CHROME);
    if (chance(rnd, 0.6f)) {
      // exhaust pipe
      float side = chance(rnd, 0.5f) ? -1 : 1;
      float ex = 128 + side * 30;
      g.noFill();
      g.stroke(darker(COPPER, 0.5f));
      g.strokeWeight(13);
      g.bezier(ex, 30, ex + side * 40, 10, 128 + side * 120, 40, 128 + side * 140, 120);
      g.stroke(COPPER);
      g.strokeWeight(10);
      g.bezier(ex, 30, ex + side * 40, 10, 128 + side * 120, 40, 128 + side * 140, 120);
      g.stroke(lighter(COPPER, 0.5f), 160);
      g.strokeWeight(2.5f);
      g.bezier(ex, 27, ex + side * 40, 7, 128 + side * 117, 37, 128 + side * 137, 117);
      g.noStroke();
    }
    g.pop();
  }

  private Engine() {
  }
}
