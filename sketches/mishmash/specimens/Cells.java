package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import processing.core.PGraphics;

/** Human cells under a microscope: stained cells in a round field of light. */
public final class Cells {

  /**
   * The five ways a slide is prepared, one picked per picture: H&E-stained tissue, immunofluorescence,
   * phase contrast, a blood smear, methylene blue. Each has its own method below, with its own colours.
   */
  static final int HE = 0, FLUORESCENT = 1, PHASE = 2, BLOOD = 3, METHYLENE = 4;

  /** One cell: position, size, how stretched and turned, and the waves that make its edge wobble. */
  static final class Cell {
    float x, y, r, stretch, angle;
    float[] wave;
    boolean dividing;

    Cell(float x, float y, float r, float stretch, float angle, float[] wave, boolean dividing) {
      this.x = x;
      this.y = y;
      this.r = r;
      this.stretch = stretch;
      this.angle = angle;
      this.wave = wave;
      this.dividing = dividing;
    }

    /** A point inside the cell: u, v from -1 to 1 across and along it. */
    float[] at(float u, float v) {
      float px = u * r;
      float py = v * r * stretch;
      return new float[] {x + px * cos(angle) - py * sin(angle), y + px * sin(angle) + py * cos(angle)};
    }
  }

  /** A field of view in a microscope: stained cells inside a round, darkened circle of light. */
  public static void draw(PGraphics g, Random rnd) {
    int stain = rnd.nextInt(5);
    float fx = 128 + range(rnd, -10, 10);
    float fy = 128 + range(rnd, -10, 10);
    float fr = range(rnd, 118, 175);               // radius of the field of view
    float zoom = chance(rnd, 0.4f) ? range(rnd, 1.1f, 1.9f) : 1;   // a stronger objective
    g.background(0xFF040404);
    g.push();
    g.translate(fx, fy);
    g.scale(zoom);
    g.translate(-fx, -fy);
    switch (stain) {
      case HE -> tissue(g, rnd, fx, fy, fr);
      case FLUORESCENT -> fluorescence(g, rnd, fx, fy, fr);
      case PHASE -> phaseContrast(g, rnd, fx, fy, fr);
      case BLOOD -> bloodSmear(g, rnd, fx, fy, fr);
      default -> methyleneBlue(g, rnd, fx, fy, fr);
    }
    g.pop();
    fieldStop(g, fx, fy, fr);
  }

  /** H&E: pink cytoplasm (eosin), purple nuclei (haematoxylin). */
  static void tissue(PGraphics g, Random rnd, float fx, float fy, float fr) {
    int eosin = vary(rnd, pick(rnd, 0xFFE48CB4, 0xFFD87AA8, 0xFFEEA0C0, 0xFFD890C8), 10);
    int haem = vary(rnd, pick(rnd, 0xFF4A2A80, 0xFF3A2670, 0xFF5A3490, 0xFF352A6A), 10);
    slide(g, rnd, fx, fy, fr, mix(eosin, 0xFFFFFFFF, 0.75f));
    // wavy pink collagen fibres between the cells, mostly running one way
    g.noFill();
    float grain = rnd.nextFloat() * PI;
    for (int i = 0; i < 22; i++) {
      float a = grain + range(rnd, -0.4f, 0.4f);
      float len = range(rnd, 40, 110);
      float x = range(rnd, 0, 256);
      float y = range(rnd, 0, 256);
      float dx = cos(a) * len / 2;
      float dy = sin(a) * len / 2;
      float bend = range(rnd, -12, 12);
      g.stroke(darker(eosin, 0.1f), range(rnd, 60, 140));
      g.strokeWeight(range(rnd, 1.5f, 4));
      g.bezier(x - dx, y - dy, x - dx / 3 - dy / len * bend * 2, y - dy / 3 + dx / len * bend * 2,
          x + dx / 3 + dy / len * bend * 2, y + dy / 3 - dx / len * bend * 2, x + dx, y + dy);
    }
    g.noStroke();
    List<Cell> cells = scatter(rnd, 12 + rnd.nextInt(20), 14, 28, 0.6f, range(rnd, 0.7f, 0.9f), 0.12f, fx, fy, fr);
    for (Cell c : cells) {
      g.fill(vary(rnd, eosin, 14), 215);
      g.stroke(darker(eosin, 0.35f), 170);
      g.strokeWeight(1.3f);
      outline(g, c, 1);
      g.noStroke();
      // granules in the cytoplasm
      for (int i = 0; i < 10; i++) {
        float[] p = c.at(range(rnd, -0.8f, 0.8f), range(rnd, -0.8f, 0.8f));
        g.fill(darker(eosin, 0.3f), 90);
        g.ellipse(p[0], p[1], 2, 2);
      }
      if (c.dividing) {
        mitosis(g, rnd, c, darker(haem, 0.4f), 2.5f);
      } else {
        float[] n = c.at(range(rnd, -0.2f, 0.2f), range(rnd, -0.2f, 0.2f));
        nucleus(g, rnd, n[0], n[1], c.r * range(rnd, 0.35f, 0.55f), range(rnd, 0.7f, 1), c.angle, haem, darker(haem, 0.5f));
      }
    }
    // a few red blood cells in a small vessel
    if (chance(rnd, 0.6f)) {
      float vx = range(rnd, 40, 216);
      float vy = range(rnd, 40, 216);
      for (int i = 0; i < 8; i++) {
        g.fill(0xFFD8304A, 220);
        float d = range(rnd, 9, 12);
        g.ellipse(vx + range(rnd, -22, 22), vy + range(rnd, -14, 14), d, d);
      }
    }
  }

  /** Immunofluorescence: glowing stains on black. */
  static void fluorescence(PGraphics g, Random rnd, float fx, float fy, float fr) {
    int[][] palettes = {
        {0xFF30E060, 0xFF3060FF, 0xFFFF3030},   // actin green, DNA blue, mitochondria red
        {0xFFFF3040, 0xFF3070FF, 0xFF40FF70},
        {0xFFE040E0, 0xFF30D0FF, 0xFFFFD030},
        {0xFF40FF90, 0xFF4070FF, 0xFFFF40C0}};
    int[] p = palettes[rnd.nextInt(palettes.length)];
    int body = p[0];
    int dna = p[1];
    int organelle = p[2];
    radialGradient(g, fx, fy, fr, 0xFF0C0E12, 0xFF050607);
    List<Cell> cells = scatter(rnd, 4 + rnd.nextInt(7), 30, 56, 0.5f, 0.72f, 0.16f, fx, fy, fr);
    float bright = range(rnd, 0.6f, 1.2f);        // exposure
    for (Cell c : cells) {
      g.blendMode(ADD);        // light adds up, as in a fluorescence picture
      // a soft glow of the whole cell, from wide and faint to small and brighter
      for (int i = 0; i < 6; i++) {
        g.fill(body, 20 * bright);
        outline(g, c, 1.04f - i * 0.1f);
      }
      // stress fibres of the cytoskeleton, running roughly along the cell
      g.strokeWeight(range(rnd, 0.8f, 1.3f));
      for (int i = 0; i < 28; i++) {
        float v = range(rnd, -0.8f, 0.8f);
        float reach = 0.85f * sqrt(1 - v * v);
        float[] from = c.at(-reach, v);
        float[] to = c.at(reach, v + range(rnd, -0.4f, 0.4f));
        g.stroke(body, range(rnd, 25, 70) * bright);
        g.line(from[0], from[1], to[0], to[1]);
      }
      g.noFill();
      g.stroke(body, 80 * bright);
      g.strokeWeight(2);
      outline(g, c, 0.97f);
      g.noStroke();
      if (c.dividing) {
        // the spindle: fibres from two poles to the chromosomes
        float[] pole1 = c.at(-0.6f, 0);
        float[] pole2 = c.at(0.6f, 0);
        g.stroke(body, 110);
        g.strokeWeight(1);
        for (int i = 0; i < 12; i++) {
          float[] mid = c.at(0, range(rnd, -0.45f, 0.45f));
          g.line(pole1[0], pole1[1], mid[0], mid[1]);
          g.line(pole2[0], pole2[1], mid[0], mid[1]);
        }
        g.noStroke();
        g.fill(organelle);
        g.ellipse(pole1[0], pole1[1], 5, 5);
        g.ellipse(pole2[0], pole2[1], 5, 5);
        mitosis(g, rnd, c, dna, 3);
        continue;
      }
      // mitochondria: small worms around the nucleus
      g.noFill();
      g.strokeWeight(2);
      for (int i = 0; i < 26; i++) {
        float a = rnd.nextFloat() * TWO_PI;
        float d = range(rnd, 0.35f, 0.8f);
        float[] m = c.at(cos(a) * d, sin(a) * d);
        float t = rnd.nextFloat() * TWO_PI;
        g.stroke(organelle, range(rnd, 60, 150) * bright);
        g.bezier(m[0], m[1], m[0] + cos(t) * 3, m[1] + sin(t) * 3, m[0] + cos(t + 0.8f) * 5, m[1] + sin(t + 0.8f) * 5, m[0] + cos(t) * 7, m[1] + sin(t) * 7);
      }
      g.noStroke();
      // the nucleus, glowing
      float[] n = c.at(range(rnd, -0.15f, 0.15f), range(rnd, -0.15f, 0.15f));
      float nr = c.r * range(rnd, 0.32f, 0.45f);
      glow(g, n[0], n[1], nr * 1.5f, dna, 0.25f);
      g.blendMode(BLEND);      // the nucleus covers what is under it, so it stays blue
      nucleus(g, rnd, n[0], n[1], nr, range(rnd, 0.75f, 1), c.angle, darker(dna, 0.3f), lighter(dna, 0.35f));
    }
    g.blendMode(BLEND);
  }

  /** Phase contrast: unstained living cells, grey with bright halos. */
  static void phaseContrast(PGraphics g, Random rnd, float fx, float fy, float fr) {
    int grey = vary(rnd, pick(rnd, 0xFF8E908A, 0xFF9A9688, 0xFF7E8890, 0xFFA0A098), 8);
    slide(g, rnd, fx, fy, fr, grey);
    List<Cell> cells = scatter(rnd, 5 + rnd.nextInt(9), 16, 34, 0.3f, 0.8f, 0.18f, fx, fy, fr);
    for (Cell c : cells) {
      if (c.dividing) {
        // cells about to divide round up and shine
        g.fill(0xFFFFFFFF, 120);
        g.ellipse(c.x, c.y, c.r * 1.3f, c.r * 1.3f);
        g.fill(lighter(grey, 0.5f));
        g.stroke(darker(grey, 0.5f));
        g.strokeWeight(1.5f);
        g.ellipse(c.x, c.y, c.r, c.r);
        g.noStroke();
        continue;
      }
      // long thin processes reaching out from the ends of the cell, tapering to a point
      int cellBody = darker(grey, 0.3f);
      for (int end = -1; end <= 1; end += 2) {
        if (chance(rnd, 0.3f)) {
          continue;
        }
        float[] b1 = c.at(end * 0.6f, -0.35f);
        float[] b2 = c.at(end * 0.6f, 0.35f);
        float[] tip = c.at(end * range(rnd, 1.5f, 2.2f), range(rnd, -0.5f, 0.5f));
        g.fill(cellBody);
        g.stroke(0xFFFFFFFF, 90);
        g.strokeWeight(1.5f);
        g.triangle(b1[0], b1[1], b2[0], b2[1], tip[0], tip[1]);
        g.noStroke();
      }
      // the halo, the body, the dark edge
      g.noFill();
      g.stroke(0xFFFFFFFF, 70);
      g.strokeWeight(9);
      outline(g, c, 1.08f);
      g.stroke(0xFFFFFFFF, 150);
      g.strokeWeight(3.5f);
      outline(g, c, 1.04f);
      g.fill(cellBody);
      g.stroke(darker(grey, 0.6f), 220);
      g.strokeWeight(1.6f);
      outline(g, c, 1);
      g.noStroke();
      for (int i = 0; i < 12; i++) {
        float[] p = c.at(range(rnd, -0.7f, 0.7f), range(rnd, -0.7f, 0.7f));
        g.fill(darker(grey, 0.5f), 150);
        g.ellipse(p[0], p[1], 2.2f, 2.2f);
      }
      float[] n = c.at(range(rnd, -0.15f, 0.15f), 0);
      nucleus(g, rnd, n[0], n[1], c.r * 0.38f * c.stretch + 4, 0.8f, c.angle, darker(grey, 0.1f), darker(grey, 0.7f));
    }
  }

  /** A blood smear: red cells with pale centres, a few purple white cells. */
  static void bloodSmear(PGraphics g, Random rnd, float fx, float fy, float fr) {
    slide(g, rnd, fx, fy, fr, vary(rnd, 0xFFEDE0D6, 8));
    int red = vary(rnd, pick(rnd, 0xFFE0868E, 0xFFD87078, 0xFFE89A98), 10);
    List<Cell> cells = scatter(rnd, 40 + rnd.nextInt(50), 9, 12.5f, 0.85f, range(rnd, 0.8f, 1.05f), 0.04f, fx, fy, fr);
    for (Cell c : cells) {
      g.fill(vary(rnd, red, 10));
      g.stroke(darker(red, 0.3f), 150);
      g.strokeWeight(1);
      outline(g, c, 1);
      g.noStroke();
      g.fill(lighter(red, 0.45f), 170);      // the pale middle of a red cell
      g.ellipse(c.x, c.y, c.r * 0.9f, c.r * 0.9f * c.stretch);
    }
    // white cells: big, with purple nuclei of different shapes
    int purple = vary(rnd, 0xFF4A2A80, 10);
    int whites = 1 + rnd.nextInt(3);
    for (int i = 0; i < whites; i++) {
      float a = rnd.nextFloat() * TWO_PI;
      float d = range(rnd, 0, fr * 0.6f);
      float x = fx + cos(a) * d;
      float y = fy + sin(a) * d;
      float r = range(rnd, 17, 24);
      g.fill(0xFFE2D0EA);
      g.stroke(0xFFB8A0C8);
      g.strokeWeight(1);
      blob(g, x, y, r, r, 0, wave(rnd, 0.05f));
      g.noStroke();
      int kind = rnd.nextInt(3);
      if (kind == 0) {
        // neutrophil: three or four lobes joined by thin threads
        int lobes = 3 + rnd.nextInt(2);
        float[] prev = null;
        for (int l = 0; l < lobes; l++) {
          float la = a + l * 1.4f + range(rnd, -0.3f, 0.3f);
          float[] p = {x + cos(la) * r * 0.4f, y + sin(la) * r * 0.4f};
          if (prev != null) {
            g.stroke(purple);
            g.strokeWeight(2);
            g.line(prev[0], prev[1], p[0], p[1]);
            g.noStroke();
          }
          nucleus(g, rnd, p[0], p[1], r * 0.3f, 0.85f, la, purple, darker(purple, 0.5f));
          prev = p;
        }
      } else if (kind == 1) {
        // lymphocyte: one big round nucleus with a thin rim of blue
        g.fill(0xFF9AB0E0);
        g.ellipse(x, y, r * 1.7f, r * 1.7f);
        nucleus(g, rnd, x + 1, y, r * 0.72f, 0.95f, 0, darker(purple, 0.1f), darker(purple, 0.5f));
      } else {
        // eosinophil: orange granules and a two-lobed nucleus
        for (int k = 0; k < 40; k++) {
          float ga = rnd.nextFloat() * TWO_PI;
          float gd = sqrt(rnd.nextFloat()) * r * 0.85f;
          g.fill(0xFFE07040, 200);
          g.ellipse(x + cos(ga) * gd, y + sin(ga) * gd, 3, 3);
        }
        nucleus(g, rnd, x - r * 0.3f, y, r * 0.35f, 0.8f, 0, purple, darker(purple, 0.5f));
        nucleus(g, rnd, x + r * 0.3f, y, r * 0.35f, 0.8f, 0, purple, darker(purple, 0.5f));
      }
    }
    // platelets
    for (int i = 0; i < 8; i++) {
      g.fill(purple, 200);
      float d = range(rnd, 2, 4);
      g.ellipse(range(rnd, fx - fr, fx + fr), range(rnd, fy - fr, fy + fr), d, d);
    }
  }

  /** Methylene blue: cheek cells or a culture of spindle-shaped cells. */
  static void methyleneBlue(PGraphics g, Random rnd, float fx, float fy, float fr) {
    int blue = vary(rnd, pick(rnd, 0xFF4A70C0, 0xFF3A5AA8, 0xFF6A4AB0, 0xFF2A6A9A), 10);
    slide(g, rnd, fx, fy, fr, mix(blue, 0xFFFFFFFF, 0.85f));
    boolean cheek = rnd.nextBoolean();
    List<Cell> cells = cheek
        ? scatter(rnd, 4 + rnd.nextInt(6), 32, 52, 0.7f, 0.75f, 0.14f, fx, fy, fr)
        : scatter(rnd, 8 + rnd.nextInt(12), 18, 32, 0.25f, 0.6f, 0.1f, fx, fy, fr);
    for (Cell c : cells) {
      g.fill(blue, cheek ? 70 : 130);
      g.stroke(darker(blue, 0.3f), 170);
      g.strokeWeight(1.3f);
      outline(g, c, 1);
      g.noStroke();
      if (cheek) {
        // folds in the thin flat cell
        g.noFill();
        g.stroke(darker(blue, 0.2f), 90);
        g.strokeWeight(1);
        for (int i = 0; i < 3; i++) {
          float[] a = c.at(range(rnd, -0.8f, 0.8f), range(rnd, -0.8f, 0.8f));
          float[] b = c.at(range(rnd, -0.8f, 0.8f), range(rnd, -0.8f, 0.8f));
          g.bezier(a[0], a[1], a[0] + 8, a[1] - 6, b[0] - 8, b[1] + 6, b[0], b[1]);
        }
        g.noStroke();
        // bacteria on the surface
        for (int i = 0; i < 15; i++) {
          float[] p = c.at(range(rnd, -0.9f, 0.9f), range(rnd, -0.9f, 0.9f));
          g.fill(darker(blue, 0.5f), 180);
          g.ellipse(p[0], p[1], 2, 2);
        }
      }
      if (c.dividing && !cheek) {
        float[] a = c.at(-0.35f, 0);
        float[] b = c.at(0.35f, 0);
        nucleus(g, rnd, a[0], a[1], 6, 0.8f, c.angle, darker(blue, 0.35f), darker(blue, 0.7f));
        nucleus(g, rnd, b[0], b[1], 6, 0.8f, c.angle, darker(blue, 0.35f), darker(blue, 0.7f));
      } else {
        float[] n = c.at(range(rnd, -0.2f, 0.2f), 0);
        float nr = cheek ? range(rnd, 6, 9) : c.r * 0.4f;
        nucleus(g, rnd, n[0], n[1], nr, cheek ? 0.85f : max(0.45f, c.stretch), c.angle, darker(blue, 0.35f), darker(blue, 0.7f));
      }
    }
  }

  /** The round edge of the field of view: a soft dark rim, and black outside. */
  static void fieldStop(PGraphics g, float fx, float fy, float fr) {
    g.noFill();
    for (int i = 0; i < 10; i++) {
      g.stroke(0, 8 + i * 6);
      g.strokeWeight(4);
      g.ellipse(fx, fy, (fr - 22 + i * 2.4f) * 2, (fr - 22 + i * 2.4f) * 2);
    }
    g.noStroke();
    g.fill(0xFF040404);
    g.beginShape();
    g.vertex(-10, -10);
    g.vertex(266, -10);
    g.vertex(266, 266);
    g.vertex(-10, 266);
    g.beginContour();
    for (int i = 0; i < 72; i++) {
      float a = -TWO_PI * i / 72;
      g.vertex(fx + cos(a) * fr, fy + sin(a) * fr);
    }
    g.endContour();
    g.endShape(CLOSE);
  }

  /** The bright, slightly uneven glass slide seen through the eyepiece. */
  static void slide(PGraphics g, Random rnd, float fx, float fy, float fr, int colour) {
    radialGradient(g, fx, fy, fr * 1.05f, lighter(colour, 0.25f), darker(colour, 0.15f));
    for (int i = 0; i < 4; i++) {
      glow(g, fx + range(rnd, -fr, fr) * 0.7f, fy + range(rnd, -fr, fr) * 0.7f, range(rnd, 40, 90),
          rnd.nextBoolean() ? 0xFFFFFFFF : darker(colour, 0.3f), 0.08f);
    }
  }

  /** Scatters up to n cells inside the field, keeping them from overlapping too much. */
  static List<Cell> scatter(Random rnd, int n, float rMin, float rMax, float stretchMin, float crowd,
      float wobble, float fx, float fy, float fr) {
    List<Cell> cells = new ArrayList<>();
    for (int tries = 0; tries < n * 30 && cells.size() < n; tries++) {
      float r = range(rnd, rMin, rMax);
      float a = rnd.nextFloat() * TWO_PI;
      float d = sqrt(rnd.nextFloat()) * (cells.isEmpty() ? fr * 0.3f : fr + r * 0.3f);   // the first one near the middle
      float x = fx + cos(a) * d;
      float y = fy + sin(a) * d;
      if (x < -r || x > 256 + r || y < -r || y > 256 + r) {
        continue;
      }
      boolean free = true;
      for (Cell c : cells) {
        if (dist(x, y, c.x, c.y) < (r + c.r) * crowd) {
          free = false;
          break;
        }
      }
      if (free) {
        cells.add(new Cell(x, y, r, range(rnd, stretchMin, 1), rnd.nextFloat() * TWO_PI, wave(rnd, wobble), chance(rnd, 0.12f)));
      }
    }
    return cells;
  }

  /** The three slow waves that make a cell's edge wobble: heights up to amount, and where each starts. */
  static float[] wave(Random rnd, float amount) {
    return new float[] {range(rnd, 0, amount), range(rnd, 0, amount * 0.6f), range(rnd, 0, amount * 0.3f),
        rnd.nextFloat() * TWO_PI, rnd.nextFloat() * TWO_PI, rnd.nextFloat() * TWO_PI};
  }

  /** A nucleus: a wobbly disc with dark chromatin specks and a nucleolus or two. */
  static void nucleus(PGraphics g, Random rnd, float x, float y, float r, float stretch, float angle, int colour, int chromatin) {
    float[] w = wave(rnd, 0.08f);
    g.fill(colour);
    blob(g, x, y, r, r * stretch, angle, w);
    int specks = (int) (r * 1.6f);
    for (int i = 0; i < specks; i++) {
      float a = rnd.nextFloat() * TWO_PI;
      float d = sqrt(rnd.nextFloat()) * r * 0.8f;
      float s = range(rnd, 1, 2.6f);
      g.fill(chromatin, range(rnd, 60, 150));
      g.ellipse(x + cos(a) * d, y + sin(a) * d * stretch, s, s);
    }
    g.fill(chromatin, 220);
    float nr = r * range(rnd, 0.18f, 0.3f);
    g.ellipse(x + range(rnd, -r, r) * 0.3f, y + range(rnd, -r, r) * 0.3f, nr, nr);
    g.noFill();
    g.stroke(chromatin, 140);
    g.strokeWeight(1.2f);
    blob(g, x, y, r, r * stretch, angle, w);
    g.noStroke();
  }

  /** A cell in mitosis: its chromosomes lined up in the middle (metaphase) or pulled apart (anaphase). */
  static void mitosis(PGraphics g, Random rnd, Cell c, int colour, float weight) {
    boolean apart = rnd.nextBoolean();
    g.stroke(colour);
    g.strokeWeight(weight);
    for (int i = 0; i < 14; i++) {
      float u = range(rnd, -0.5f, 0.5f);
      for (int half = apart ? -1 : 0; half <= (apart ? 1 : 0); half += 2) {
        float v = apart ? half * range(rnd, 0.35f, 0.5f) : range(rnd, -0.08f, 0.08f);
        float[] p = c.at(v, u);
        float a = c.angle + range(rnd, -0.6f, 0.6f);
        float len = range(rnd, 2.5f, 5);
        g.line(p[0] - cos(a) * len, p[1] - sin(a) * len, p[0] + cos(a) * len, p[1] + sin(a) * len);
        if (!apart) {
          break;
        }
      }
    }
    g.noStroke();
  }

  /** A wobbly outline: an ellipse whose radius rises and falls with three slow waves. */
  static void blob(PGraphics g, float x, float y, float rx, float ry, float angle, float[] wave) {
    g.beginShape();
    for (int i = 0; i < 48; i++) {
      float a = TWO_PI * i / 48;
      float k = 1 + wave[0] * sin(2 * a + wave[3]) + wave[1] * sin(3 * a + wave[4]) + wave[2] * sin(5 * a + wave[5]);
      float px = cos(a) * rx * k;
      float py = sin(a) * ry * k;
      g.vertex(x + px * cos(angle) - py * sin(angle), y + px * sin(angle) + py * cos(angle));
    }
    g.endShape(CLOSE);
  }

  /** Draws the outline of a cell, grown or shrunk by {@code scale}. */
  static void outline(PGraphics g, Cell c, float scale) {
    blob(g, c.x, c.y, c.r * scale, c.r * c.stretch * scale, c.angle, c.wave);
  }

  private Cells() {
  }
}
