package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Gear.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static processing.core.PApplet.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import processing.core.PGraphics;

/** Gears that really mesh, on a plate, sometimes with a toothed rack, a shaft or a gauge. */
final class GearTrain {

  /** Gears that really mesh: each new gear touches one already placed, its teeth in the other's gaps. */
  static void draw(PGraphics g, Random rnd, int metal, float lamp, Attributes about) {
    backdrop(g, rnd);
    g.push();
    camera(g, rnd, about, 0.7f, 1.5f, true, 20, PI);
    float module = range(rnd, 3.2f, 8);                     // tooth size; gears mesh when they share it
    List<Gear> gears = new ArrayList<>();
    boolean mixed = chance(rnd, 0.4f);                       // gears of several metals
    gears.add(new Gear(range(rnd, 40, 216), range(rnd, 40, 216), 10 + rnd.nextInt(40), rnd.nextFloat() * TWO_PI, metal, rnd.nextInt(3)));
    mesh(rnd, gears, 2 + rnd.nextInt(10), module, 8, 40, 40, mixed, -1);
    for (Gear gear : gears) {
      gearShadow(g, gear, module);
    }
    for (Gear gear : gears) {
      gear(g, rnd, gear, module, lamp);
    }
    int parts = gears.size();
    // a smaller gear on the same axle as a big one
    Gear big = gears.get(0);
    if (big.teeth > 24 && chance(rnd, 0.5f)) {
      Gear small = new Gear(big.x, big.y, big.teeth / 3 + 4, rnd.nextFloat(), METALS[rnd.nextInt(METALS.length)], 2);
      gearShadow(g, small, module * 0.8f);
      gear(g, rnd, small, module * 0.8f, lamp);
      parts++;
    }
    if (chance(rnd, 0.3f)) {
      rack(g, rnd, gears.get(gears.size() - 1), module, metal);
      parts++;
    }
    g.pop();
    if (chance(rnd, 0.25f)) {
      gauge(g, rnd, range(rnd, 40, 216), range(rnd, 40, 216), range(rnd, 24, 40));
      parts++;
    }
    if (chance(rnd, 0.3f)) {
      cable(g, rnd, range(rnd, -10, 60), 270, range(rnd, 196, 266), -10, pick(rnd, 0xFF1A1A1A, 0xFFB8322A, 0xFFE3AE26, 0xFF2E5C9A));
      parts++;
    }
    about.put("gears", gears.size()).put("parts", parts);
  }

  /** A straight toothed bar meshing with a gear below it: turning the gear would slide it. */
  static void rack(PGraphics g, Random rnd, Gear gear, float module, int metal) {
    float pitch = gear.teeth * module / 2;
    g.push();
    g.translate(gear.x, gear.y);
    g.rotate(rnd.nextFloat() * TWO_PI);
    g.translate(0, -pitch);
    g.fill(0, 90);
    g.rect(-200 + 4, -module * 4 + 5, 400, module * 3);
    g.push();
    g.rotate(-HALF_PI);
    cylinder(g, module * 3, -200, 200, metal);
    g.pop();
    g.translate(0, -module * 1.5f);
    g.fill(darker(metal, 0.15f));
    float step = module * PI;
    for (float x = -200; x < 200; x += step) {
      g.quad(x - step * 0.32f, module * 1.5f, x + step * 0.32f, module * 1.5f, x + step * 0.17f, module * 2.5f, x - step * 0.17f, module * 2.5f);
    }
    g.pop();
  }

  private GearTrain() {
  }
}
