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

/** The movement of a mechanical watch: a decorated plate, bridges held by blued screws, small gears on ruby jewels, the balance wheel. */
final class Watch {

  /** Plate colours: gilt brass, rhodium silver, rose gold, dark ruthenium. */
  static final int[] PLATES = {0xFFC8AC70, 0xFFC8CCD0, 0xFFD0A088, 0xFF5A5C62};

  static void draw(PGraphics g, Random rnd, float lamp, Attributes about) {
    int plate = PLATES[rnd.nextInt(PLATES.length)];
    int gearMetal = pick(rnd, GOLD, BRASS, CHROME, COPPER);
    g.background(darker(plate, 0.6f));
    g.push();
    camera(g, rnd, about, 0.9f, 2.2f, true, 20, PI);
    plate(g, rnd, plate);
    float module = range(rnd, 1.6f, 3);
    List<Gear> gears = new ArrayList<>();
    gears.add(new Gear(range(rnd, 60, 196), range(rnd, 60, 196), 30 + rnd.nextInt(50), rnd.nextFloat() * TWO_PI, gearMetal, 1));
    mesh(rnd, gears, 3 + rnd.nextInt(6), module, 10, 60, 20, false, 1);
    for (Gear gear : gears) {
      gearShadow(g, gear, module);
    }
    for (Gear gear : gears) {
      gear(g, rnd, gear, module, lamp);
      jewel(g, gear.x, gear.y, 7);
    }
    int bridges = 1 + rnd.nextInt(3);
    for (int i = 0; i < bridges; i++) {
      bridge(g, rnd, plate, lamp, gears.get(rnd.nextInt(gears.size())));
    }
    float r = range(rnd, 24, 48);
    balanceWheel(g, rnd, range(rnd, 40, 216), range(rnd, 40, 216), r);
    int screws = 2 + rnd.nextInt(5);
    for (int i = 0; i < screws; i++) {
      bolt(g, rnd, range(rnd, 15, 241), range(rnd, 15, 241), range(rnd, 4, 7), BLUED);
    }
    g.pop();
    about.put("material", material(gearMetal)).put("gears", gears.size()).put("parts", gears.size() + bridges + screws + 1);
  }

  /** The plate, decorated with overlapping polished circles (perlage) or stripes (Geneva waves). */
  static void plate(PGraphics g, Random rnd, int plate) {
    verticalGradient(g, -60, -60, 376, 376, lighter(plate, 0.15f), darker(plate, 0.25f));
    if (chance(rnd, 0.5f)) {
      float step = range(rnd, 11, 16);
      g.stroke(lighter(plate, 0.4f), 60);
      g.strokeWeight(1);
      for (float y = -40; y < 296; y += step) {
        for (float x = -40; x < 296; x += step) {
          g.fill(darker(plate, 0.2f), 40);
          g.ellipse(x, y, step * 1.5f, step * 1.5f);
          g.fill(lighter(plate, 0.3f), 35);
          g.ellipse(x - step * 0.15f, y - step * 0.15f, step * 0.8f, step * 0.8f);
        }
      }
    } else {
      float step = range(rnd, 12, 22);
      float a = range(rnd, -0.6f, 0.6f);
      g.push();
      g.translate(128, 128);
      g.rotate(a);
      for (float x = -220; x < 220; x += step) {
        linearFill(g, x, 0, lighter(plate, 0.25f), x + step, 0, darker(plate, 0.2f));
        g.rect(x, -220, step, 440);
      }
      g.pop();
    }
    g.noStroke();
  }

  /** A bridge: a shaped plate over part of the gear train, with a bevelled edge, screws and a jewel. */
  static void bridge(PGraphics g, Random rnd, int plate, float lamp, Gear over) {
    float a = rnd.nextFloat() * TWO_PI;
    float len = range(rnd, 60, 140);
    float w = range(rnd, 18, 34);
    g.push();
    g.translate(over.x, over.y);
    g.rotate(a);
    g.fill(0, 100);
    g.rect(-w / 2 + 4, -w / 2 + 5, len + w, w, w / 2);
    linearFill(g, 0, -w / 2, lighter(plate, 0.25f), 0, w / 2, darker(plate, 0.3f));
    g.rect(-w / 2, -w / 2, len + w, w, w / 2);
    g.stroke(lighter(plate, 0.6f), 160);
    g.strokeWeight(1.2f);
    g.line(0, -w / 2 + 1, len, -w / 2 + 1);
    g.noStroke();
    g.pop();
    jewel(g, over.x, over.y, 8);
    bolt(g, rnd, over.x + cos(a) * len, over.y + sin(a) * len, 5, BLUED);
  }

  /** A ruby bearing, in a polished setting, with a glint. */
  static void jewel(PGraphics g, float x, float y, float d) {
    metalDisc(g, x, y, d * 1.7f, lighter(BRASS, 0.3f), -2.2f);
    radialFill(g, x - d * 0.15f, y - d * 0.15f, d * 0.6f, 0xFFE03050, 0xFF6A0818);
    g.ellipse(x, y, d, d);
    g.fill(0xFFFFB0C0);
    g.ellipse(x - d * 0.18f, y - d * 0.18f, d * 0.3f, d * 0.3f);
  }

  /** The balance wheel: a ring on spokes, with the spiral hairspring in the middle. */
  static void balanceWheel(PGraphics g, Random rnd, float x, float y, float r) {
    ring(g, x, y, r, r * 0.2f, GOLD);
    float turn = rnd.nextFloat() * TWO_PI;
    g.stroke(GOLD);
    g.strokeWeight(r * 0.1f);
    for (int i = 0; i < 3; i++) {
      float a = turn + TWO_PI * i / 3;
      g.line(x, y, x + cos(a) * r, y + sin(a) * r);
    }
    // weights round the rim
    g.noStroke();
    for (int i = 0; i < 8; i++) {
      float a = turn + TWO_PI * i / 8 + 0.2f;
      metalDisc(g, x + cos(a) * r, y + sin(a) * r, r * 0.2f, GOLD, -2.2f);
    }
    // the hairspring: a spiral whose radius grows with the angle
    g.noFill();
    g.stroke(0xFF2A3040);
    g.strokeWeight(1);
    g.beginShape();
    for (float a = 0; a < TWO_PI * 6; a += 0.2f) {
      float d = 3 + a * r * 0.62f / (TWO_PI * 6);
      g.vertex(x + cos(a + turn) * d, y + sin(a + turn) * d);
    }
    g.endShape();
    g.noStroke();
    jewel(g, x, y, 7);
  }

  private Watch() {
  }
}
