package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.MachineParts.*;
import static mishmash.specimens.Machines.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/** Keys in rows: a typewriter-style keyboard, bare mechanical switches on their plate, or a piano's keys. */
final class Keyboard {

  /** Key colours: beige, grey, black, white, and a few bright accents. */
  static final int[] CAPS = {0xFFE0D8C4, 0xFF9A9EA4, 0xFF26282C, 0xFFF2F2F0, 0xFF3A4A6A, 0xFF6A3A3A};
  static final int[] ACCENTS = {0xFFD8642A, 0xFFC83030, 0xFF30A080, 0xFFE0B020, 0xFF4070D0};

  static void draw(PGraphics g, Random rnd, float lamp, Attributes about) {
    String style = pick(rnd, "keys", "keys", "switches", "piano");
    g.background(0xFF101010);
    g.push();
    camera(g, rnd, about, 0.7f, 2.2f, true, 20, PI);
    int keys = switch (style) {
      case "switches" -> switches(g, rnd, lamp);
      case "piano" -> piano(g, rnd);
      default -> keys(g, rnd, lamp);
    };
    g.pop();
    about.put("material", style.equals("switches") ? "steel" : "plastic").put("style", style).put("keys", keys).put("gears", 0).put("parts", keys);
  }

  /** Rows of keycaps, each row shifted a little, some keys wider, a few in an accent colour. */
  static int keys(PGraphics g, Random rnd, float lamp) {
    int cap = CAPS[rnd.nextInt(CAPS.length)];
    int accent = ACCENTS[rnd.nextInt(ACCENTS.length)];
    int casing = pick(rnd, 0xFF2A2C30, 0xFFC8C4B8, 0xFF5A5E64, darker(cap, 0.4f));
    float u = range(rnd, 22, 34);                          // the size of one key
    verticalGradient(g, -80, -80, 416, 416, lighter(casing, 0.1f), darker(casing, 0.3f));
    int n = 0;
    for (float y = -60; y < 316; y += u) {
      float x = -60 + ((int) (y / u) % 3) * u * 0.25f;
      while (x < 316) {
        float w = u * (chance(rnd, 0.12f) ? pick(rnd, 1.5f, 1.75f, 2.25f) : 1);
        int c = chance(rnd, 0.07f) ? accent : chance(rnd, 0.15f) ? darker(cap, 0.2f) : cap;
        keycap(g, rnd, x + 1.5f, y + 1.5f, w - 3, u - 3, c, lamp);
        n++;
        x += w;
      }
    }
    return n;
  }

  /** One keycap: a dished top face, lit from the lamp, on darker sloping sides, with a legend. */
  static void keycap(PGraphics g, Random rnd, float x, float y, float w, float h, int c, float lamp) {
    g.fill(0, 120);
    g.rect(x + 2, y + 3, w, h, 3);
    g.fill(darker(c, 0.35f));
    g.rect(x, y, w, h, 3);
    float inset = h * 0.14f;
    float lx = cos(lamp) * 0.5f;
    linearFill(g, x + w / 2 + lx * w, y, lighter(c, 0.12f), x + w / 2 - lx * w, y + h, darker(c, 0.12f));
    g.rect(x + inset, y + inset * 0.6f, w - 2 * inset, h - 2.2f * inset, 3);
    if (chance(rnd, 0.8f)) {
      g.fill(brightnessOf(c) > 0.5f ? 0xFF303030 : 0xFFE8E8E8, 210);
      float s = h * 0.22f;
      g.rect(x + inset + 2, y + inset + 1, s * range(rnd, 0.4f, 0.9f), s);
    }
  }

  /** Mechanical switches without their caps: coloured cross-shaped stems in housings on a steel plate. */
  static int switches(PGraphics g, Random rnd, float lamp) {
    int plate = pick(rnd, ALUMINIUM, DARK_STEEL, BRASS, 0xFF2A2C30);
    brushedMetal(g, rnd, plate, -80, -80, 416, 416);
    int stem = pick(rnd, 0xFFC83030, 0xFF3060C0, 0xFF7A4A2A, 0xFF30A050, 0xFFE0D040, 0xFFE8E8E8);
    int housing = pick(rnd, 0xFF18181A, 0xFFE8E8E4, 0xFF888C90);
    float u = range(rnd, 26, 40);
    int n = 0;
    for (float y = -50; y < 306; y += u) {
      for (float x = -50 + ((int) (y / u) % 2) * u * 0.3f; x < 306; x += u) {
        float s = u * 0.72f;
        g.fill(0, 140);
        g.rect(x - s / 2 + 2, y - s / 2 + 3, s, s, 2);
        linearFill(g, x, y - s / 2, lighter(housing, 0.15f), x, y + s / 2, darker(housing, 0.3f));
        g.rect(x - s / 2, y - s / 2, s, s, 2);
        g.fill(darker(housing, 0.4f));
        g.rect(x - s * 0.3f, y - s * 0.3f, s * 0.6f, s * 0.6f, 2);
        g.fill(stem);
        g.rect(x - s * 0.2f, y - s * 0.06f, s * 0.4f, s * 0.12f);
        g.rect(x - s * 0.06f, y - s * 0.2f, s * 0.12f, s * 0.4f);
        g.fill(lighter(stem, 0.4f));
        g.rect(x - s * 0.2f, y - s * 0.06f, s * 0.4f, s * 0.04f);
        n++;
      }
    }
    return n;
  }

  /** A piano's keys: white keys side by side, black keys in twos and threes. */
  static int piano(PGraphics g, Random rnd) {
    float w = range(rnd, 18, 30);
    float len = range(rnd, 160, 260);
    g.fill(pick(rnd, 0xFF101010, 0xFF3A2418, 0xFF5A2A1A));
    g.rect(-80, -80, 416, 416);
    float top = -40;
    int n = 0;
    for (float x = -60; x < 316; x += w) {
      linearFill(g, 0, top, 0xFFF4F2EC, 0, top + len, 0xFFD8D4CA);
      g.rect(x + 0.8f, top, w - 1.6f, len, 0, 0, 2, 2);
      n++;
    }
    int k = rnd.nextInt(7);
    for (float x = -60; x < 316; x += w) {
      int note = k++ % 7;
      if (note == 2 || note == 6) {
        continue;                                             // no black key between E-F and B-C
      }
      g.fill(0, 90);
      g.rect(x + w * 0.68f + 2, top, w * 0.6f, len * 0.62f + 3, 0, 0, 2, 2);
      linearFill(g, x + w * 0.7f, 0, 0xFF303030, x + w * 1.3f, 0, 0xFF080808);
      g.rect(x + w * 0.7f, top, w * 0.6f, len * 0.62f, 0, 0, 2, 2);
      g.fill(255, 50);
      g.rect(x + w * 0.76f, top + len * 0.45f, w * 0.48f, len * 0.15f, 2);
      n++;
    }
    return n;
  }

  private Keyboard() {
  }
}
