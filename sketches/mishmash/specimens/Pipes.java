package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** Pipework: pipes that run and turn at right angles, flanged joints, valves with handwheels, pressure gauges. */
final class Pipes {

  static void draw(PGraphics g, Random rnd, int metal, float lamp, Attributes about) {
    backdrop(g, rnd);
    g.push();
    camera(g, rnd, about, 0.8f, 1.5f, false, 20, PI);
    int runs = 2 + rnd.nextInt(5);
    int parts = 0;
    for (int r = 0; r < runs; r++) {
      int colour = chance(rnd, 0.5f) ? metal : PAINTS[rnd.nextInt(PAINTS.length)];
      float w = range(rnd, 16, 48);
      float x = range(rnd, -20, 276);
      float y = range(rnd, -20, 276);
      int dir = rnd.nextInt(4);
      int legs = 2 + rnd.nextInt(4);
      for (int k = 0; k < legs; k++) {
        float len = range(rnd, 50, 180);
        float nx = x + (dir == 0 ? len : dir == 2 ? -len : 0);
        float ny = y + (dir == 1 ? len : dir == 3 ? -len : 0);
        g.fill(0, 90);
        g.push();
        g.translate(6, 8);
        bar(g, x, y, nx, ny, w, 0xFF000000);
        g.pop();
        bar(g, x, y, nx, ny, w, colour);
        // a joint or a valve somewhere along the way
        float t = range(rnd, 0.25f, 0.75f);
        float jx = lerp(x, nx, t);
        float jy = lerp(y, ny, t);
        int thing = rnd.nextInt(4);
        if (thing == 0) {
          band(g, jx, jy, dir, w * 1.5f, colour);
          parts++;
        } else if (thing == 1) {
          band(g, jx, jy, dir, w * 1.3f, colour);
          handwheel(g, rnd, jx + (dir % 2 == 0 ? 0 : w * 1.6f), jy + (dir % 2 == 0 ? -w * 1.6f : 0), range(rnd, w * 0.7f, w * 1.2f),
              pick(rnd, 0xFFC02020, 0xFFD8A020, 0xFF2060C0, 0xFF202020));
          parts++;
        } else if (thing == 2) {
          gauge(g, rnd, jx + (dir % 2 == 0 ? 0 : w * 1.5f), jy + (dir % 2 == 0 ? -w * 1.5f : 0), range(rnd, 14, 26));
          parts++;
        }
        // the elbow at the turn
        flange(g, rnd, nx, ny, w * 0.8f, colour, lamp);
        parts += 2;
        x = nx;
        y = ny;
        dir = (dir + (rnd.nextBoolean() ? 1 : 3)) % 4;
      }
    }
    if (chance(rnd, 0.4f)) {
      // a painted arrow on one pipe
      g.fill(0xFFF0F0E8, 200);
      float x = range(rnd, 40, 216);
      float y = range(rnd, 40, 216);
      g.triangle(x, y - 8, x, y + 8, x + 14, y);
      g.rect(x - 20, y - 3, 20, 6);
    }
    g.pop();
    about.put("runs", runs).put("gears", 0).put("parts", parts);
  }

  /** A flanged joint across a pipe running in direction dir. */
  static void band(PGraphics g, float x, float y, int dir, float w, int colour) {
    g.push();
    g.translate(x, y);
    if (dir % 2 == 1) {
      g.rotate(HALF_PI);
    }
    MachineParts.cylinder(g, w, -6, 6, darker(colour, 0.1f));
    g.fill(0, 100);
    g.rect(-w / 2, 5, w, 2);
    g.pop();
  }

  private Pipes() {
  }
}
