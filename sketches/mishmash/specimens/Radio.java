package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import processing.core.PGraphics;

/**
 * The chassis of an old valve radio or amplifier, seen from above and in front: glowing vacuum
 * tubes, transformers with their copper windings, capacitors in cans, on a metal plate.
 */
final class Radio {

  static void draw(PGraphics g, Random rnd, int metal, float lamp, Attributes about) {
    backdrop(g, rnd);
    g.push();
    camera(g, rnd, about, 0.9f, 1.4f, false, 30, 0.35f);
    int chassis = pick(rnd, ALUMINIUM, STEEL, 0xFF8A7A5A, DARK_STEEL, 0xFFB8A878);
    float top = range(rnd, 100, 240);                  // where the chassis' top plate meets its front (low: seen from above)
    // the lamp lights the top plate or the front more, from one side or the other
    float side = cos(lamp) * 200;
    float front = range(rnd, -0.3f, 0.4f);            // how much darker the front is than the top (less than 0: lighter)
    linearFill(g, 128 - side, top - 200, lighter(chassis, 0.25f), 128 + side, top, darker(chassis, 0.2f));
    g.rect(-60, top - 300, 376, 300);
    linearFill(g, 128 + side, top, front > 0 ? darker(chassis, front) : lighter(chassis, -front), 128 - side, top + 150,
        darker(chassis, 0.3f + front));
    g.rect(-60, top, 376, 300);
    g.stroke(lighter(chassis, 0.5f));
    g.strokeWeight(1.5f);
    g.line(-60, top, 316, top);
    g.noStroke();
    // things on top of the plate, back to front (further back is higher up and smaller)
    List<float[]> things = new ArrayList<>();
    int n = 7 + rnd.nextInt(9);
    for (int i = 0; i < n; i++) {
      things.add(new float[] {range(rnd, -10, 266), range(rnd, max(top - 150, 70), top - 6), pick(rnd, 0, 0, 0, 1, 2, 3, 4)});
    }
    things.sort((a, b) -> Float.compare(a[1], b[1]));
    int valves = 0;
    int glow = pick(rnd, 0xFFFF8A30, 0xFFFF6A20, 0xFFFFB060);
    for (float[] t : things) {
      float depth = map(t[1], top - 150, top, 0.75f, 1.15f);
      switch ((int) t[2]) {
        case 0 -> {
          valve(g, rnd, t[0], t[1], range(rnd, 22, 40) * depth, range(rnd, 70, 140) * depth, glow);
          valves++;
        }
        case 1 -> transformer(g, rnd, t[0], t[1], range(rnd, 50, 90) * depth, lamp);
        case 2 -> {
          float w = range(rnd, 20, 40) * depth;
          g.push();
          g.translate(t[0], t[1]);
          MachineParts.cylinder(g, w, -range(rnd, 40, 90) * depth, 0, pick(rnd, ALUMINIUM, 0xFF2A3A6A, 0xFF1A1A1A, COPPER));
          g.pop();
          g.fill(0, 70);
          g.ellipse(t[0] + 4, t[1] + 2, w * 1.1f, w * 0.3f);
        }
        case 3 -> {
          // a row of resistors and wires on a tag strip
          g.stroke(pick(rnd, 0xFFB8322A, 0xFFE3AE26, 0xFF2E5C9A, 0xFF1A1A1A));
          g.strokeWeight(2);
          g.noFill();
          g.bezier(t[0], t[1], t[0] + range(rnd, -40, 40), t[1] - 40, t[0] + range(rnd, -60, 60), t[1] - 10, t[0] + range(rnd, -80, 80), t[1]);
          g.noStroke();
        }
        default -> {
          // a variable capacitor: interleaved half-moon plates
          float r = range(rnd, 24, 40) * depth;
          for (int k = 0; k < 7; k++) {
            g.fill(k % 2 == 0 ? lighter(ALUMINIUM, 0.2f) : darker(ALUMINIUM, 0.2f));
            g.arc(t[0] + k * 3, t[1] - r * 0.2f, r * 2, r * 2, PI, TWO_PI, CHORD);
          }
        }
      }
    }
    // on the front: knobs and a dial
    int knobs = 1 + rnd.nextInt(4);
    for (int i = 0; i < knobs; i++) {
      float x = range(rnd, 20, 236);
      float y = top + range(rnd, 25, 60);
      float r = range(rnd, 10, 20);
      g.fill(0, 110);
      g.ellipse(x + 3, y + 4, r * 2.1f, r * 2.1f);
      radialFill(g, x - r * 0.3f, y - r * 0.3f, r, pick(rnd, 0xFF4A3020, 0xFF202020, 0xFFE8E0D0), 0xFF0A0A0A);
      g.ellipse(x, y, r * 2, r * 2);
      metalDisc(g, x, y, r * 0.9f, CHROME, lamp);
    }
    if (chance(rnd, 0.5f)) {
      gauge(g, rnd, range(rnd, 40, 216), top + 45, range(rnd, 16, 26));
    }
    g.pop();
    about.put("material", material(chassis)).put("valves", valves).put("gears", 0).put("parts", n + knobs);
  }

  /** A vacuum tube: a glass bottle with its dark metal insides, a warm glow at the foot, a bright reflection. */
  static void valve(PGraphics g, Random rnd, float x, float y, float w, float h, int glow) {
    g.fill(0, 80);
    g.ellipse(x + 5, y + 2, w * 1.3f, w * 0.4f);
    // the socket
    g.fill(0xFF2A2520);
    g.rect(x - w * 0.65f, y - w * 0.2f, w * 1.3f, w * 0.3f, 3);
    // the insides: plates and a mica disc
    g.fill(0xFF3A3C40);
    g.rect(x - w * 0.32f, y - h * 0.75f, w * 0.64f, h * 0.5f, 2);
    g.fill(0xFF5A5C60);
    g.rect(x - w * 0.32f, y - h * 0.75f, w * 0.1f, h * 0.5f);
    g.fill(0xFFD8D0C0, 150);
    g.rect(x - w * 0.42f, y - h * 0.8f, w * 0.84f, 2);
    // the glow of the heater, inside the glass
    soft(g, x, y - h * 0.35f, w * 1.4f, h * 0.6f, glow, range(rnd, 120, 230));
    g.fill(lighter(glow, 0.5f));
    g.rect(x - 1.2f, y - h * 0.55f, 2.4f, h * 0.3f);
    // the glass: faintly tinted, darker at the sides, with a silvered top (the getter) and a reflection
    linearFill(g, x - w / 2, 0, x + w / 2, 0, new float[] {0, 0.25f, 0.5f, 1}, new int[] {0x70303840, 0x20FFFFFF, 0x10FFFFFF, 0x70202830});
    g.rect(x - w / 2, y - h, w, h, w / 2, w / 2, 2, 2);
    g.fill(0xFF9AA0A8, 200);
    g.arc(x, y - h + w / 2, w, w, PI, TWO_PI, CHORD);
    g.fill(255, 160);
    g.rect(x - w * 0.3f, y - h * 0.85f, w * 0.1f, h * 0.6f, 2);
  }

  /** A transformer: a stack of steel laminations with the copper coil showing, bolted down. */
  static void transformer(PGraphics g, Random rnd, float x, float y, float s, float lamp) {
    g.fill(0, 100);
    g.rect(x - s / 2 + 6, y - s * 0.85f + 4, s, s * 0.85f, 2);
    g.push();
    g.translate(x, y);
    MachineParts.cylinder(g, s, -s * 0.85f, 0, 0xFF3A3C40);
    g.stroke(0xFF202226);
    g.strokeWeight(0.8f);
    for (float i = -s * 0.8f; i < 0; i += 2.5f) {
      g.line(-s / 2, i, s / 2, i);
    }
    g.noStroke();
    MachineParts.cylinder(g, s * 0.5f, -s * 0.75f, -s * 0.1f, COPPER);
    g.stroke(darker(COPPER, 0.4f), 160);
    g.strokeWeight(0.8f);
    for (float i = -s * 0.75f; i < -s * 0.1f; i += 2) {
      g.line(-s * 0.25f, i, s * 0.25f, i);
    }
    g.noStroke();
    g.pop();
    bolt(g, rnd, x - s * 0.42f, y - s * 0.1f, 3.5f, CHROME);
    bolt(g, rnd, x + s * 0.42f, y - s * 0.1f, 3.5f, CHROME);
  }

  private Radio() {
  }
}
