package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Gear.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import processing.core.PGraphics;

/** Gears that really mesh, sometimes as the movement of a watch. */
final class GearTrain {

  /** Gears that really mesh: each new gear touches one already placed, its teeth in the other's gaps. */
  static void draw(PGraphics g, Random rnd) {
    boolean watch = chance(rnd, 0.3f);              // a watch movement: small gears, ruby jewels, a balance
    if (watch) {
      watchPlate(g, rnd);
    } else {
      backdrop(g, rnd);
    }
    float module = watch ? range(rnd, 2.4f, 3.6f) : range(rnd, 4.5f, 7.5f);   // tooth size; gears mesh when they share it
    float lamp = range(rnd, -2.5f, -0.6f);           // the angle the light comes from
    List<Gear> gears = new ArrayList<>();
    int metal = watch ? pick(rnd, BRASS, BRASS, CHROME, COPPER) : METALS[rnd.nextInt(METALS.length)];
    gears.add(new Gear(range(rnd, 70, 186), range(rnd, 70, 186), 12 + rnd.nextInt(watch ? 50 : 26), rnd.nextFloat() * TWO_PI, metal,
        watch ? 1 : rnd.nextInt(3)));
    int wanted = watch ? 5 + rnd.nextInt(5) : 3 + rnd.nextInt(5);
    for (int tries = 0; tries < 300 && gears.size() < wanted; tries++) {
      Gear parent = gears.get(rnd.nextInt(gears.size()));
      int teeth = watch ? 10 + rnd.nextInt(50) : 8 + rnd.nextInt(32);
      float theta = rnd.nextFloat() * TWO_PI;
      float distance = module * (parent.teeth + teeth) / 2;
      float x = parent.x + cos(theta) * distance;
      float y = parent.y + sin(theta) * distance;
      if (x < -10 || x > 266 || y < -10 || y > 266) {
        continue;
      }
      boolean free = true;
      for (Gear other : gears) {
        if (other != parent && dist(x, y, other.x, other.y) < module * (other.teeth + teeth) / 2 + 2.5f * module + 4) {
          free = false;
        }
      }
      if (!free) {
        continue;
      }
      // turn the new gear so that its teeth fall into the gaps of its parent
      float angle = theta + PI + PI / teeth - (parent.angle - theta) * parent.teeth / teeth;
      int m = chance(rnd, 0.6f) || watch ? parent.metal : METALS[rnd.nextInt(METALS.length)];
      gears.add(new Gear(x, y, teeth, angle, m, watch ? 1 : rnd.nextInt(3)));
    }
    for (Gear gear : gears) {
      gearShadow(g, gear, module);
    }
    for (Gear gear : gears) {
      gear(g, rnd, gear, module, lamp);
      if (watch) {
        jewel(g, gear.x, gear.y, 8);
      }
    }
    if (watch) {
      balanceWheel(g, rnd, range(rnd, 50, 206), range(rnd, 50, 206), range(rnd, 26, 40));
      for (int i = 0; i < 3; i++) {
        bolt(g, rnd, range(rnd, 15, 241), range(rnd, 15, 241), 6, 0xFF3A4EA0);   // blued screws
      }
      return;
    }
    // sometimes a smaller gear sits on the same axle as a big one
    Gear big = gears.get(0);
    if (big.teeth > 24 && chance(rnd, 0.5f)) {
      Gear small = new Gear(big.x, big.y, big.teeth / 3 + 4, rnd.nextFloat(), METALS[rnd.nextInt(METALS.length)], 2);
      gearShadow(g, small, module * 0.8f);
      gear(g, rnd, small, module * 0.8f, lamp);
    }
    if (chance(rnd, 0.3f)) {
      gauge(g, rnd, range(rnd, 40, 216), range(rnd, 40, 216), range(rnd, 28, 40));
    }
    if (chance(rnd, 0.4f)) {
      cable(g, rnd, range(rnd, -10, 60), 270, range(rnd, 196, 266), -10, pick(rnd, 0xFF1A1A1A, 0xFFB8322A, 0xFFE3AE26, 0xFF2E5C9A));
    }
  }

  /** The plate of a watch movement, decorated with overlapping polished circles (perlage). */
  static void watchPlate(PGraphics g, Random rnd) {
    int plate = pick(rnd, 0xFFB8A070, 0xFFC8CCD0, 0xFFA89060, 0xFF9AA0A8);
    verticalGradient(g, 0, 0, 256, 256, lighter(plate, 0.15f), darker(plate, 0.25f));
    float step = range(rnd, 10, 14);
    g.stroke(lighter(plate, 0.4f), 70);
    g.strokeWeight(1);
    for (float y = 0; y < 266; y += step) {
      for (float x = 0; x < 266; x += step) {
        g.fill(darker(plate, 0.2f), 30);
        g.ellipse(x, y, step * 1.5f, step * 1.5f);
      }
    }
    g.noStroke();
  }

  /** A ruby bearing in a watch, with a glint. */
  static void jewel(PGraphics g, float x, float y, float d) {
    g.fill(lighter(BRASS, 0.3f));
    g.ellipse(x, y, d * 1.6f, d * 1.6f);
    g.fill(0xFF9A0C28);
    g.ellipse(x, y, d, d);
    g.fill(0xFFFF7090);
    g.ellipse(x - d * 0.18f, y - d * 0.18f, d * 0.35f, d * 0.35f);
  }

  /** The balance wheel of a watch: a ring on spokes, with the spiral hairspring in the middle. */
  static void balanceWheel(PGraphics g, Random rnd, float x, float y, float r) {
    g.noFill();
    g.stroke(0, 90);
    g.strokeWeight(r * 0.2f);
    g.ellipse(x + 4, y + 5, r * 2, r * 2);
    g.stroke(darker(BRASS, 0.45f));
    g.strokeWeight(r * 0.2f + 2);
    g.ellipse(x, y, r * 2, r * 2);
    g.stroke(BRASS);
    g.strokeWeight(r * 0.2f);
    g.ellipse(x, y, r * 2, r * 2);
    g.stroke(lighter(BRASS, 0.5f), 150);
    g.strokeWeight(1.5f);
    g.arc(x, y, r * 2, r * 2, PI, PI * 1.6f);
    float turn = rnd.nextFloat() * TWO_PI;
    g.stroke(BRASS);
    g.strokeWeight(r * 0.1f);
    for (int i = 0; i < 3; i++) {
      float a = turn + TWO_PI * i / 3;
      g.line(x, y, x + cos(a) * r, y + sin(a) * r);
    }
    // the hairspring: a spiral whose radius grows with the angle
    g.stroke(0xFF2A3040);
    g.strokeWeight(1);
    g.beginShape();
    for (float a = 0; a < TWO_PI * 5; a += 0.2f) {
      float d = 3 + a * r * 0.6f / (TWO_PI * 5);
      g.vertex(x + cos(a + turn) * d, y + sin(a + turn) * d);
    }
    g.endShape();
    g.noStroke();
    jewel(g, x, y, 7);
  }

  private GearTrain() {
  }
}
