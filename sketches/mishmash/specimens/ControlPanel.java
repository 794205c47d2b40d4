package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** A control panel: painted steel with gauges, knobs, switches, lamps, a screen and vents. */
final class ControlPanel {

  /** A control panel: painted steel with gauges, knobs, switches, lamps, a screen and vents. */
  static void draw(PGraphics g, Random rnd, float lamp, Attributes about) {
    int paint = pick(rnd, 0xFF5E7F86, 0xFF8A8F80, 0xFFD8D2C0, 0xFF3A4A3E, 0xFF2E3A4E, 0xFFB8A060, 0xFF6A6E74, 0xFF1E2024, 0xFF9A3A2E);
    g.background(darker(paint, 0.6f));
    g.push();
    camera(g, rnd, about, 0.7f, 1.5f, true, 20, PI);
    verticalGradient(g, -60, -60, 376, 376, lighter(paint, 0.12f), darker(paint, 0.25f));
    // the panel is cut into bays, each cut across or down at a random place; each bay holds one kind of control
    int[] controls = new int[1];
    split(g, rnd, -20, -20, 296, 296, paint, 0, controls);
    if (chance(rnd, 0.3f)) {
      // hazard stripes along one edge
      float y = range(rnd, 200, 250);
      g.fill(0xFFE3B020);
      g.rect(-60, y, 376, 18);
      g.fill(0xFF151515);
      for (float x = -60; x < 330; x += 20) {
        g.quad(x, y + 18, x + 10, y + 18, x + 20, y, x + 10, y);
      }
    }
    g.pop();
    about.put("material", "paint").put("gears", 0).put("parts", controls[0]);
  }

  /** Cuts the rectangle in two (down to bays of about 60 to 120 units) and fills each bay, with a groove between them. */
  static void split(PGraphics g, Random rnd, float x, float y, float w, float h, int paint, int depth, int[] controls) {
    boolean across = w > h ? chance(rnd, 0.75f) : chance(rnd, 0.25f);
    float size = across ? w : h;
    if (depth > 4 || size < 70 || depth > 0 && chance(rnd, 0.25f)) {
      bay(g, rnd, x, y, w, h, paint);
      for (float[] c : new float[][] {{x + 7, y + 7}, {x + w - 7, y + 7}, {x + 7, y + h - 7}, {x + w - 7, y + h - 7}}) {
        bolt(g, rnd, c[0], c[1], 3.5f, CHROME);
      }
      controls[0]++;
      return;
    }
    float cut = size * range(rnd, 0.3f, 0.7f);
    if (across) {
      split(g, rnd, x, y, cut, h, paint, depth + 1, controls);
      split(g, rnd, x + cut, y, w - cut, h, paint, depth + 1, controls);
      groove(g, x + cut, y, x + cut, y + h, paint);
    } else {
      split(g, rnd, x, y, w, cut, paint, depth + 1, controls);
      split(g, rnd, x, y + cut, w, h - cut, paint, depth + 1, controls);
      groove(g, x, y + cut, x + w, y + cut, paint);
    }
  }

  /** The gap between two bays: a dark line with a lit edge. */
  static void groove(PGraphics g, float x0, float y0, float x1, float y1, int paint) {
    g.stroke(darker(paint, 0.55f));
    g.strokeWeight(2.2f);
    g.line(x0, y0, x1, y1);
    g.stroke(lighter(paint, 0.3f));
    g.strokeWeight(1);
    g.line(x0 + 1.5f, y0 + 1.5f, x1 + 1.5f, y1 + 1.5f);
    g.noStroke();
  }

  /** One bay of a control panel. */
  static void bay(PGraphics g, Random rnd, float x, float y, float w, float h, int paint) {
    float cx = x + w / 2;
    float cy = y + h / 2;
    float s = min(w, h);
    switch (rnd.nextInt(7)) {
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
      case 5 -> {
        // a row of push buttons with labels
        int n = max(1, (int) (w / 30));
        for (int i = 0; i < n; i++) {
          float bx = x + w * (i + 0.5f) / n;
          float r = min(w / n, h) * 0.25f;
          g.fill(0, 100);
          g.ellipse(bx + 2, cy + 3, r * 2.3f, r * 2.3f);
          metalDisc(g, bx, cy, r * 2.3f, CHROME, -2.3f);
          int c = pick(rnd, 0xFFC82020, 0xFF20A040, 0xFFE0B020, 0xFF202020, 0xFF2060C0);
          radialFill(g, bx - r * 0.3f, cy - r * 0.3f, r * 1.2f, lighter(c, 0.35f), darker(c, 0.4f));
          g.ellipse(bx, cy, r * 1.8f, r * 1.8f);
          g.fill(0xFFF0F0E8);
          g.rect(bx - r, cy + r * 1.6f, r * 2, r * 0.5f);
        }
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

  private ControlPanel() {
  }
}
