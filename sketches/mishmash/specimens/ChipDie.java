package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.awt.Color;
import java.util.Random;
import processing.core.PGraphics;

/**
 * A microchip's die under a macro lens: blocks of memory, logic and wiring in the shimmering
 * colours thin layers of metal and glass give, bond pads round the edge, gold wires to the frame.
 */
final class ChipDie {

  static void draw(PGraphics g, Random rnd, float lamp, Attributes about) {
    float hue = rnd.nextFloat();                        // thin films shimmer in one family of colours per die
    g.background(pick(rnd, 0xFF141414, 0xFF2A2620, 0xFF303438));
    g.push();
    camera(g, rnd, about, 1, 3, true, 100, PI);
    // the package and lead frame around the die
    boolean frame = chance(rnd, 0.4f);
    float margin = frame ? range(rnd, 28, 50) : -30;
    if (frame) {
      g.fill(0xFF1A1A1C);
      g.rect(-60, -60, 376, 376);
      int leads = 10 + rnd.nextInt(20);
      for (int i = 0; i < leads; i++) {
        float t = (i + 0.5f) / leads;
        for (int side = 0; side < 4; side++) {
          g.push();
          g.translate(128, 128);
          g.rotate(side * HALF_PI);
          linearFill(g, -128 + t * 256, -180, lighter(GOLD, 0.3f), -128 + t * 256 + 4, -140, darker(GOLD, 0.3f));
          g.rect(-128 + t * 256 - 3, -190, 6, 190 - 128 + margin - 10);
          g.pop();
        }
      }
    }
    float x0 = margin;
    float y0 = margin;
    float size = 256 - 2 * margin;
    int silicon = Color.HSBtoRGB(hue, 0.35f, 0.35f);
    linearFill(g, x0, y0, x0 + size, y0 + size, new float[] {0, 0.5f, 1},
        new int[] {lighter(silicon, 0.2f), Color.HSBtoRGB(hue + 0.15f, 0.45f, 0.45f), darker(silicon, 0.2f)});
    g.rect(x0, y0, size, size);
    int[] blocks = new int[1];
    floorplan(g, rnd, x0 + 10, y0 + 10, size - 20, size - 20, hue, 0, blocks);
    // bond pads round the edge, each with its gold wire out to a lead
    int pads = 8 + rnd.nextInt(16);
    for (int side = 0; side < 4; side++) {
      for (int i = 0; i < pads; i++) {
        float t = (i + 0.5f) / pads;
        g.push();
        g.translate(128, 128);
        g.rotate(side * HALF_PI);
        float px = -size / 2 + t * size;
        float py = -size / 2 + 4;
        g.fill(0xFFC8C8C0);
        g.rect(px - 2.5f, py - 2.5f, 5, 5);
        if (frame) {
          g.noFill();
          g.stroke(0xFFE8C870, 220);
          g.strokeWeight(1);
          g.bezier(px, py, px, py - margin * 0.3f, px * 1.1f, py - margin * 0.7f, px * 1.15f, py - margin + 4);
          g.noStroke();
        }
        g.pop();
      }
    }
    // a glint of the macro lamp across the glass
    float[] at = {128 + cos(lamp) * 60, 128 + sin(lamp) * 60};
    soft(g, at[0], at[1], 200, 60, lamp + HALF_PI, 0xFFFFFFFF, 50);
    g.pop();
    about.put("material", "silicon").put("gears", 0).put("parts", blocks[0]).put("pads", pads * 4);
  }

  /** Cuts the die into blocks (like a floor plan) and fills each with memory, logic, wiring or a big analog part. */
  static void floorplan(PGraphics g, Random rnd, float x, float y, float w, float h, float hue, int depth, int[] blocks) {
    if (depth > 1 && (depth > 5 || w < 24 || h < 24 || chance(rnd, 0.3f))) {
      block(g, rnd, x + 2, y + 2, w - 4, h - 4, hue);
      blocks[0]++;
      return;
    }
    boolean across = w > h ? chance(rnd, 0.8f) : chance(rnd, 0.2f);
    float cut = (across ? w : h) * range(rnd, 0.25f, 0.75f);
    if (across) {
      floorplan(g, rnd, x, y, cut, h, hue, depth + 1, blocks);
      floorplan(g, rnd, x + cut, y, w - cut, h, hue, depth + 1, blocks);
    } else {
      floorplan(g, rnd, x, y, w, cut, hue, depth + 1, blocks);
      floorplan(g, rnd, x, y + cut, w, h - cut, hue, depth + 1, blocks);
    }
  }

  /** One block of the die. */
  static void block(PGraphics g, Random rnd, float x, float y, float w, float h, float hue) {
    float hs = hue + range(rnd, -0.12f, 0.12f);
    int film = Color.HSBtoRGB(hs, range(rnd, 0.4f, 0.8f), range(rnd, 0.35f, 0.8f));
    switch (rnd.nextInt(4)) {
      case 0 -> {
        // memory: a fine regular grid
        linearFill(g, x, y, lighter(film, 0.1f), x + w, y + h, darker(film, 0.2f));
        g.rect(x, y, w, h);
        float step = range(rnd, 2.2f, 4);
        g.stroke(darker(film, 0.4f), 160);
        g.strokeWeight(0.7f);
        for (float i = x; i < x + w; i += step) {
          g.line(i, y, i, y + h);
        }
        g.stroke(lighter(film, 0.3f), 90);
        for (float j = y; j < y + h; j += step * 1.6f) {
          g.line(x, j, x + w, j);
        }
        g.noStroke();
      }
      case 1 -> {
        // logic: a carpet of tiny cells in rows
        g.fill(darker(film, 0.3f));
        g.rect(x, y, w, h);
        float row = range(rnd, 3, 6);
        for (float j = y; j < y + h - row; j += row) {
          float i = x;
          while (i < x + w) {
            float cw = range(rnd, 1.5f, 7);
            g.fill(mix(film, rnd.nextBoolean() ? 0xFFFFFFFF : 0xFF000000, range(rnd, 0, 0.4f)));
            g.rect(i, j, min(cw, x + w - i), row - 0.8f);
            i += cw + 0.6f;
          }
        }
      }
      case 2 -> {
        // wiring: wide parallel metal lines
        g.fill(darker(film, 0.35f));
        g.rect(x, y, w, h);
        boolean down = rnd.nextBoolean();
        float step = range(rnd, 3, 7);
        int metal = mix(0xFFE0D8C0, film, 0.4f);
        for (float i = 0; i < (down ? w : h); i += step) {
          g.fill(metal, range(rnd, 150, 240));
          if (down) {
            g.rect(x + i, y, step * 0.55f, h);
          } else {
            g.rect(x, y + i, w, step * 0.55f);
          }
        }
      }
      default -> {
        // analog: a few large shapes, capacitors and an inductor spiral
        g.fill(darker(film, 0.2f));
        g.rect(x, y, w, h);
        float r = min(w, h) * 0.4f;
        g.noFill();
        g.stroke(0xFFE8D8A0, 200);
        g.strokeWeight(max(1, r * 0.08f));
        float d = r * 2;
        while (d > r * 0.4f) {
          g.rect(x + w / 2 - d / 2, y + h / 2 - d / 2, d, d);
          d -= r * 0.35f;
        }
        g.noStroke();
      }
    }
  }

  private ChipDie() {
  }
}
