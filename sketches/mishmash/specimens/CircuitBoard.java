package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import processing.core.PGraphics;

/** A circuit board: copper traces with pads, chips with legs, capacitors, resistors, an LED. */
final class CircuitBoard {

  /** A circuit board: copper traces with pads, chips with legs, capacitors, resistors, an LED. */
  static void draw(PGraphics g, Random rnd, float lamp, Attributes about) {
    int board = BOARDS[rnd.nextInt(BOARDS.length)];
    g.background(darker(board, 0.5f));
    g.push();
    camera(g, rnd, about, 0.7f, 1.8f, true, 20, PI);
    verticalGradient(g, -80, -80, 416, 416, lighter(board, 0.1f), darker(board, 0.25f));
    int copper = chance(rnd, 0.5f) ? 0xFFD8B060 : board == 0xFFDADCD6 ? 0xFF9AA0A0 : lighter(board, 0.3f);
    float grid = pick(rnd, 6, 8, 10);
    // traces: lines that only turn by 45 degrees, with a pad at each end
    g.noFill();
    int traces = 25 + rnd.nextInt(50);
    for (int i = 0; i < traces; i++) {
      float x = grid * rnd.nextInt((int) (256 / grid) + 1);
      float y = grid * rnd.nextInt((int) (256 / grid) + 1);
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
    int chips = rnd.nextInt(5);
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
    int caps = rnd.nextInt(10);
    for (int i = 0; i < caps; i++) {
      float d = range(rnd, 14, 26);
      float[] spot = place(rnd, taken, d + 4, d + 4);
      if (spot != null) {
        capacitor(g, rnd, spot[0] + d / 2 + 2, spot[1] + d / 2 + 2, d);
      }
    }
    int resistors = rnd.nextInt(14);
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
    if (chance(rnd, 0.5f)) {
      for (float[] c : new float[][] {{10, 10}, {246, 10}, {10, 246}, {246, 246}}) {
        g.fill(0xFFD8C080);
        g.ellipse(c[0], c[1], 14, 14);
        g.fill(0xFF0C0C0C);
        g.ellipse(c[0], c[1], 8, 8);
      }
    }
    g.pop();
    about.put("material", "circuit board").put("board", hex(board)).put("chips", chips).put("gears", 0).put("parts", taken.size());
  }

  /** A colour as #RRGGBB. */
  static String hex(int colour) {
    return String.format("#%06X", colour & 0xFFFFFF);
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

  private CircuitBoard() {
  }
}
