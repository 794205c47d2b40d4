package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import processing.core.PGraphics;

/**
 * Human cells under a microscope. Each picture picks a way the slide was prepared and imaged —
 * nine stains, from H&E tissue to fluorescence on black — how crowded the cells are (from a few
 * to a confluent layer), how strong the objective is, and whether the round field stop shows.
 * Some cells are dividing: their chromosomes show as a mitosis figure.
 */
public final class Cells {

  /** The stains, each drawn by its own method below, with its own colours. Take one out to never see it. */
  static final String[] STAINS = {"h&e", "giemsa", "papanicolaou", "gram", "fluorescence", "phase contrast", "dark field",
      "methylene blue", "ihc"};

  /** How often a cell is dividing (in a crowded field there are more). */
  static final float MITOSIS = 0.06f;

  /** One cell: where, how large, how stretched and turned, how its edge wobbles, whether it divides (and how far). */
  static final class Cell {
    float x, y, r, stretch, angle;
    float[] wave;
    int phase;              // 0 resting; 1 prophase, 2 metaphase, 3 anaphase, 4 telophase

    Cell(float x, float y, float r, float stretch, float angle, float[] wave, int phase) {
      this.x = x;
      this.y = y;
      this.r = r;
      this.stretch = stretch;
      this.angle = angle;
      this.wave = wave;
      this.phase = phase;
    }

    /** A point inside the cell: u, v from -1 to 1 across and along it. */
    float[] at(float u, float v) {
      float px = u * r;
      float py = v * r * stretch;
      return new float[] {x + px * cos(angle) - py * sin(angle), y + px * sin(angle) + py * cos(angle)};
    }
  }

  /** What one field of view is: its stain, how crowded, how magnified, and the counts, written as it is drawn. */
  static final class Field {
    final float density;    // 0 a few cells … 1 confluent
    final float zoom;       // 1 the usual objective; 2 twice as close
    final float reach;      // how far from the middle the visible picture goes, before zooming
    int cells;
    int mitoses;
    int redCells;

    Field(float density, float zoom) {
      this.density = density;
      this.zoom = zoom;
      this.reach = 128 / zoom + 20;
    }

    /** How many cells of about radius r fill the field at this density. */
    int count(float r, float most) {
      float full = sq(2 * reach) / (PI * r * r) * 1.1f;
      return max(3, (int) (min(most, full) * lerp(0.04f, 1, density)));
    }
  }

  /** A field of view in a microscope. */
  public static Attributes draw(PGraphics g, Random rnd) {
    String stain = STAINS[rnd.nextInt(STAINS.length)];
    Field field = new Field(rnd.nextFloat(), range(rnd, 0.6f, 2.2f));
    boolean stop = chance(rnd, 0.45f);
    float fx = 128 + range(rnd, -12, 12);
    float fy = 128 + range(rnd, -12, 12);
    float fr = range(rnd, 110, 155);                 // radius of the field stop (the corners stay outside it)
    g.background(0xFF040404);
    g.push();
    g.translate(128, 128);
    g.scale(field.zoom);
    g.translate(-128, -128);
    String imaging = switch (stain) {
      case "h&e" -> tissue(g, rnd, field, false);
      case "ihc" -> tissue(g, rnd, field, true);
      case "giemsa" -> blood(g, rnd, field);
      case "papanicolaou" -> papanicolaou(g, rnd, field);
      case "gram" -> gram(g, rnd, field);
      case "fluorescence" -> fluorescence(g, rnd, field);
      case "phase contrast" -> phaseContrast(g, rnd, field);
      case "dark field" -> darkField(g, rnd, field);
      default -> methyleneBlue(g, rnd, field);
    };
    g.pop();
    soften(g, 0.9f);                                 // a little out of focus, as through a lens
    if (stop) {
      fieldStop(g, fx, fy, fr);
    } else {
      vignette(g, range(rnd, 0.2f, 0.6f));
    }
    return new Attributes().put("stain", stain).put("imaging", imaging).put("density", field.density)
        .put("cells", field.cells).put("mitoses", field.mitoses).put("redCells", field.redCells)
        .put("magnification", field.zoom).put("fieldStop", stop);
  }

  // ---- The stains ----

  /**
   * A tissue section. H&E: pink cytoplasm and fibres (eosin), purple nuclei (haematoxylin). IHC:
   * a blue counterstain with some cells stained brown (DAB) where the antibody found its target.
   * The tissue is a lining of glands, a sheet of cells, muscle fibres or loose connective tissue.
   */
  static String tissue(PGraphics g, Random rnd, Field f, boolean ihc) {
    int pink = ihc ? vary(rnd, pick(rnd, 0xFFE8E0E4, 0xFFDCD8E4, 0xFFEEE8E0), 8) : vary(rnd, pick(rnd, 0xFFE48CB4, 0xFFD87AA8, 0xFFEEA0C0, 0xFFD890C8, 0xFFE8A0A8), 10);
    int haem = vary(rnd, pick(rnd, 0xFF4A2A80, 0xFF3A2670, 0xFF5A3490, 0xFF352A6A, 0xFF3A3A8A), 10);
    int brown = vary(rnd, pick(rnd, 0xFF7A4A1E, 0xFF8A5020, 0xFF603818), 12);
    float positive = ihc ? range(rnd, 0.1f, 0.7f) : 0;
    slide(g, rnd, mix(pink, 0xFFFFFFFF, ihc ? 0.5f : 0.72f));
    fibres(g, rnd, f, darker(pink, 0.1f), ihc ? 8 : 26);
    String tissue = pick(rnd, "glands", "sheet", "muscle", "connective");
    List<Cell> cells;
    switch (tissue) {
      case "glands" -> {
        cells = new ArrayList<>();
        int glands = 1 + (int) (f.density * 5);
        for (int k = 0; k < glands; k++) {
          float gx = 128 + range(rnd, -f.reach, f.reach) * 0.8f;
          float gy = 128 + range(rnd, -f.reach, f.reach) * 0.8f;
          float gr = range(rnd, 30, 70);
          g.fill(0xFFFFFFFF, 200);
          blob(g, gx, gy, gr * 0.7f, gr * 0.6f, rnd.nextFloat() * TWO_PI, wave(rnd, 0.15f));   // the lumen
          int n = (int) (TWO_PI * gr / 11);
          for (int i = 0; i < n; i++) {
            float a = TWO_PI * i / n;
            cells.add(new Cell(gx + cos(a) * gr, gy + sin(a) * gr * 0.86f, range(rnd, 7, 10), range(rnd, 1.3f, 1.8f), a + HALF_PI,
                wave(rnd, 0.06f), phase(rnd, f)));
          }
        }
      }
      case "muscle" -> cells = scatter(rnd, f, f.count(14, 80), 10, 18, 2.5f, 4, 0.7f, 0.05f, rnd.nextFloat() * PI);
      case "connective" -> cells = scatter(rnd, f, f.count(18, 40) / 2 + 1, 6, 10, 1.8f, 3, 0.9f, 0.1f, -1);
      default -> cells = scatter(rnd, f, f.count(11, 260), 9, 15, 0.7f, 1, 0.78f, 0.12f, -1);
    }
    for (Cell c : cells) {
      boolean brownCell = chance(rnd, positive);
      g.fill(vary(rnd, tissue.equals("connective") ? lighter(pink, 0.2f) : pink, 14), tissue.equals("connective") ? 120 : 215);
      g.stroke(darker(pink, 0.35f), 150);
      g.strokeWeight(1.1f);
      outline(g, c, 1);
      g.noStroke();
      if (brownCell) {
        g.fill(brown, 130);
        outline(g, c, 0.95f);
      }
      int nucleusColour = brownCell && chance(rnd, 0.5f) ? brown : haem;
      if (c.phase > 0) {
        mitosis(g, rnd, c, darker(haem, 0.4f), 2.2f);
        f.mitoses++;
      } else {
        float[] n = c.at(range(rnd, -0.15f, 0.15f), range(rnd, -0.15f, 0.15f));
        float stretch = tissue.equals("muscle") || tissue.equals("connective") ? 0.3f : range(rnd, 0.7f, 1);
        nucleus(g, rnd, n[0], n[1], c.r * (tissue.equals("muscle") ? 0.3f : range(rnd, 0.4f, 0.6f)),
            stretch, c.angle + HALF_PI, nucleusColour, darker(nucleusColour, 0.5f));
      }
    }
    f.cells = cells.size();
    // red blood cells in a small vessel
    if (chance(rnd, 0.5f)) {
      float vx = 128 + range(rnd, -f.reach, f.reach) * 0.7f;
      float vy = 128 + range(rnd, -f.reach, f.reach) * 0.7f;
      int n = 4 + rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        redCell(g, vx + range(rnd, -26, 26), vy + range(rnd, -16, 16), range(rnd, 4.5f, 6), ihc ? 0xFFC86A5A : 0xFFD8304A);
      }
      f.redCells = n;
    }
    return "brightfield";
  }

  /** Giemsa: a blood smear — many red cells with pale centres, white cells with purple nuclei, platelets. */
  static String blood(PGraphics g, Random rnd, Field f) {
    slide(g, rnd, vary(rnd, pick(rnd, 0xFFEDE0D6, 0xFFE8DCE8, 0xFFF0E4D8), 8));
    int red = vary(rnd, pick(rnd, 0xFFE0868E, 0xFFD87078, 0xFFE89A98, 0xFFD8909A), 10);
    List<Cell> reds = scatter(rnd, f, f.count(5.5f, 500), 5, 6.2f, 0.85f, 1, 0.9f, 0.04f, -1);
    boolean rouleaux = chance(rnd, 0.2f);
    for (Cell c : reds) {
      redCell(g, c.x, c.y, c.r, vary(rnd, red, 10));
      if (rouleaux && chance(rnd, 0.3f)) {
        redCell(g, c.x + c.r * 0.6f, c.y + c.r * 0.2f, c.r, vary(rnd, red, 10));
      }
    }
    f.redCells = reds.size();
    int purple = vary(rnd, pick(rnd, 0xFF4A2A80, 0xFF5A3090, 0xFF3A2A7A), 10);
    int whites = 1 + rnd.nextInt(2 + (int) (f.density * 4));
    for (int i = 0; i < whites; i++) {
      float x = 128 + range(rnd, -f.reach, f.reach) * 0.7f;
      float y = 128 + range(rnd, -f.reach, f.reach) * 0.7f;
      float r = range(rnd, 9, 13);
      whiteCell(g, rnd, x, y, r, purple);
    }
    f.cells = reds.size() + whites;
    for (int i = 0; i < 6 + f.density * 20; i++) {
      g.fill(purple, 200);
      float d = range(rnd, 1.2f, 2.4f);
      g.ellipse(128 + range(rnd, -f.reach, f.reach), 128 + range(rnd, -f.reach, f.reach), d, d);
    }
    return "brightfield";
  }

  /**
   * Papanicolaou: a cervical smear — large flat scale-like cells, their cytoplasm pink-orange or
   * blue-green, each with a small dark nucleus; they overlap like leaves.
   */
  static String papanicolaou(PGraphics g, Random rnd, Field f) {
    slide(g, rnd, vary(rnd, pick(rnd, 0xFFF0ECE4, 0xFFE8ECEC), 6));
    int[] cytoplasm = {0xFFE89A8A, 0xFFF0B070, 0xFF8AC0B0, 0xFF7AA8C8, 0xFFE8A0B8};
    List<Cell> cells = scatter(rnd, f, f.count(26, 40), 20, 34, 0.6f, 1, 0.55f, 0.2f, -1);
    for (Cell c : cells) {
      int colour = vary(rnd, cytoplasm[rnd.nextInt(cytoplasm.length)], 14);
      g.fill(colour, 120);
      g.stroke(darker(colour, 0.3f), 150);
      g.strokeWeight(1);
      polygon(g, rnd, c);
      g.noStroke();
      if (c.phase > 0 && chance(rnd, 0.5f)) {
        mitosis(g, rnd, c, 0xFF2A1A4A, 1.8f);
        f.mitoses++;
      } else {
        float[] n = c.at(range(rnd, -0.2f, 0.2f), range(rnd, -0.2f, 0.2f));
        nucleus(g, rnd, n[0], n[1], range(rnd, 3.5f, 6.5f), range(rnd, 0.75f, 1), c.angle, 0xFF3A2A5A, 0xFF140A20);
      }
    }
    // a few small inflammatory cells between them
    for (int i = 0; i < 4 + f.density * 20; i++) {
      nucleus(g, rnd, 128 + range(rnd, -f.reach, f.reach), 128 + range(rnd, -f.reach, f.reach), range(rnd, 2, 3.2f), 0.9f, 0, 0xFF4A3A7A,
          0xFF201040);
    }
    f.cells = cells.size();
    return "brightfield";
  }

  /** Gram: bacteria — purple (Gram-positive) cocci in clusters and chains, or pink (Gram-negative) rods — with a few host cells. */
  static String gram(PGraphics g, Random rnd, Field f) {
    slide(g, rnd, vary(rnd, pick(rnd, 0xFFF2E8EC, 0xFFEEE6E0), 6));
    List<Cell> host = scatter(rnd, f, 1 + rnd.nextInt(4), 14, 22, 0.7f, 1, 0.9f, 0.15f, -1);
    for (Cell c : host) {
      g.fill(0xFFE8B0C0, 130);
      outline(g, c, 1);
      nucleus(g, rnd, c.x, c.y, c.r * 0.45f, 0.85f, c.angle, 0xFFC05080, 0xFF802050);
    }
    boolean positive = chance(rnd, 0.5f);
    boolean rods = positive ? chance(rnd, 0.3f) : chance(rnd, 0.8f);
    int colour = positive ? vary(rnd, 0xFF3A2070, 14) : vary(rnd, 0xFFC0406A, 14);
    int clumps = 3 + (int) (f.density * 30);
    int bacteria = 0;
    g.strokeCap(ROUND);
    for (int k = 0; k < clumps; k++) {
      float cx = 128 + range(rnd, -f.reach, f.reach);
      float cy = 128 + range(rnd, -f.reach, f.reach);
      int n = 3 + rnd.nextInt(20);
      float a = rnd.nextFloat() * TWO_PI;
      for (int i = 0; i < n; i++) {
        float x = cx + (rods ? range(rnd, -14, 14) : cos(a) * i * 3.2f + range(rnd, -6, 6) * (k % 2));
        float y = cy + (rods ? range(rnd, -14, 14) : sin(a) * i * 3.2f + range(rnd, -6, 6) * (k % 2));
        g.fill(colour, 220);
        if (rods) {
          float t = rnd.nextFloat() * TWO_PI;
          g.stroke(colour, 220);
          g.strokeWeight(2.4f);
          g.line(x - cos(t) * 3.5f, y - sin(t) * 3.5f, x + cos(t) * 3.5f, y + sin(t) * 3.5f);
          g.noStroke();
        } else {
          g.ellipse(x, y, 3.2f, 3.2f);
        }
        bacteria++;
      }
    }
    f.cells = host.size() + bacteria;
    return "brightfield";
  }

  /**
   * Fluorescence: dyes that glow on black — DAPI blue in the nuclei, FITC green (here the
   * cytoskeleton), TRITC red (here the mitochondria) — one, two or all three channels.
   */
  static String fluorescence(PGraphics g, Random rnd, Field f) {
    boolean dapi = chance(rnd, 0.85f);
    boolean fitc = chance(rnd, 0.7f);
    boolean tritc = chance(rnd, 0.6f) || !dapi && !fitc;
    int blue = pick(rnd, 0xFF3060FF, 0xFF4070FF, 0xFF3090FF);
    int green = pick(rnd, 0xFF30E060, 0xFF50FF70, 0xFF80FF40);
    int red = pick(rnd, 0xFFFF3030, 0xFFFF3080, 0xFFFF6020);
    g.background(0xFF030406);
    List<Cell> cells = scatter(rnd, f, f.count(26, 60), 18, 34, 0.5f, 1, 0.72f, 0.16f, -1);
    float bright = range(rnd, 0.6f, 1.2f);
    for (Cell c : cells) {
      g.blendMode(ADD);          // light adds up, as in a fluorescence picture
      if (fitc) {
        for (int i = 0; i < 4; i++) {
          g.fill(green, 16 * bright);
          outline(g, c, 1.04f - i * 0.12f);
        }
        g.strokeWeight(range(rnd, 0.8f, 1.3f));
        for (int i = 0; i < 22; i++) {
          float v = range(rnd, -0.8f, 0.8f);
          float reach = 0.85f * sqrt(1 - v * v);
          float[] from = c.at(-reach, v);
          float[] to = c.at(reach, v + range(rnd, -0.4f, 0.4f));
          g.stroke(green, range(rnd, 25, 70) * bright);
          g.line(from[0], from[1], to[0], to[1]);
        }
        g.noStroke();
      }
      if (tritc) {
        g.noFill();
        g.strokeWeight(2);
        for (int i = 0; i < 22; i++) {
          float a = rnd.nextFloat() * TWO_PI;
          float d = range(rnd, 0.35f, 0.8f);
          float[] m = c.at(cos(a) * d, sin(a) * d);
          float t = rnd.nextFloat() * TWO_PI;
          g.stroke(red, range(rnd, 60, 150) * bright);
          g.bezier(m[0], m[1], m[0] + cos(t) * 3, m[1] + sin(t) * 3, m[0] + cos(t + 0.8f) * 5, m[1] + sin(t + 0.8f) * 5,
              m[0] + cos(t) * 7, m[1] + sin(t) * 7);
        }
        g.noStroke();
      }
      if (c.phase > 0) {
        if (fitc) {
          // the spindle: fibres from two poles to the chromosomes
          float[] pole1 = c.at(-0.6f, 0);
          float[] pole2 = c.at(0.6f, 0);
          g.stroke(green, 110);
          g.strokeWeight(1);
          for (int i = 0; i < 10; i++) {
            float[] mid = c.at(0, range(rnd, -0.45f, 0.45f));
            g.line(pole1[0], pole1[1], mid[0], mid[1]);
            g.line(pole2[0], pole2[1], mid[0], mid[1]);
          }
          g.noStroke();
        }
        if (dapi) {
          mitosis(g, rnd, c, lighter(blue, 0.3f), 2.6f);
        }
        f.mitoses++;
        continue;
      }
      if (dapi) {
        float[] n = c.at(range(rnd, -0.15f, 0.15f), range(rnd, -0.15f, 0.15f));
        float nr = c.r * range(rnd, 0.32f, 0.45f);
        glow(g, n[0], n[1], nr * 1.5f, blue, 0.3f);
        g.blendMode(BLEND);
        nucleus(g, rnd, n[0], n[1], nr, range(rnd, 0.75f, 1), c.angle, darker(blue, 0.3f), lighter(blue, 0.35f));
      }
    }
    g.blendMode(BLEND);
    f.cells = cells.size();
    return "fluorescence";
  }

  /** Phase contrast: living cells without stain, grey on grey, each with a bright halo. */
  static String phaseContrast(PGraphics g, Random rnd, Field f) {
    int grey = vary(rnd, pick(rnd, 0xFF8E908A, 0xFF9A9688, 0xFF7E8890, 0xFFA0A098), 8);
    slide(g, rnd, grey);
    List<Cell> cells = scatter(rnd, f, f.count(20, 90), 12, 26, 0.3f, 1, 0.8f, 0.18f, -1);
    for (Cell c : cells) {
      if (c.phase > 0) {
        // cells about to divide round up and shine
        g.fill(0xFFFFFFFF, 120);
        g.ellipse(c.x, c.y, c.r * 1.3f, c.r * 1.3f);
        g.fill(lighter(grey, 0.5f));
        g.stroke(darker(grey, 0.5f));
        g.strokeWeight(1.5f);
        g.ellipse(c.x, c.y, c.r, c.r);
        g.noStroke();
        if (c.phase == 4) {
          g.fill(lighter(grey, 0.5f));
          g.ellipse(c.x + c.r * 0.55f, c.y, c.r * 0.8f, c.r * 0.8f);
        }
        f.mitoses++;
        continue;
      }
      int body = darker(grey, 0.3f);
      for (int end = -1; end <= 1; end += 2) {
        if (chance(rnd, 0.3f)) {
          continue;
        }
        float[] b1 = c.at(end * 0.6f, -0.35f);
        float[] b2 = c.at(end * 0.6f, 0.35f);
        float[] tip = c.at(end * range(rnd, 1.5f, 2.2f), range(rnd, -0.5f, 0.5f));
        g.fill(body);
        g.stroke(0xFFFFFFFF, 90);
        g.strokeWeight(1.5f);
        g.triangle(b1[0], b1[1], b2[0], b2[1], tip[0], tip[1]);
        g.noStroke();
      }
      g.noFill();
      g.stroke(0xFFFFFFFF, 70);
      g.strokeWeight(8);
      outline(g, c, 1.08f);
      g.stroke(0xFFFFFFFF, 150);
      g.strokeWeight(3);
      outline(g, c, 1.04f);
      g.fill(body);
      g.stroke(darker(grey, 0.6f), 220);
      g.strokeWeight(1.4f);
      outline(g, c, 1);
      g.noStroke();
      for (int i = 0; i < 8; i++) {
        float[] p = c.at(range(rnd, -0.7f, 0.7f), range(rnd, -0.7f, 0.7f));
        g.fill(darker(grey, 0.5f), 150);
        g.ellipse(p[0], p[1], 2.2f, 2.2f);
      }
      float[] n = c.at(range(rnd, -0.15f, 0.15f), 0);
      nucleus(g, rnd, n[0], n[1], c.r * 0.38f * c.stretch + 3, 0.8f, c.angle, darker(grey, 0.1f), darker(grey, 0.7f));
    }
    f.cells = cells.size();
    return "phase contrast";
  }

  /** Dark field: light scattered by the edges only — bright rims on black, and thin bright bacteria. */
  static String darkField(PGraphics g, Random rnd, Field f) {
    g.background(0xFF020204);
    int tint = pick(rnd, 0xFFE8F0FF, 0xFFFFF4E0, 0xFFD8FFE8);
    boolean blood = chance(rnd, 0.5f);
    List<Cell> cells = blood ? scatter(rnd, f, f.count(6, 300), 5, 6.5f, 0.85f, 1, 0.95f, 0.04f, -1)
        : scatter(rnd, f, f.count(18, 60), 12, 24, 0.4f, 1, 0.8f, 0.18f, -1);
    g.noFill();
    for (Cell c : cells) {
      g.stroke(tint, 40);
      g.strokeWeight(5);
      outline(g, c, 1);
      g.stroke(tint, 200);
      g.strokeWeight(1.2f);
      outline(g, c, 1);
      if (!blood) {
        g.stroke(tint, 90);
        g.strokeWeight(1);
        float[] n = c.at(0, 0);
        g.ellipse(n[0], n[1], c.r * 0.7f, c.r * 0.7f * c.stretch);
      }
      if (c.phase > 0) {
        f.mitoses++;
      }
    }
    // spirochetes and rods, bright threads
    int bugs = (int) (f.density * 30) + rnd.nextInt(6);
    g.stroke(tint, 210);
    g.strokeWeight(1.2f);
    for (int i = 0; i < bugs; i++) {
      float x = 128 + range(rnd, -f.reach, f.reach);
      float y = 128 + range(rnd, -f.reach, f.reach);
      float a = rnd.nextFloat() * TWO_PI;
      g.beginShape();
      for (int k = 0; k < 12; k++) {
        float t = k * 1.6f;
        g.vertex(x + cos(a) * t - sin(a) * sin(k * 1.3f) * 2, y + sin(a) * t + cos(a) * sin(k * 1.3f) * 2);
      }
      g.endShape();
    }
    g.noStroke();
    f.cells = cells.size() + bugs;
    if (blood) {
      f.redCells = cells.size();
    }
    return "dark field";
  }

  /** Methylene blue: flat cheek cells with bacteria on them, or a culture of spindle-shaped cells. */
  static String methyleneBlue(PGraphics g, Random rnd, Field f) {
    int blue = vary(rnd, pick(rnd, 0xFF4A70C0, 0xFF3A5AA8, 0xFF6A4AB0, 0xFF2A6A9A), 10);
    slide(g, rnd, mix(blue, 0xFFFFFFFF, 0.85f));
    boolean cheek = rnd.nextBoolean();
    List<Cell> cells = cheek ? scatter(rnd, f, f.count(30, 30), 24, 40, 0.7f, 1, 0.7f, 0.14f, -1)
        : scatter(rnd, f, f.count(16, 120), 12, 22, 0.25f, 1, 0.6f, 0.1f, -1);
    for (Cell c : cells) {
      g.fill(blue, cheek ? 70 : 130);
      g.stroke(darker(blue, 0.3f), 170);
      g.strokeWeight(1.2f);
      if (cheek) {
        polygon(g, rnd, c);
      } else {
        outline(g, c, 1);
      }
      g.noStroke();
      if (cheek) {
        for (int i = 0; i < 15; i++) {
          float[] p = c.at(range(rnd, -0.9f, 0.9f), range(rnd, -0.9f, 0.9f));
          g.fill(darker(blue, 0.5f), 180);
          g.ellipse(p[0], p[1], 2, 2);
        }
      }
      if (c.phase > 0 && !cheek) {
        mitosis(g, rnd, c, darker(blue, 0.6f), 2);
        f.mitoses++;
      } else {
        float[] n = c.at(range(rnd, -0.2f, 0.2f), 0);
        float nr = cheek ? range(rnd, 5, 8) : c.r * 0.4f;
        nucleus(g, rnd, n[0], n[1], nr, cheek ? 0.85f : max(0.45f, c.stretch), c.angle, darker(blue, 0.35f), darker(blue, 0.7f));
      }
    }
    f.cells = cells.size();
    return "brightfield";
  }

  // ---- The parts of a picture ----

  /** The round edge of the field of view: a soft dark rim, and black outside. */
  static void fieldStop(PGraphics g, float fx, float fy, float fr) {
    g.noStroke();
    radialFill(g, fx, fy, fr, fr, 0, new float[] {0, 0.8f, 1}, new int[] {0x00000000, 0x00000000, 0xC0000000});
    g.ellipse(fx, fy, fr * 2, fr * 2);
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
  static void slide(PGraphics g, Random rnd, int colour) {
    radialGradient(g, 128, 128, 300, lighter(colour, 0.2f), darker(colour, 0.15f));
    for (int i = 0; i < 4; i++) {
      glow(g, range(rnd, 0, 256), range(rnd, 0, 256), range(rnd, 40, 100), rnd.nextBoolean() ? 0xFFFFFFFF : darker(colour, 0.3f), 0.12f);
    }
  }

  /** Wavy fibres of connective tissue, mostly running one way. */
  static void fibres(PGraphics g, Random rnd, Field f, int colour, int n) {
    g.noFill();
    float grain = rnd.nextFloat() * PI;
    for (int i = 0; i < n; i++) {
      float a = grain + range(rnd, -0.4f, 0.4f);
      float len = range(rnd, 40, 110);
      float x = 128 + range(rnd, -f.reach, f.reach);
      float y = 128 + range(rnd, -f.reach, f.reach);
      float dx = cos(a) * len / 2;
      float dy = sin(a) * len / 2;
      float bend = range(rnd, -12, 12);
      g.stroke(colour, range(rnd, 60, 140));
      g.strokeWeight(range(rnd, 1.5f, 4));
      g.bezier(x - dx, y - dy, x - dx / 3 - dy / len * bend * 2, y - dy / 3 + dx / len * bend * 2,
          x + dx / 3 + dy / len * bend * 2, y + dy / 3 - dx / len * bend * 2, x + dx, y + dy);
    }
    g.noStroke();
  }

  /** A red blood cell: a disc with a rim, paler in the middle where it is thin. */
  static void redCell(PGraphics g, float x, float y, float r, int red) {
    g.fill(darker(red, 0.2f));
    g.ellipse(x, y, r * 2, r * 2);
    g.fill(red);
    g.ellipse(x - r * 0.05f, y - r * 0.05f, r * 1.7f, r * 1.7f);
    g.fill(lighter(red, 0.4f), 170);
    g.ellipse(x, y, r * 0.9f, r * 0.9f);
  }

  /** A white blood cell: a neutrophil with a lobed nucleus, a lymphocyte with a big round one, or an eosinophil with orange granules. */
  static void whiteCell(PGraphics g, Random rnd, float x, float y, float r, int purple) {
    g.fill(0xFFE2D0EA);
    g.stroke(0xFFB8A0C8);
    g.strokeWeight(1);
    blob(g, x, y, r, r, 0, wave(rnd, 0.05f));
    g.noStroke();
    int kind = rnd.nextInt(3);
    float a = rnd.nextFloat() * TWO_PI;
    if (kind == 0) {
      int lobes = 3 + rnd.nextInt(2);
      float[] prev = null;
      for (int l = 0; l < lobes; l++) {
        float la = a + l * 1.4f + range(rnd, -0.3f, 0.3f);
        float[] p = {x + cos(la) * r * 0.4f, y + sin(la) * r * 0.4f};
        if (prev != null) {
          g.stroke(purple);
          g.strokeWeight(1.5f);
          g.line(prev[0], prev[1], p[0], p[1]);
          g.noStroke();
        }
        nucleus(g, rnd, p[0], p[1], r * 0.3f, 0.85f, la, purple, darker(purple, 0.5f));
        prev = p;
      }
    } else if (kind == 1) {
      g.fill(0xFF9AB0E0);
      g.ellipse(x, y, r * 1.7f, r * 1.7f);
      nucleus(g, rnd, x + 1, y, r * 0.72f, 0.95f, 0, darker(purple, 0.1f), darker(purple, 0.5f));
    } else {
      for (int k = 0; k < 30; k++) {
        float ga = rnd.nextFloat() * TWO_PI;
        float gd = sqrt(rnd.nextFloat()) * r * 0.85f;
        g.fill(0xFFE07040, 200);
        g.ellipse(x + cos(ga) * gd, y + sin(ga) * gd, 2.2f, 2.2f);
      }
      nucleus(g, rnd, x - r * 0.3f, y, r * 0.35f, 0.8f, 0, purple, darker(purple, 0.5f));
      nucleus(g, rnd, x + r * 0.3f, y, r * 0.35f, 0.8f, 0, purple, darker(purple, 0.5f));
    }
  }

  /** Is a new cell dividing, and how far? More of them in a crowded, growing field. */
  static int phase(Random rnd, Field f) {
    return chance(rnd, MITOSIS * (0.5f + f.density)) ? 1 + rnd.nextInt(4) : 0;
  }

  /**
   * Scatters up to n cells over the visible field, keeping them from overlapping more than
   * {@code crowd} allows; {@code grain} (an angle, or -1 for any) lines them up like muscle fibres.
   */
  static List<Cell> scatter(Random rnd, Field f, int n, float rMin, float rMax, float stretchMin, float stretchMax, float crowd,
      float wobble, float grain) {
    List<Cell> cells = new ArrayList<>();
    for (int tries = 0; tries < n * 12 + 30 && cells.size() < n; tries++) {
      float r = range(rnd, rMin, rMax);
      float spread = cells.isEmpty() ? 0.3f : 1;               // the first one near the middle, so no field is empty
      float x = 128 + range(rnd, -f.reach, f.reach) * spread;
      float y = 128 + range(rnd, -f.reach, f.reach) * spread;
      boolean free = true;
      for (Cell c : cells) {
        float d = (r + c.r) * crowd;
        if (abs(x - c.x) < d * 2 && abs(y - c.y) < d * 2 && dist(x, y, c.x, c.y) < d * (stretchMax > 1 ? 0.5f : 1)) {
          free = false;
          break;
        }
      }
      if (free) {
        float angle = grain < 0 ? rnd.nextFloat() * TWO_PI : grain + range(rnd, -0.15f, 0.15f);
        cells.add(new Cell(x, y, r, range(rnd, stretchMin, stretchMax), angle, wave(rnd, wobble), phase(rnd, f)));
      }
    }
    return cells;
  }

  /** The three slow waves that make a cell's edge wobble: heights up to amount, and where each starts. */
  static float[] wave(Random rnd, float amount) {
    return new float[] {range(rnd, 0, amount), range(rnd, 0, amount * 0.6f), range(rnd, 0, amount * 0.3f),
        rnd.nextFloat() * TWO_PI, rnd.nextFloat() * TWO_PI, rnd.nextFloat() * TWO_PI};
  }

  /** A nucleus: a soft-edged wobbly disc with dark chromatin specks and a nucleolus. */
  static void nucleus(PGraphics g, Random rnd, float x, float y, float r, float stretch, float angle, int colour, int chromatin) {
    float[] w = wave(rnd, 0.08f);
    radialFill(g, x, y, r * 1.05f, r * stretch * 1.05f, angle, new float[] {0, 0.7f, 1}, new int[] {lighter(colour, 0.08f), colour, darker(colour, 0.25f)});
    blob(g, x, y, r, r * stretch, angle, w);
    int specks = min(14, (int) (r * 1.4f));
    for (int i = 0; i < specks; i++) {
      float a = rnd.nextFloat() * TWO_PI;
      float d = sqrt(rnd.nextFloat()) * r * 0.75f;
      float s = range(rnd, 0.8f, 2.2f);
      g.fill(chromatin, range(rnd, 60, 150));
      g.ellipse(x + cos(a) * d, y + sin(a) * d * stretch, s, s);
    }
    if (r > 4) {
      g.fill(chromatin, 220);
      float nr = r * range(rnd, 0.18f, 0.3f);
      g.ellipse(x + range(rnd, -r, r) * 0.3f, y + range(rnd, -r, r) * 0.3f, nr, nr);
    }
  }

  /**
   * A cell dividing, by its phase: prophase (threads of chromatin in the nucleus), metaphase (the
   * chromosomes lined up across the middle), anaphase (two sets pulled apart), telophase (two new
   * nuclei and a waist between the daughter cells).
   */
  static void mitosis(PGraphics g, Random rnd, Cell c, int colour, float weight) {
    g.stroke(colour);
    g.strokeWeight(weight);
    switch (c.phase) {
      case 1 -> {
        g.noFill();
        float[] m = c.at(0, 0);
        for (int i = 0; i < 8; i++) {
          float a = rnd.nextFloat() * TWO_PI;
          float d = range(rnd, 0, c.r * 0.35f);
          float t = rnd.nextFloat() * TWO_PI;
          float x = m[0] + cos(a) * d;
          float y = m[1] + sin(a) * d;
          g.bezier(x, y, x + cos(t) * 4, y + sin(t) * 4, x + cos(t + 1) * 4, y + sin(t + 1) * 4, x + cos(t + 2) * 5, y + sin(t + 2) * 5);
        }
      }
      case 2, 3 -> {
        boolean apart = c.phase == 3;
        for (int i = 0; i < 12; i++) {
          float u = range(rnd, -0.5f, 0.5f);
          for (int half = apart ? -1 : 0; half <= (apart ? 1 : 0); half += 2) {
            float v = apart ? half * range(rnd, 0.35f, 0.5f) : range(rnd, -0.08f, 0.08f);
            float[] p = c.at(v, u);
            float a = c.angle + range(rnd, -0.6f, 0.6f);
            float len = range(rnd, 2, 4);
            g.line(p[0] - cos(a) * len, p[1] - sin(a) * len, p[0] + cos(a) * len, p[1] + sin(a) * len);
            if (!apart) {
              break;
            }
          }
        }
      }
      default -> {
        g.noStroke();
        float[] a = c.at(-0.5f, 0);
        float[] b = c.at(0.5f, 0);
        g.fill(colour);
        g.ellipse(a[0], a[1], c.r * 0.55f, c.r * 0.55f);
        g.ellipse(b[0], b[1], c.r * 0.55f, c.r * 0.55f);
        float[] w1 = c.at(0, -0.9f);
        float[] w2 = c.at(0, 0.9f);
        g.stroke(colour, 160);
        g.strokeWeight(1.5f);
        g.line(w1[0], w1[1], lerp(w1[0], w2[0], 0.3f), lerp(w1[1], w2[1], 0.3f));
        g.line(w2[0], w2[1], lerp(w2[0], w1[0], 0.3f), lerp(w2[1], w1[1], 0.3f));
      }
    }
    g.noStroke();
  }

  /** A wobbly outline: an ellipse whose radius rises and falls with three slow waves. */
  static void blob(PGraphics g, float x, float y, float rx, float ry, float angle, float[] wave) {
    int n = rx < 8 ? 16 : 32;
    g.beginShape();
    for (int i = 0; i < n; i++) {
      float a = TWO_PI * i / n;
      float k = 1 + wave[0] * sin(2 * a + wave[3]) + wave[1] * sin(3 * a + wave[4]) + wave[2] * sin(5 * a + wave[5]);
      float px = cos(a) * rx * k;
      float py = sin(a) * ry * k;
      g.vertex(x + px * cos(angle) - py * sin(angle), y + px * sin(angle) + py * cos(angle));
    }
    g.endShape(CLOSE);
  }

  /** A flat cell with corners, like a scale or a paving stone. */
  static void polygon(PGraphics g, Random rnd, Cell c) {
    int n = 5 + rnd.nextInt(4);
    g.beginShape();
    for (int i = 0; i < n; i++) {
      float a = TWO_PI * i / n + range(rnd, -0.25f, 0.25f);
      float d = range(rnd, 0.8f, 1.1f);
      float[] p = c.at(cos(a) * d, sin(a) * d);
      g.vertex(p[0], p[1]);
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
