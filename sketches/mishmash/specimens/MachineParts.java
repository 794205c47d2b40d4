package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** Parts that several machines share: metal discs, bolts, cylinders, gauges and cables. */
final class MachineParts {

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
   * A round metal part seen from the side, standing along the y axis from y0 to y1, x from -w/2 to
   * w/2: dark at both edges, a bright streak a third of the way across, a thin reflected light at
   * the far edge — the way polished metal shines.
   */
  static void cylinder(PGraphics g, float w, float y0, float y1, int metal) {
    g.noStroke();
    linearFill(g, -w / 2, 0, w / 2, 0, new float[] {0, 0.1f, 0.28f, 0.34f, 0.42f, 0.7f, 0.9f, 1},
        new int[] {darker(metal, 0.7f), darker(metal, 0.25f), lighter(metal, 0.45f), lighter(metal, 0.75f), lighter(metal, 0.2f),
            darker(metal, 0.15f), darker(metal, 0.6f), darker(metal, 0.3f)});
    g.rect(-w / 2, min(y0, y1), w, abs(y1 - y0));
  }

  /** A cylinder of width w from (x0, y0) to (x1, y1): a rod, a pipe, a shaft. */
  static void bar(PGraphics g, float x0, float y0, float x1, float y1, float w, int metal) {
    g.push();
    g.translate(x0, y0);
    g.rotate(atan2(y1 - y0, x1 - x0) - HALF_PI);
    cylinder(g, w, 0, dist(x0, y0, x1, y1), metal);
    g.pop();
  }

  /** A flange: a ring of bolts round a pipe joint, seen end on as a disc. */
  static void flange(PGraphics g, Random rnd, float x, float y, float r, int metal, float lamp) {
    g.fill(0, 90);
    g.ellipse(x + 3, y + 4, r * 2.1f, r * 2.1f);
    metalDisc(g, x, y, r * 2, metal, lamp);
    int bolts = 4 + 2 * rnd.nextInt(3);
    for (int i = 0; i < bolts; i++) {
      float a = TWO_PI * i / bolts + 0.3f;
      bolt(g, rnd, x + cos(a) * r * 0.75f, y + sin(a) * r * 0.75f, max(2.5f, r * 0.14f), CHROME);
    }
  }

  /** A ring of radius r and the given thickness, with its shadow, a dark edge and a glint on its top left. */
  static void ring(PGraphics g, float x, float y, float r, float thick, int colour) {
    g.noFill();
    g.stroke(0, 90);
    g.strokeWeight(thick);
    g.ellipse(x + 3, y + 4, r * 2, r * 2);
    g.stroke(darker(colour, 0.45f));
    g.strokeWeight(thick + 1.5f);
    g.ellipse(x, y, r * 2, r * 2);
    g.stroke(colour);
    g.strokeWeight(thick * 0.85f);
    g.ellipse(x, y, r * 2, r * 2);
    g.stroke(lighter(colour, 0.5f), 160);
    g.strokeWeight(thick * 0.25f + 0.5f);
    g.arc(x, y, r * 2, r * 2, PI * 1.05f, PI * 1.55f);
  }

  /** A valve's handwheel: a painted rim on spokes. */
  static void handwheel(PGraphics g, Random rnd, float x, float y, float r, int paint) {
    ring(g, x, y, r, r * 0.22f, paint);
    int spokes = 3 + rnd.nextInt(4);
    float turn = rnd.nextFloat() * TWO_PI;
    g.stroke(darker(paint, 0.15f));
    g.strokeWeight(r * 0.12f);
    for (int i = 0; i < spokes; i++) {
      float a = turn + TWO_PI * i / spokes;
      g.line(x, y, x + cos(a) * r, y + sin(a) * r);
    }
    g.noStroke();
    metalDisc(g, x, y, r * 0.5f, STEEL, -2.2f);
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

  private MachineParts() {
  }
}
