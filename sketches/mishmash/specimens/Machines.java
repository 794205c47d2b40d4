package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.ArrayList;
import java.util.List;
import java.awt.Color;
import java.util.Random;
import processing.core.PGraphics;

/** A machine: a gear train, an engine, a circuit board, a control panel or a robot arm. */
public final class Machines {

  // Metals and paints.
  static final int STEEL = 0xFF9AA3AD, DARK_STEEL = 0xFF5A616A, CHROME = 0xFFCDD3DA, BRASS = 0xFFC9A047,
      COPPER = 0xFFC2703E, BRONZE = 0xFF9C6B3A;
  static final int[] METALS = {STEEL, DARK_STEEL, CHROME, BRASS, COPPER, BRONZE};
  static final int[] PAINTS = {0xFFB8322A, 0xFFE3AE26, 0xFFD9661F, 0xFF3E7A4A, 0xFF2E5C9A, 0xFF2A2B2E,
      0xFFD8D2C0, 0xFF5E7F86};

  /** A machine: a gear train, an engine, a circuit board, a control panel or a robot arm. */
  public static void draw(PGraphics g, Random rnd) {
    switch (rnd.nextInt(5)) {
      case 0 -> gearTrain(g, rnd);
      case 1 -> engine(g, rnd);
      case 2 -> circuitBoard(g, rnd);
      case 3 -> controlPanel(g, rnd);
      default -> robotArm(g, rnd);
    }
    vignette(g, range(rnd, 0.3f, 0.8f));
  }

  /** The wall behind a machine: dark workshop, brushed steel, a perforated plate, or paint. */
  static void machineBackdrop(PGraphics g, Random rnd) {
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

  // ---- gear trains ----

  /** One gear: where it is, how many teeth, how it is turned. */
  static final class Gear {
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
  }

  /** Gears that really mesh: each new gear touches one already placed, its teeth in the other's gaps. */
  static void gearTrain(PGraphics g, Random rnd) {
    boolean watch = chance(rnd, 0.3f);              // a watch movement: small gears, ruby jewels, a balance
    if (watch) {
      watchPlate(g, rnd);
    } else {
      machineBackdrop(g, rnd);
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

  /**
   * A disc of machined metal. Turned metal shines in a cross: a conic gradient of pie slices,
   * brightest where the slice faces the lamp and directly opposite it.
   */
  static void metalDisc(PGraphics g, float x, float y, float d, int metal, float lamp) {
    int n = 28;
    for (int i = 0; i < n; i++) {
      float a0 = TWO_PI * i / n;
      float a1 = TWO_PI * (i + 1) / n + 0.03f;
      float shine = 0.5f + 0.5f * cos(2 * ((a0 + a1) / 2 - lamp));
      g.fill(mix(darker(metal, 0.35f), lighter(metal, 0.4f), shine));
      g.arc(x, y, d, d, a0, a1, PIE);
    }
    g.noFill();
    g.stroke(darker(metal, 0.5f), 200);
    g.strokeWeight(1);
    g.ellipse(x, y, d, d);
    g.noStroke();
  }

  /** A hex bolt head seen from above, with its shadow and a cross slot. */
  static void bolt(PGraphics g, Random rnd, float x, float y, float r, int metal) {
    g.fill(0, 90);
    g.ellipse(x + 1.5f, y + 2, r * 2.1f, r * 2.1f);
    g.push();
    g.translate(x, y);
    g.rotate(rnd.nextFloat() * PI);
    g.fill(darker(metal, 0.2f));
    g.stroke(darker(metal, 0.6f));
    g.strokeWeight(0.8f);
    g.beginShape();
    for (int i = 0; i < 6; i++) {
      g.vertex(cos(i * TWO_PI / 6) * r, sin(i * TWO_PI / 6) * r);
    }
    g.endShape(CLOSE);
    g.noStroke();
    g.fill(lighter(metal, 0.25f));
    g.ellipse(-r * 0.12f, -r * 0.12f, r * 1.3f, r * 1.3f);
    g.stroke(darker(metal, 0.65f));
    g.strokeWeight(max(1, r * 0.22f));
    g.line(-r * 0.45f, 0, r * 0.45f, 0);
    if (rnd.nextBoolean()) {
      g.line(0, -r * 0.45f, 0, r * 0.45f);
    }
    g.noStroke();
    g.pop();
  }

  /**
   * A round metal part seen from the side: vertical bands from dark to a bright streak and back,
   * drawn in local coordinates (the part stands along the y axis, x from -w/2 to w/2).
   */
  static void cylinder(PGraphics g, float w, float y0, float y1, int metal) {
    int bands = 14;
    for (int i = 0; i < bands; i++) {
      float t = (i + 0.5f) / bands;
      // brightest a third of the way across, dark at both edges
      float shine = max(0, 1 - abs(t - 0.33f) * 2.6f);
      float edge = sin(t * PI);
      g.fill(mix(darker(metal, 0.6f), lighter(metal, 0.55f), 0.15f + 0.5f * edge * edge + 0.45f * shine));
      g.rect(-w / 2 + w * i / bands, min(y0, y1), w / bands + 0.6f, abs(y1 - y0));
    }
  }

  /** A dial gauge: bezel, face, ticks, a coloured danger zone, a needle and a glint on the glass. */
  static void gauge(PGraphics g, Random rnd, float x, float y, float r) {
    g.fill(0, 110);
    g.ellipse(x + 3, y + 4, r * 2.2f, r * 2.2f);
    metalDisc(g, x, y, r * 2.2f, pick(rnd, CHROME, BRASS, DARK_STEEL), -2.2f);
    boolean dark = chance(rnd, 0.4f);
    int face = dark ? 0xFF17181A : pick(rnd, 0xFFF2EEE2, 0xFFFFFFFF, 0xFFE8DDBE);
    int ink = dark ? 0xFFEDEDED : 0xFF1A1A1A;
    g.fill(face);
    g.ellipse(x, y, r * 1.8f, r * 1.8f);
    float from = PI * 0.75f;
    float to = PI * 2.25f;
    // red zone at the top of the scale
    g.noFill();
    g.strokeCap(SQUARE);
    g.stroke(0xFFD02820);
    g.strokeWeight(r * 0.12f);
    g.arc(x, y, r * 1.45f, r * 1.45f, lerp(from, to, 0.78f), to);
    if (chance(rnd, 0.6f)) {
      g.stroke(0xFF2FA040);
      g.arc(x, y, r * 1.45f, r * 1.45f, lerp(from, to, 0.3f), lerp(from, to, 0.6f));
    }
    g.stroke(ink);
    for (int i = 0; i <= 20; i++) {
      float a = lerp(from, to, i / 20f);
      float inner = i % 5 == 0 ? 0.62f : 0.72f;
      g.strokeWeight(i % 5 == 0 ? max(1.2f, r * 0.05f) : max(0.8f, r * 0.025f));
      g.line(x + cos(a) * r * inner, y + sin(a) * r * inner, x + cos(a) * r * 0.82f, y + sin(a) * r * 0.82f);
    }
    g.strokeCap(ROUND);
    float value = lerp(from, to, range(rnd, 0.1f, 0.95f));
    g.stroke(0xFFC81E1E);
    g.strokeWeight(max(1.5f, r * 0.07f));
    g.line(x - cos(value) * r * 0.15f, y - sin(value) * r * 0.15f, x + cos(value) * r * 0.75f, y + sin(value) * r * 0.75f);
    g.noStroke();
    g.fill(0xFF202020);
    g.ellipse(x, y, r * 0.22f, r * 0.22f);
    g.fill(255, 60);
    g.arc(x, y, r * 1.7f, r * 1.7f, PI * 1.05f, PI * 1.6f, CHORD);
  }

  /** A cable: a thick bezier curve with a dark edge and a highlight. */
  static void cable(PGraphics g, Random rnd, float x0, float y0, float x1, float y1, int colour) {
    float cx0 = x0 + range(rnd, -80, 80);
    float cy0 = y0 + range(rnd, -120, 0);
    float cx1 = x1 + range(rnd, -80, 80);
    float cy1 = y1 + range(rnd, 0, 120);
    float w = range(rnd, 5, 10);
    g.noFill();
    g.stroke(darker(colour, 0.6f));
    g.strokeWeight(w + 2);
    g.bezier(x0, y0, cx0, cy0, cx1, cy1, x1, y1);
    g.stroke(colour);
    g.strokeWeight(w);
    g.bezier(x0, y0, cx0, cy0, cx1, cy1, x1, y1);
    g.stroke(lighter(colour, 0.5f), 140);
    g.strokeWeight(w * 0.25f);
    g.bezier(x0 - w * 0.2f, y0 - w * 0.2f, cx0 - w * 0.2f, cy0 - w * 0.2f, cx1 - w * 0.2f, cy1 - w * 0.2f, x1 - w * 0.2f, y1 - w * 0.2f);
    g.noStroke();
  }

  // ---- engines ----

  /** A cut-away engine: flywheel, crank, connecting rods and pistons in finned cylinders. */
  static void engine(PGraphics g, Random rnd) {
    machineBackdrop(g, rnd);
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

  // ---- circuit boards ----

  /** A circuit board: copper traces with pads, chips with legs, capacitors, resistors, an LED. */
  static void circuitBoard(PGraphics g, Random rnd) {
    int board = pick(rnd, 0xFF1D5A36, 0xFF14402A, 0xFF1E3E78, 0xFF16181C, 0xFF7A1E22, 0xFF3A2260);
    verticalGradient(g, 0, 0, 256, 256, lighter(board, 0.1f), darker(board, 0.25f));
    int copper = chance(rnd, 0.5f) ? 0xFFD8B060 : lighter(board, 0.3f);
    float grid = 8;
    // traces: lines that only turn by 45 degrees, with a pad at each end
    g.noFill();
    int traces = 30 + rnd.nextInt(30);
    for (int i = 0; i < traces; i++) {
      float x = grid * rnd.nextInt(33);
      float y = grid * rnd.nextInt(33);
      int dir = rnd.nextInt(8);
      g.stroke(copper, 220);
      g.strokeWeight(chance(rnd, 0.2f) ? 3.5f : 2);
      g.beginShape();
      g.vertex(x, y);
      int turns = 1 + rnd.nextInt(3);
      for (int t = 0; t < turns; t++) {
        float len = grid * (2 + rnd.nextInt(9));
        x += cos(dir * QUARTER_PI) * len;
        y += sin(dir * QUARTER_PI) * len;
        g.vertex(x, y);
        dir = (dir + (rnd.nextBoolean() ? 1 : 7)) % 8;
      }
      g.endShape();
      g.noStroke();
      g.fill(0xFFE0C070);
      g.ellipse(x, y, 7, 7);
      g.fill(darker(board, 0.5f));
      g.ellipse(x, y, 2.6f, 2.6f);
      g.noFill();
    }
    g.noStroke();
    // components, placed where there is room
    List<float[]> taken = new ArrayList<>();
    int chips = 1 + rnd.nextInt(3);
    for (int i = 0; i < chips; i++) {
      float w = range(rnd, 40, 80);
      float h = chance(rnd, 0.5f) ? w : range(rnd, 22, 34);
      float[] spot = place(rnd, taken, w + 12, h + 12);
      if (spot != null) {
        chip(g, rnd, spot[0] + 6, spot[1] + 6, w, h);
      }
    }
    if (chance(rnd, 0.5f)) {
      float[] spot = place(rnd, taken, 70, 70);
      if (spot != null) {
        if (rnd.nextBoolean()) {
          fan(g, rnd, spot[0] + 35, spot[1] + 35, 33);
        } else {
          heatSink(g, rnd, spot[0] + 4, spot[1] + 4, 62, 62);
        }
      }
    }
    int caps = 2 + rnd.nextInt(6);
    for (int i = 0; i < caps; i++) {
      float d = range(rnd, 14, 26);
      float[] spot = place(rnd, taken, d + 4, d + 4);
      if (spot != null) {
        capacitor(g, rnd, spot[0] + d / 2 + 2, spot[1] + d / 2 + 2, d);
      }
    }
    int resistors = 3 + rnd.nextInt(8);
    for (int i = 0; i < resistors; i++) {
      boolean upright = rnd.nextBoolean();
      float[] spot = place(rnd, taken, upright ? 10 : 34, upright ? 34 : 10);
      if (spot != null) {
        resistor(g, rnd, spot[0] + (upright ? 5 : 17), spot[1] + (upright ? 17 : 5), upright);
      }
    }
    for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
      float[] spot = place(rnd, taken, 14, 14);
      if (spot != null) {
        int colour = pick(rnd, 0xFFFF3030, 0xFF30FF50, 0xFF30A0FF, 0xFFFFB020);
        glow(g, spot[0] + 7, spot[1] + 7, 20, colour, 0.35f);
        g.fill(lighter(colour, 0.5f));
        g.ellipse(spot[0] + 7, spot[1] + 7, 7, 7);
      }
    }
    if (chance(rnd, 0.3f)) {
      // a row of header pins with a ribbon cable
      float x = range(rnd, 20, 120);
      float y = range(rnd, 200, 230);
      g.fill(0xFF111111);
      g.rect(x, y, 100, 14, 2);
      for (int i = 0; i < 12; i++) {
        g.fill(0xFFE0C070);
        g.rect(x + 4 + i * 8, y + 4, 5, 5);
      }
      for (int i = 0; i < 10; i++) {
        g.fill(Color.HSBtoRGB(i / 10f, 0.6f, 0.8f));
        g.rect(x + 2 + i * 9.6f, y + 14, 9.6f, 60);
      }
    }
    for (float[] c : new float[][] {{10, 10}, {246, 10}, {10, 246}, {246, 246}}) {
      g.fill(0xFFD8C080);
      g.ellipse(c[0], c[1], 14, 14);
      g.fill(0xFF0C0C0C);
      g.ellipse(c[0], c[1], 8, 8);
    }
  }

  /** Finds a free rectangle of size w × h on the board (or null), and marks it as taken. */
  static float[] place(Random rnd, List<float[]> taken, float w, float h) {
    for (int tries = 0; tries < 40; tries++) {
      float x = range(rnd, 4, 252 - w);
      float y = range(rnd, 4, 252 - h);
      boolean free = true;
      for (float[] t : taken) {
        if (x < t[0] + t[2] && t[0] < x + w && y < t[1] + t[3] && t[1] < y + h) {
          free = false;
          break;
        }
      }
      if (free) {
        float[] spot = {x, y, w, h};
        taken.add(spot);
        return spot;
      }
    }
    return null;
  }

  /** A chip: black body, silver legs on two or four sides, a dot that marks pin 1, a printed label. */
  static void chip(PGraphics g, Random rnd, float x, float y, float w, float h) {
    boolean fourSides = w == h;
    g.fill(0, 110);
    g.rect(x + 3, y + 4, w, h, 2);
    g.fill(0xFFC8CCD0);
    float pitch = 5;
    for (float p = x + 4; p < x + w - 3; p += pitch) {
      g.rect(p, y - 4, 2.5f, 5);
      g.rect(p, y + h - 1, 2.5f, 5);
    }
    if (fourSides) {
      for (float p = y + 4; p < y + h - 3; p += pitch) {
        g.rect(x - 4, p, 5, 2.5f);
        g.rect(x + w - 1, p, 5, 2.5f);
      }
    }
    g.fill(pick(rnd, 0xFF18191B, 0xFF222326, 0xFF1A1C24));
    g.rect(x, y, w, h, 2);
    g.fill(255, 25);
    g.rect(x + 1, y + 1, w - 2, h * 0.3f, 2);
    g.fill(0xFF3A3B3E);
    g.ellipse(x + 6, y + 6, 4, 4);
    g.fill(0xFFB8B8B8);
    g.rect(x + w * 0.2f, y + h * 0.42f, w * 0.6f, 2.2f);
    g.rect(x + w * 0.2f, y + h * 0.42f + 5, w * 0.4f, 2.2f);
  }

  /** A cooling fan: a frame with screws and curved blades. */
  static void fan(PGraphics g, Random rnd, float x, float y, float r) {
    g.fill(0, 110);
    g.rect(x - r + 4, y - r + 5, r * 2, r * 2, 5);
    g.fill(0xFF1C1D20);
    g.rect(x - r, y - r, r * 2, r * 2, 5);
    g.fill(0xFF08080A);
    g.ellipse(x, y, r * 1.85f, r * 1.85f);
    int blades = 7;
    float turn = rnd.nextFloat();
    g.fill(0xFF2E3034);
    g.stroke(0xFF44474C);
    g.strokeWeight(1);
    for (int i = 0; i < blades; i++) {
      float a = turn + TWO_PI * i / blades;
      g.beginShape();
      g.vertex(x + cos(a) * r * 0.3f, y + sin(a) * r * 0.3f);
      g.bezierVertex(x + cos(a + 0.3f) * r * 0.7f, y + sin(a + 0.3f) * r * 0.7f, x + cos(a + 0.5f) * r * 0.9f, y + sin(a + 0.5f) * r * 0.9f,
          x + cos(a + 0.7f) * r * 0.88f, y + sin(a + 0.7f) * r * 0.88f);
      g.bezierVertex(x + cos(a + 0.9f) * r * 0.6f, y + sin(a + 0.9f) * r * 0.6f, x + cos(a + 0.8f) * r * 0.4f, y + sin(a + 0.8f) * r * 0.4f,
          x + cos(a + 0.6f) * r * 0.3f, y + sin(a + 0.6f) * r * 0.3f);
      g.endShape(CLOSE);
    }
    g.noStroke();
    g.fill(0xFF3A3C40);
    g.ellipse(x, y, r * 0.62f, r * 0.62f);
    g.fill(0xFF9AA0A6);
    for (float[] c : new float[][] {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}}) {
      g.ellipse(x + c[0] * r * 0.82f, y + c[1] * r * 0.82f, 5, 5);
    }
  }

  /** An aluminium heat sink: a row of fins casting shadows. */
  static void heatSink(PGraphics g, Random rnd, float x, float y, float w, float h) {
    g.fill(0, 110);
    g.rect(x + 4, y + 5, w, h, 2);
    int fins = 7 + rnd.nextInt(4);
    float fw = w / fins;
    for (int i = 0; i < fins; i++) {
      g.push();
      g.translate(x + fw * (i + 0.5f), 0);
      cylinder(g, fw * 0.75f, y, y + h, 0xFFB8BEC6);
      g.pop();
    }
  }

  /** An electrolytic capacitor seen from above: a coloured sleeve and a scored silver top. */
  static void capacitor(PGraphics g, Random rnd, float x, float y, float d) {
    int sleeve = pick(rnd, 0xFF1E3A8A, 0xFF161616, 0xFF2A6A3A, 0xFF7A5A20);
    g.fill(0, 110);
    g.ellipse(x + 2, y + 3, d, d);
    g.fill(sleeve);
    g.ellipse(x, y, d, d);
    g.fill(lighter(sleeve, 0.35f));
    g.arc(x, y, d, d, HALF_PI * 0.5f, HALF_PI * 1.5f, PIE);
    metalDisc(g, x, y, d * 0.78f, 0xFFB8BEC6, -2);
    g.stroke(0xFF707880);
    g.strokeWeight(1.2f);
    g.line(x - d * 0.25f, y, x + d * 0.25f, y);
    g.line(x, y - d * 0.25f, x, y + d * 0.25f);
    g.noStroke();
  }

  /** A resistor: a beige body with coloured bands, and its wire legs. */
  static void resistor(PGraphics g, Random rnd, float x, float y, boolean upright) {
    g.push();
    g.translate(x, y);
    if (upright) {
      g.rotate(HALF_PI);
    }
    g.stroke(0xFFB8BEC6);
    g.strokeWeight(1.5f);
    g.line(-17, 0, 17, 0);
    g.noStroke();
    g.fill(0, 100);
    g.rect(-9, -3, 20, 9, 4);
    g.fill(pick(rnd, 0xFFD8C49A, 0xFF7FA8C8, 0xFFC8B080));
    g.rect(-10, -4.5f, 20, 9, 4);
    int[] bands = {0xFF8A4A20, 0xFF111111, 0xFFD02020, 0xFFE08020, 0xFFE0D020, 0xFF20A040, 0xFF2040C0, 0xFFD0A040};
    for (int i = 0; i < 4; i++) {
      g.fill(bands[rnd.nextInt(bands.length)]);
      g.rect(-6 + i * 4 + (i == 3 ? 2 : 0), -4.5f, 2, 9);
    }
    g.fill(255, 60);
    g.rect(-9, -3.5f, 18, 2, 1);
    g.pop();
  }

  // ---- control panels ----

  /** A control panel: painted steel with gauges, knobs, switches, lamps, a screen and vents. */
  static void controlPanel(PGraphics g, Random rnd) {
    int paint = pick(rnd, 0xFF5E7F86, 0xFF8A8F80, 0xFFD8D2C0, 0xFF3A4A3E, 0xFF2E3A4E, 0xFFB8A060, 0xFF6A6E74);
    verticalGradient(g, 0, 0, 256, 256, lighter(paint, 0.12f), darker(paint, 0.25f));
    // the panel is split into rows, each row into a few bays, each bay holds one kind of control
    int rowCount = 2 + rnd.nextInt(2);
    float y = 0;
    for (int r = 0; r < rowCount; r++) {
      float h = r == rowCount - 1 ? 256 - y : 256 / (float) rowCount * range(rnd, 0.8f, 1.2f);
      int bays = 1 + rnd.nextInt(3);
      for (int b = 0; b < bays; b++) {
        float x = 256f * b / bays;
        float w = 256f / bays;
        bay(g, rnd, x, y, w, h, paint);
      }
      g.stroke(darker(paint, 0.5f));
      g.strokeWeight(2);
      g.line(0, y + h, 256, y + h);
      g.stroke(lighter(paint, 0.3f));
      g.strokeWeight(1);
      g.line(0, y + h + 2, 256, y + h + 2);
      g.noStroke();
      y += h;
    }
    for (float[] c : new float[][] {{8, 8}, {248, 8}, {8, 248}, {248, 248}}) {
      bolt(g, rnd, c[0], c[1], 5, CHROME);
    }
    if (chance(rnd, 0.3f)) {
      // hazard stripes along the bottom
      g.fill(0xFFE3B020);
      g.rect(0, 236, 256, 20);
      g.fill(0xFF151515);
      for (float x = -20; x < 270; x += 20) {
        g.quad(x, 256, x + 10, 256, x + 20, 236, x + 10, 236);
      }
    }
  }

  /** One bay of a control panel. */
  static void bay(PGraphics g, Random rnd, float x, float y, float w, float h, int paint) {
    float cx = x + w / 2;
    float cy = y + h / 2;
    float s = min(w, h);
    switch (rnd.nextInt(6)) {
      case 0, 1 -> gauge(g, rnd, cx, cy, s * range(rnd, 0.3f, 0.4f));
      case 2 -> {
        // knobs with pointer lines and knurled edges
        int n = max(1, (int) (w / 50));
        for (int i = 0; i < n; i++) {
          float kx = x + w * (i + 0.5f) / n;
          float r = min(w / n, h) * 0.3f;
          knob(g, rnd, kx, cy, r);
        }
      }
      case 3 -> {
        // toggle switches over a row of lamps
        int n = max(2, (int) (w / 26));
        for (int i = 0; i < n; i++) {
          float sx = x + w * (i + 0.5f) / n;
          toggle(g, rnd, sx, cy - h * 0.12f, min(12, w / n * 0.35f));
          lamp(g, rnd, sx, cy + h * 0.28f, min(9, w / n * 0.3f));
        }
      }
      case 4 -> {
        // an oscilloscope screen with a glowing trace
        float sw = w * 0.8f;
        float sh = h * 0.7f;
        g.fill(darker(paint, 0.6f));
        g.rect(cx - sw / 2 - 5, cy - sh / 2 - 5, sw + 10, sh + 10, 6);
        g.fill(0xFF06140C);
        g.rect(cx - sw / 2, cy - sh / 2, sw, sh, 4);
        int glow = pick(rnd, 0xFF40FF80, 0xFFFFB030, 0xFF40C0FF);
        g.stroke(glow, 40);
        g.strokeWeight(1);
        for (int i = 1; i < 4; i++) {
          g.line(cx - sw / 2, cy - sh / 2 + sh * i / 4, cx + sw / 2, cy - sh / 2 + sh * i / 4);
          g.line(cx - sw / 2 + sw * i / 4, cy - sh / 2, cx - sw / 2 + sw * i / 4, cy + sh / 2);
        }
        float freq = range(rnd, 1, 4);
        float amp = sh * range(rnd, 0.15f, 0.35f);
        g.noFill();
        for (int pass = 0; pass < 2; pass++) {
          g.stroke(glow, pass == 0 ? 70 : 255);
          g.strokeWeight(pass == 0 ? 5 : 1.6f);
          g.beginShape();
          for (float t = 0; t <= 1.001f; t += 0.02f) {
            g.vertex(cx - sw / 2 + sw * t, cy + sin(t * TWO_PI * freq) * amp);
          }
          g.endShape();
        }
        g.noStroke();
      }
      default -> {
        // ventilation slots
        int n = max(3, (int) (h / 14));
        for (int i = 0; i < n; i++) {
          float vy = y + h * (i + 0.7f) / (n + 0.4f);
          g.fill(lighter(paint, 0.3f));
          g.rect(x + w * 0.15f, vy + 1, w * 0.7f, 5, 3);
          g.fill(0xFF0C0C0C);
          g.rect(x + w * 0.15f, vy, w * 0.7f, 5, 3);
        }
      }
    }
  }

  /** A round knob with a knurled rim and a pointer. */
  static void knob(PGraphics g, Random rnd, float x, float y, float r) {
    g.fill(0, 100);
    g.ellipse(x + 3, y + 4, r * 2.1f, r * 2.1f);
    int body = pick(rnd, 0xFF1A1A1C, 0xFF7A1E1E, 0xFFD8D2C0, 0xFF2E3A4E);
    g.fill(body);
    g.ellipse(x, y, r * 2, r * 2);
    g.stroke(lighter(body, 0.3f));
    g.strokeWeight(1);
    for (int i = 0; i < 24; i++) {
      float a = TWO_PI * i / 24;
      g.line(x + cos(a) * r * 0.85f, y + sin(a) * r * 0.85f, x + cos(a) * r, y + sin(a) * r);
    }
    g.noStroke();
    metalDisc(g, x, y, r * 1.3f, CHROME, -2.3f);
    float a = range(rnd, -PI * 1.2f, PI * 0.2f);
    g.stroke(0xFFD02020);
    g.strokeWeight(max(1.5f, r * 0.14f));
    g.line(x + cos(a) * r * 0.2f, y + sin(a) * r * 0.2f, x + cos(a) * r * 0.62f, y + sin(a) * r * 0.62f);
    g.noStroke();
  }

  /** A toggle switch: a threaded collar and a chrome lever, up or down. */
  static void toggle(PGraphics g, Random rnd, float x, float y, float r) {
    metalDisc(g, x, y, r * 1.6f, CHROME, -2.3f);
    float dir = rnd.nextBoolean() ? -1 : 1;
    g.stroke(darker(STEEL, 0.5f));
    g.strokeWeight(r * 0.55f);
    g.line(x, y, x, y + dir * r * 1.5f);
    g.stroke(CHROME);
    g.strokeWeight(r * 0.4f);
    g.line(x, y, x, y + dir * r * 1.5f);
    g.noStroke();
    g.fill(lighter(CHROME, 0.5f));
    g.ellipse(x, y + dir * r * 1.5f, r * 0.6f, r * 0.6f);
  }

  /** An indicator lamp, lit or dark. */
  static void lamp(PGraphics g, Random rnd, float x, float y, float r) {
    int colour = pick(rnd, 0xFFFF3020, 0xFF30E050, 0xFFFFB020, 0xFF3090FF);
    boolean on = chance(rnd, 0.6f);
    metalDisc(g, x, y, r * 2.6f, CHROME, -2.3f);
    if (on) {
      g.fill(colour);
      g.ellipse(x, y, r * 2, r * 2);
      glow(g, x, y, r * 2.4f, lighter(colour, 0.3f), 0.4f);
      g.fill(lighter(colour, 0.7f));
      g.ellipse(x - r * 0.25f, y - r * 0.25f, r * 0.7f, r * 0.7f);
    } else {
      g.fill(darker(colour, 0.6f));
      g.ellipse(x, y, r * 2, r * 2);
      g.fill(255, 70);
      g.ellipse(x - r * 0.3f, y - r * 0.3f, r * 0.6f, r * 0.6f);
    }
  }

  // ---- robot arms ----

  /**
   * An industrial robot arm: a base, two arm segments and a gripper. Each part is drawn in its
   * own coordinate system, with push()/translate()/rotate() so the next part hangs on its joint.
   */
  static void robotArm(PGraphics g, Random rnd) {
    machineBackdrop(g, rnd);
    int paint = pick(rnd, 0xFFE07A1A, 0xFFE3B020, 0xFFD8D4CC, 0xFF2E5C9A, 0xFFB8322A, 0xFF3E7A4A);
    float upper = range(rnd, 95, 118);
    float fore = range(rnd, 80, 100);
    float a1 = 0;
    float a2 = 0;
    float a3 = 0;
    float bx = 128;
    // try a few poses until the whole arm is in the picture
    for (int tries = 0; tries < 20; tries++) {
      bx = range(rnd, 60, 196);
      a1 = range(rnd, -0.9f, 0.9f);
      a2 = (bx < 128 ? 1 : -1) * range(rnd, 0.6f, 1.9f);
      a3 = range(rnd, -1, 1);
      float ex = bx + sin(a1) * upper + sin(a1 + a2) * fore;
      float ey = 205 - cos(a1) * upper - cos(a1 + a2) * fore;
      float elbowY = 205 - cos(a1) * upper;
      if (ex > 35 && ex < 221 && ey > 40 && ey < 190 && elbowY > 20) {
        break;
      }
    }
    // floor shadow and base
    g.fill(0, 90);
    g.ellipse(bx + 6, 244, 110, 18);
    g.push();
    g.translate(bx, 205);
    cylinder(g, 76, 20, 42, darker(paint, 0.2f));
    g.fill(darker(paint, 0.45f));
    g.rect(-46, 38, 92, 10, 3);
    cylinder(g, 52, -4, 22, DARK_STEEL);
    // the upper arm, with a hydraulic piston alongside
    g.rotate(a1);
    g.push();
    g.translate(24, 10);
    g.rotate(-0.12f);
    cylinder(g, 12, 0, -upper * 0.45f, darker(paint, 0.3f));
    cylinder(g, 6, -upper * 0.45f, -upper * 0.75f, CHROME);
    g.pop();
    armSegment(g, rnd, 38, upper, paint);
    joint(g, rnd, 0, 0, 30, paint);
    // the forearm hangs on the elbow
    g.translate(0, -upper);
    g.rotate(a2);
    armSegment(g, rnd, 30, fore, paint);
    joint(g, rnd, 0, 0, 25, paint);
    // the wrist and the gripper
    g.translate(0, -fore);
    g.rotate(a3);
    cylinder(g, 18, 0, -16, DARK_STEEL);
    joint(g, rnd, 0, 0, 14, DARK_STEEL);
    float grip = range(rnd, 4, 14);
    for (int side = -1; side <= 1; side += 2) {
      g.fill(darker(STEEL, 0.2f));
      g.stroke(darker(STEEL, 0.6f));
      g.strokeWeight(1);
      g.beginShape();
      g.vertex(side * 4, -14);
      g.vertex(side * (grip + 10), -20);
      g.vertex(side * (grip + 6), -40);
      g.vertex(side * (grip + 2), -40);
      g.vertex(side * (grip + 4), -24);
      g.vertex(side * 2, -20);
      g.endShape(CLOSE);
      g.noStroke();
    }
    cylinder(g, 26, -12, -18, STEEL);
    g.pop();
    // a cable hanging from the base
    cable(g, rnd, bx + 30, 235, bx > 128 ? -10 : 266, range(rnd, 200, 250), 0xFF1A1A1A);
  }

  /** One arm segment: a painted beam with rounded ends, standing along -y from the joint. */
  static void armSegment(PGraphics g, Random rnd, float w, float len, int paint) {
    g.fill(0, 80);
    g.rect(-w / 2 + 5, -len + 6, w, len, w / 2);
    cylinder(g, w, -len, 0, paint);
    g.fill(darker(paint, 0.5f), 150);
    g.rect(-w * 0.2f, -len * 0.7f, w * 0.4f, len * 0.4f, 3);
  }

  /** A joint: a metal disc with a ring of bolts. */
  static void joint(PGraphics g, Random rnd, float x, float y, float r, int paint) {
    g.fill(darker(paint, 0.3f));
    g.ellipse(x, y, r * 2.2f, r * 2.2f);
    metalDisc(g, x, y, r * 1.7f, STEEL, -2.3f);
    for (int i = 0; i < 6; i++) {
      float a = TWO_PI * i / 6;
      g.fill(darker(STEEL, 0.6f));
      g.ellipse(x + cos(a) * r * 0.6f, y + sin(a) * r * 0.6f, r * 0.22f, r * 0.22f);
    }
    g.fill(0xFF1A1A1C);
    g.ellipse(x, y, r * 0.5f, r * 0.5f);
  }

  // =============================================================================================
  // Cells under the microscope

  private Machines() {
  }
}
