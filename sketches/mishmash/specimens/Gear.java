package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.List;
import java.util.Random;
import processing.core.PGraphics;

/** One gear: where it is, how many teeth, how it is turned; and how a gear is drawn. */
final class Gear {

  float x, y, angle;
  int teeth;
  int metal;
  int style;

  Gear(float x, float y, int teeth, float angle, int metal, int style) {
    this.x = x;
    this.y = y;
    this.teeth = teeth;
    this.angle = angle;
    this.metal = metal;
    this.style = style;
  }

  /**
   * Grows a train of gears that really mesh: each new gear touches one already placed, its teeth
   * in the other's gaps, and stays clear of all the others and within {@code reach} units of the
   * 256 canvas. Teeth from minTeeth to minTeeth + moreTeeth; a new gear is of its parent's metal,
   * or with {@code mixed} sometimes of another; style -1 picks holes, spokes or a groove at random.
   */
  static void mesh(Random rnd, List<Gear> gears, int wanted, float module, int minTeeth, int moreTeeth, float reach,
      boolean mixed, int style) {
    for (int tries = 0; tries < 400 && gears.size() < wanted; tries++) {
      Gear parent = gears.get(rnd.nextInt(gears.size()));
      int teeth = minTeeth + rnd.nextInt(moreTeeth);
      float theta = rnd.nextFloat() * TWO_PI;
      float distance = module * (parent.teeth + teeth) / 2;
      float x = parent.x + cos(theta) * distance;
      float y = parent.y + sin(theta) * distance;
      boolean free = x > -reach && x < 256 + reach && y > -reach && y < 256 + reach;
      for (Gear other : gears) {
        if (other != parent && dist(x, y, other.x, other.y) < module * (other.teeth + teeth) / 2 + 2.5f * module + 4) {
          free = false;
        }
      }
      if (free) {
        // turn the new gear so that its teeth fall into the gaps of its parent
        float angle = theta + PI + PI / teeth - (parent.angle - theta) * parent.teeth / teeth;
        int metal = mixed && chance(rnd, 0.5f) ? METALS[rnd.nextInt(METALS.length)] : parent.metal;
        gears.add(new Gear(x, y, teeth, angle, metal, style < 0 ? rnd.nextInt(3) : style));
      }
    }
  }

  /** A gear with teeth, a shaded face, holes or spokes, and a hub. */
  static void gear(PGraphics g, Random rnd, Gear gear, float module, float lamp) {
    float pitch = gear.teeth * module / 2;
    float body = pitch - 1.15f * module;
    int metal = gear.metal;
    g.fill(metal);
    g.stroke(darker(metal, 0.55f));
    g.strokeWeight(1);
    gearOutline(g, gear.x, gear.y, gear.teeth, module, gear.angle);
    g.noStroke();
    metalDisc(g, gear.x, gear.y, body * 2, metal, lamp);
    if (body > 22) {
      if (gear.style == 0) {
        // lightening holes
        int holes = 4 + rnd.nextInt(3);
        for (int i = 0; i < holes; i++) {
          float a = gear.angle + TWO_PI * i / holes;
          float hx = gear.x + cos(a) * body * 0.55f;
          float hy = gear.y + sin(a) * body * 0.55f;
          g.fill(darker(metal, 0.5f));
          g.ellipse(hx, hy, body * 0.42f, body * 0.42f);
          g.fill(0xFF101010);
          g.ellipse(hx + 1, hy + 1, body * 0.36f, body * 0.36f);
        }
      } else if (gear.style == 1) {
        // spokes: a dark ring with bars across it
        g.fill(0xFF101010);
        g.ellipse(gear.x, gear.y, body * 1.6f, body * 1.6f);
        int spokes = 4 + rnd.nextInt(3);
        g.stroke(metal);
        g.strokeCap(SQUARE);
        g.strokeWeight(body * 0.16f);
        for (int i = 0; i < spokes; i++) {
          float a = gear.angle + TWO_PI * i / spokes;
          g.line(gear.x, gear.y, gear.x + cos(a) * body * 0.82f, gear.y + sin(a) * body * 0.82f);
        }
        g.strokeCap(ROUND);
        g.noStroke();
      } else {
        // a machined groove
        g.noFill();
        g.stroke(darker(metal, 0.45f), 160);
        g.strokeWeight(2);
        g.ellipse(gear.x, gear.y, body * 1.5f, body * 1.5f);
        g.noStroke();
      }
    }
    // the hub and the hole for the axle, with its keyway
    float hub = max(9, body * 0.55f);
    metalDisc(g, gear.x, gear.y, hub, lighter(metal, 0.1f), lamp + PI / 4);
    g.fill(0xFF0E0E0E);
    g.ellipse(gear.x, gear.y, hub * 0.45f, hub * 0.45f);
    g.push();
    g.translate(gear.x, gear.y);
    g.rotate(gear.angle);
    g.rect(-hub * 0.06f, -hub * 0.3f, hub * 0.12f, hub * 0.12f);
    g.pop();
    // a bright edge on the side facing the lamp
    g.noFill();
    g.stroke(255, 90);
    g.strokeWeight(1.5f);
    g.arc(gear.x, gear.y, body * 2 - 2, body * 2 - 2, lamp - 0.9f, lamp + 0.9f);
    g.noStroke();
  }

  /** The shadow a gear casts on the plate behind it, down and to the right. */
  static void gearShadow(PGraphics g, Gear gear, float module) {
    g.fill(0, 100);
    gearOutline(g, gear.x + 5, gear.y + 6, gear.teeth, module, gear.angle);
  }

  /** The outline of a gear: teeth all around, each a trapezoid standing on the root circle. */
  static void gearOutline(PGraphics g, float x, float y, int teeth, float module, float angle) {
    float pitch = teeth * module / 2;     // the pitch circle, where meshing teeth touch
    float tip = pitch + module;
    float root = pitch - 1.25f * module;
    float step = TWO_PI / teeth;
    g.beginShape();
    for (int i = 0; i < teeth; i++) {
      float a = angle + i * step;
      g.vertex(x + cos(a - 0.32f * step) * root, y + sin(a - 0.32f * step) * root);
      g.vertex(x + cos(a - 0.17f * step) * tip, y + sin(a - 0.17f * step) * tip);
      g.vertex(x + cos(a + 0.17f * step) * tip, y + sin(a + 0.17f * step) * tip);
      g.vertex(x + cos(a + 0.32f * step) * root, y + sin(a + 0.32f * step) * root);
    }
    g.endShape(CLOSE);
  }
}
