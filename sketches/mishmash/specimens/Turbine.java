package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** Blades round a hub: the fan at the front of a jet engine, a turbine disc, or a fan behind a guard. */
final class Turbine {

  static void draw(PGraphics g, Random rnd, int metal, float lamp, Attributes about) {
    String style = pick(rnd, "jet", "disc", "fan");
    int blade = style.equals("fan") ? pick(rnd, 0xFF2A2C30, 0xFFD8D4CC, 0xFF3A6A9A, metal) : pick(rnd, metal, ALUMINIUM, 0xFF8A8E96, 0xFF6A7078);
    backdrop(g, rnd);
    g.push();
    camera(g, rnd, about, 0.7f, 2.2f, true, 80, PI);
    float cx = 128;
    float cy = 128;
    float r = range(rnd, 80, 125);
    int blades = style.equals("disc") ? 30 + rnd.nextInt(40) : style.equals("jet") ? 14 + rnd.nextInt(22) : 3 + rnd.nextInt(6);
    float turn = rnd.nextFloat() * TWO_PI;
    float twist = range(rnd, 0.25f, 0.7f) * (chance(rnd, 0.5f) ? 1 : -1);
    // the housing: a deep dark ring
    g.fill(0, 120);
    g.ellipse(cx + 6, cy + 8, r * 2.3f, r * 2.3f);
    metalDisc(g, cx, cy, r * 2.25f, style.equals("fan") ? 0xFF2A2C30 : darker(metal, 0.3f), lamp);
    radialFill(g, cx, cy, r * 1.05f, 0xFF202226, 0xFF050506);
    g.ellipse(cx, cy, r * 2.05f, r * 2.05f);
    float hub = style.equals("disc") ? r * range(rnd, 0.55f, 0.7f) : r * range(rnd, 0.2f, 0.35f);
    for (int i = 0; i < blades; i++) {
      float a = turn + TWO_PI * i / blades;
      blade(g, cx, cy, a, hub, r, TWO_PI / blades * (style.equals("fan") ? 0.6f : 0.85f), twist, blade, lamp);
    }
    // the spinner or hub in the middle
    if (style.equals("jet")) {
      radialFill(g, cx + cos(lamp) * hub * 0.4f, cy + sin(lamp) * hub * 0.4f, hub, lighter(metal, 0.6f), darker(metal, 0.5f));
      g.ellipse(cx, cy, hub * 2, hub * 2);
      g.noFill();
      g.stroke(0xFFF0F0F0, 200);
      g.strokeWeight(hub * 0.12f);
      g.beginShape();
      for (float t = 0; t < 1; t += 0.05f) {
        float a = turn + t * PI * 1.5f;
        g.vertex(cx + cos(a) * hub * t * 0.9f, cy + sin(a) * hub * t * 0.9f);
      }
      g.endShape();
      g.noStroke();
    } else {
      metalDisc(g, cx, cy, hub * 2, metal, lamp);
      int bolts = 6 + rnd.nextInt(8);
      for (int i = 0; i < bolts; i++) {
        float a = turn + TWO_PI * i / bolts;
        bolt(g, rnd, cx + cos(a) * hub * 0.7f, cy + sin(a) * hub * 0.7f, max(2.5f, hub * 0.08f), CHROME);
      }
      bolt(g, rnd, cx, cy, hub * 0.2f, CHROME);
    }
    if (style.equals("fan")) {
      // the wire guard in front
      g.noFill();
      g.stroke(CHROME, 200);
      g.strokeWeight(1.6f);
      for (float d = r * 0.3f; d < r * 1.05f; d += r * 0.12f) {
        g.ellipse(cx, cy, d * 2, d * 2);
      }
      for (int i = 0; i < 12; i++) {
        float a = TWO_PI * i / 12;
        g.line(cx + cos(a) * r * 0.3f, cy + sin(a) * r * 0.3f, cx + cos(a) * r * 1.05f, cy + sin(a) * r * 1.05f);
      }
      g.noStroke();
    }
    g.pop();
    about.put("style", style).put("blades", blades).put("gears", 0).put("parts", blades + 2);
  }

  /** One blade from the hub to the rim, swept round by {@code twist}, lit on its leading edge. */
  static void blade(PGraphics g, float cx, float cy, float a, float r0, float r1, float width, float twist, int colour, float lamp) {
    float a0 = a;
    float a1 = a + twist;
    float facing = 0.5f + 0.5f * cos(a + twist * 0.5f - lamp);
    int lit = mix(darker(colour, 0.45f), lighter(colour, 0.45f), facing);
    linearFill(g, cx + cos(a0) * r0, cy + sin(a0) * r0, lit, cx + cos(a1) * r1, cy + sin(a1) * r1, darker(lit, 0.35f));
    g.beginShape();
    g.vertex(cx + cos(a0) * r0, cy + sin(a0) * r0);
    g.bezierVertex(cx + cos(a0 + twist * 0.3f) * lerp(r0, r1, 0.4f), cy + sin(a0 + twist * 0.3f) * lerp(r0, r1, 0.4f),
        cx + cos(a1 - twist * 0.2f) * r1 * 0.9f, cy + sin(a1 - twist * 0.2f) * r1 * 0.9f, cx + cos(a1) * r1, cy + sin(a1) * r1);
    g.vertex(cx + cos(a1 + width) * r1, cy + sin(a1 + width) * r1);
    g.bezierVertex(cx + cos(a1 + width * 0.8f - twist * 0.2f) * r1 * 0.9f, cy + sin(a1 + width * 0.8f - twist * 0.2f) * r1 * 0.9f,
        cx + cos(a0 + width * 0.6f + twist * 0.3f) * lerp(r0, r1, 0.4f), cy + sin(a0 + width * 0.6f + twist * 0.3f) * lerp(r0, r1, 0.4f),
        cx + cos(a0 + width * 0.5f) * r0, cy + sin(a0 + width * 0.5f) * r0);
    g.endShape(CLOSE);
    g.stroke(lighter(lit, 0.5f), 150);
    g.strokeWeight(1);
    g.line(cx + cos(a0) * r0, cy + sin(a0) * r0, cx + cos(a1) * r1, cy + sin(a1) * r1);
    g.noStroke();
  }

  private Turbine() {
  }
}
