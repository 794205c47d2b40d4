package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** An electric motor opened up: copper coils wound round the teeth of a laminated steel ring, the rotor inside. */
final class Motor {

  static void draw(PGraphics g, Random rnd, float lamp, Attributes about) {
    backdrop(g, rnd);
    g.push();
    camera(g, rnd, about, 0.7f, 2.2f, true, 80, PI);
    float cx = 128;
    float cy = 128;
    float r = range(rnd, 85, 125);
    int slots = 6 + 3 * rnd.nextInt(11);
    float inner = r * range(rnd, 0.45f, 0.6f);
    int steel = pick(rnd, 0xFF6A7078, DARK_STEEL, 0xFF8A8E94);
    int wire = pick(rnd, COPPER, COPPER, 0xFFB85A30, 0xFFC88A40, 0xFF8A3A20);
    // the laminated ring
    g.fill(0, 120);
    g.ellipse(cx + 6, cy + 8, r * 2.1f, r * 2.1f);
    metalDisc(g, cx, cy, r * 2, steel, lamp);
    g.noFill();
    g.stroke(darker(steel, 0.4f), 120);
    g.strokeWeight(0.8f);
    for (float d = r * 0.85f; d < r; d += 2.2f) {
      g.ellipse(cx, cy, d * 2, d * 2);
    }
    g.noStroke();
    // a coil on each tooth
    float turn = rnd.nextFloat() * TWO_PI;
    for (int i = 0; i < slots; i++) {
      float a = turn + TWO_PI * i / slots;
      g.push();
      g.translate(cx + cos(a) * (inner + r * 0.85f) / 2, cy + sin(a) * (inner + r * 0.85f) / 2);
      g.rotate(a);
      float len = (r * 0.85f - inner) * 0.95f;
      float w = TWO_PI * inner / slots * 0.95f;
      g.fill(0, 100);
      g.rect(-len / 2 + 2, -w / 2 + 2, len, w, w * 0.3f);
      g.rotate(HALF_PI);
      MachineParts.cylinder(g, w, -len / 2, len / 2, wire);
      g.stroke(darker(wire, 0.45f), 150);
      g.strokeWeight(0.7f);
      for (float k = -w / 2 + 1.5f; k < w / 2; k += 1.8f) {
        g.line(k, -len / 2, k, len / 2);
      }
      g.noStroke();
      g.pop();
    }
    // the rotor: magnets round a shaft, or an empty bore
    if (chance(rnd, 0.7f)) {
      float rr = inner * 0.9f;
      metalDisc(g, cx, cy, rr * 2, STEEL, lamp);
      int poles = 2 * (1 + rnd.nextInt(4));
      for (int i = 0; i < poles; i++) {
        float a = turn + TWO_PI * i / poles;
        g.fill(i % 2 == 0 ? 0xFF8A2020 : 0xFF203A8A, 200);
        g.arc(cx, cy, rr * 1.9f, rr * 1.9f, a + 0.1f, a + TWO_PI / poles - 0.1f, PIE);
      }
      metalDisc(g, cx, cy, rr * 0.6f, CHROME, lamp + 0.4f);
      bolt(g, rnd, cx, cy, rr * 0.15f, CHROME);
    } else {
      radialFill(g, cx, cy, inner, 0xFF0A0A0C, 0xFF1A1C20);
      g.ellipse(cx, cy, inner * 2, inner * 2);
    }
    g.pop();
    about.put("material", "copper").put("slots", slots).put("gears", 0).put("parts", slots + 2);
  }

  private Motor() {
  }
}
