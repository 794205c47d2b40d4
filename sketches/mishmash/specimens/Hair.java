package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/**
 * Hair, beards and hats. Hair is a shaded mass with strands running through it and a band of
 * shine where it faces the lamp: long hair hangs behind the head ({@link #behind}), the rest covers
 * the skull down to the hairline ({@link #front}).
 */
final class Hair {

  /** Long, curly and tied hair behind the head and the shoulders, drawn before the face. */
  static void behind(PGraphics g, Random rnd, Person p, Head head) {
    String style = p.hairStyle;
    boolean hanging = p.hairLength >= 0.45f && (style.equals("long") || style.equals("bob") || style.equals("curly"));
    float cx = -p.hw * 0.3f * head.sinYaw;                 // the back of the head shows on the side it turns from
    float w = skullWidth(head) + 6 + p.curl * 14;
    float top = -p.hh * 1.05f - p.curl * 10;
    int back = darker(p.hair, 0.3f);
    if (style.equals("afro")) {
      float r = w * 1.3f;
      radialFill(g, cx + p.light * r * 0.3f, -p.hh * 0.45f, r, r, 0, new float[] {0, 0.7f, 1},
          new int[] {lighter(p.hair, 0.12f), p.hair, darker(p.hair, 0.4f)});
      g.ellipse(cx, -p.hh * 0.2f, r * 2, r * 1.85f);
      curls(g, rnd, p, cx, -p.hh * 0.2f, r, r * 0.92f, 160);
      return;
    }
    if (style.equals("ponytail")) {
      float side = head.sinYaw > 0 ? -1 : 1;
      float tx = cx + side * w * (0.55f + abs(head.sinYaw) * 0.6f);
      linearFill(g, tx - 16, 0, darker(p.hair, 0.35f), tx + 16, 0, p.hair);
      g.beginShape();
      g.vertex(tx - 12, -p.hh * 0.4f);
      g.bezierVertex(tx + side * 20, -p.hh * 0.1f, tx + side * 14, p.hh * 1.2f, tx + side * 4, p.hh * (1 + p.hairLength));
      g.bezierVertex(tx - side * 6, p.hh * 1.1f, tx - 14, p.hh * 0.3f, tx - 12, -p.hh * 0.4f);
      g.endShape(CLOSE);
      strands(g, rnd, p, tx, -p.hh * 0.3f, tx + side * 6, p.hh * (0.9f + p.hairLength), 10, 10);
      return;
    }
    if (!hanging || !p.hat.equals("none") && p.hairLength < 0.6f) {
      return;
    }
    float bottom = -p.hh * 0.1f + p.hairLength * p.hh * 2.1f;
    float spread = w + p.hairLength * 14 + p.curl * 22;
    linearFill(g, 0, top, p.hair, 0, bottom, darker(back, 0.3f));
    g.beginShape();
    g.vertex(cx - spread * 0.9f, bottom);
    g.bezierVertex(cx - spread * 1.1f, bottom * 0.5f, cx - w * 1.1f, -p.hh * 0.3f, cx - w, -p.hh * 0.45f);
    g.bezierVertex(cx - w * 0.95f, top * 1.15f, cx + w * 0.95f, top * 1.15f, cx + w, -p.hh * 0.45f);
    g.bezierVertex(cx + w * 1.1f, -p.hh * 0.3f, cx + spread * 1.1f, bottom * 0.5f, cx + spread * 0.9f, bottom);
    for (int i = 1; i < 12; i++) {
      g.vertex(cx + spread * 0.9f - i * spread * 1.8f / 12, bottom - (i % 2 == 0 ? 0 : range(rnd, 3, 10)) - p.curl * 8);
    }
    g.endShape(CLOSE);
    if (p.curl > 0.4f) {
      curls(g, rnd, p, cx, bottom * 0.5f, spread, bottom * 0.6f, 70);
    } else {
      for (int side = -1; side <= 1; side += 2) {
        strands(g, rnd, p, cx + side * w * 0.85f, -p.hh * 0.3f, cx + side * spread * 0.85f, bottom - 6, 16, w * 0.25f);
      }
    }
  }

  /**
   * The hair over the skull: its outline follows the skull (puffed out a little) and comes down the
   * sides; across the forehead it follows the hairline on the face, so a turned head shows more hair
   * on the side it turns from. Then strands from the parting and a band of shine.
   */
  static void front(PGraphics g, Random rnd, Person p, Head head) {
    String style = p.hairStyle;
    if (!p.hat.equals("none")) {
      hat(g, rnd, p, head);
      return;
    }
    if (style.equals("bald")) {
      float[] s = head.at(p.light * p.hw * 0.25f, -p.hh * 0.75f);
      soft(g, s[0], s[1], p.hw * 0.8f, p.hh * 0.35f, 0xFFFFFFFF, 70);
      return;
    }
    boolean buzz = style.equals("buzz");
    float volume = buzz ? 1 : style.equals("afro") ? 16 : 4 + p.hairLength * 6 + p.curl * 8;
    float hairline = -p.hh * (0.5f + p.hairline * 0.42f);
    boolean fringe = style.equals("fringe") || style.equals("bob") && p.part == 0;
    float sides = switch (style) {
      case "long", "bob", "curly" -> p.hh * (0.1f + p.hairLength * 0.6f);
      case "afro" -> p.eyeY + p.hh * 0.1f;
      default -> p.eyeY - p.hh * 0.02f;
    };
    float partX = p.part * p.hw * 0.55f;
    float[][] edge = hairline(head, p, fringe, hairline, sides, partX, rnd);
    Outline hair = capOutline(head, p, volume, sides, edge);
    // the hair's soft shadow on the forehead
    for (int i = 1; i < edge.length - 1; i++) {
      float[] q = edge[i];
      soft(g, q[0] - p.light * 2, q[1] + 5, 26, 16, darker(p.skin, 0.5f), buzz ? 20 : 45);
    }
    int base = p.hair;
    float alpha = buzz ? 150 : style.equals("receding") ? 235 : 255;
    int lit = lighter(base, 0.22f);
    int dark = darker(base, 0.45f);
    linearFill(g, p.light * p.hw, -p.hh * 1.1f, lit, -p.light * p.hw * 0.6f, sides, dark);
    if (alpha < 255) {
      g.fill(base, alpha);
    }
    hair.draw(g);
    Outline.clip(g, hair);
    // shade at the edge towards the face, where hair meets skin
    for (int side = -1; side <= 1; side += 2) {
      float[] t = head.at(side * p.hw * 0.8f, hairline + 8);
      soft(g, t[0], t[1], p.hw * 0.5f, p.hh * 0.5f, darker(base, 0.6f), 90);
    }
    if (!buzz) {
      // strands from the crown, over the skull to the hairline and down the sides
      float[] crown = head.at(partX, -p.hh * 1.0f);
      int n = p.curl > 0.5f ? 16 : 64;
      for (int i = 0; i < n; i++) {
        float t = (i + rnd.nextFloat()) / n;
        float ex = lerp(-p.hw * 1.05f, p.hw * 1.05f, t);
        float ey = abs(ex) > p.hw * 0.7f ? sides * range(rnd, 0.6f, 1) : (fringe ? p.browY : hairline) + range(rnd, -4, 6);
        float[] end = head.at(ex, ey);
        int c = rnd.nextBoolean() ? lighter(base, range(rnd, 0.1f, 0.4f)) : darker(base, range(rnd, 0.2f, 0.55f));
        g.noFill();
        g.stroke(c, range(rnd, 50, 130));
        g.strokeWeight(range(rnd, 0.6f, 1.5f));
        float bulge = (ex - partX) * 0.25f;
        g.bezier(crown[0], crown[1], crown[0] + bulge * 2, crown[1] - 2, end[0] + bulge * 0.6f, lerp(crown[1], end[1], 0.4f), end[0], end[1]);
      }
      g.noStroke();
      if (p.curl > 0.4f) {
        float[] m = head.at(0, -p.hh * 0.75f);
        curls(g, rnd, p, m[0], m[1], skullWidth(head), p.hh * 0.5f, 90);
      }
      // the band of shine across the crown, on the side of the lamp
      float[] s = head.at(p.light * p.hw * 0.35f, -p.hh * 0.78f);
      soft(g, s[0], s[1], p.hw * 1.0f, p.hh * 0.22f, lighter(mix(base, p.lamp, 0.3f), 0.5f), 70 * p.contrast + (1 - p.curl) * 30);
    }
    g.noClip();
    // the hairline is soft: single hairs against the skin
    for (int i = 0; i < edge.length - 1; i++) {
      float[] q = edge[i];
      float[] r = edge[i + 1];
      soft(g, (q[0] + r[0]) / 2, (q[1] + r[1]) / 2 + 1, 14, 8, base, buzz ? 30 : 70);
    }
    if (style.equals("bun")) {
      float[] b = head.project(0, -p.hh * 1.0f, -head.hd * 0.3f);
      radialFill(g, b[0] + p.light * 6, b[1] - 18, p.hw * 0.45f, p.hw * 0.38f, 0, new float[] {0, 1}, new int[] {lighter(base, 0.2f), dark});
      g.ellipse(b[0], b[1] - 12, p.hw * 0.8f, p.hw * 0.62f);
      strands(g, rnd, p, b[0] - p.hw * 0.3f, b[1] - 12, b[0] + p.hw * 0.3f, b[1] - 14, 8, 8);
    }
  }

  /**
   * Where the hair meets the face, from the right side of the head to the left: down at the
   * temples, up over the forehead (far up when receding, with the temples further back still),
   * or straight across at the brows for a fringe; a dip where the hair parts.
   */
  static float[][] hairline(Head head, Person p, boolean fringe, float hairline, float sides, float partX, Random rnd) {
    boolean receding = p.hairStyle.equals("receding");
    float middle = fringe ? p.browY - 3 : hairline;
    float temple = fringe ? p.browY + 1 : receding ? hairline + p.hh * 0.08f : lerp(p.browY - p.hh * 0.05f, hairline, 0.45f);
    int steps = 16;
    float[][] edge = new float[steps + 1][];
    for (int i = 0; i <= steps; i++) {
      float x = lerp(p.hw * 0.94f, -p.hw * 0.94f, i / (float) steps);
      float u = min(1, abs(x) / (p.hw * 0.8f));
      float y = abs(x) > p.hw * 0.84f ? sides : lerp(middle, temple, pow(u, 1.6f));
      if (receding) {
        y -= sin(u * PI) * p.hh * 0.12f;                     // the temples recede further than the middle
      }
      if (!fringe && abs(x - partX) < p.hw * 0.1f) {
        y -= 3;                                              // the parting
      }
      if (fringe) {
        y += i % 2 == 0 ? 0 : range(rnd, 2, 6);              // the tips of a fringe
      }
      edge[i] = head.at(x, y, 1);
    }
    return edge;
  }

  /**
   * The outline of hair on the skull: over the top of the skull (puffed out by volume), down the
   * outside to {@code sides}, and back along the hairline.
   */
  static Outline capOutline(Head head, Person p, float volume, float sides, float[][] hairline) {
    Outline o = new Outline();
    Outline skull = head.skull();
    float cx = 0;
    float cy = 0;
    for (int i = 0; i < skull.size(); i++) {
      cx += skull.x(i) / skull.size();
      cy += skull.y(i) / skull.size();
    }
    int n = skull.size();
    float[] leftOut = head.project(-p.hw * 1.02f - volume * 0.5f, sides, -head.hd * 0.2f);
    for (int i = n / 2 - 2; i <= n + 2; i++) {                 // from just below the left, over the top, to the right
      int k = i % n;
      float dx = skull.x(k) - cx;
      float dy = skull.y(k) - cy;
      float d = sqrt(dx * dx + dy * dy);
      o.point(skull.x(k) + dx / d * volume, skull.y(k) + dy / d * volume);
    }
    float[] rightOut = head.project(p.hw * 1.02f + volume * 0.5f, sides, -head.hd * 0.2f);
    o.point(max(rightOut[0], o.x(o.size() - 1)), sides + volume * 0.3f);
    for (float[] q : hairline) {
      o.point(q[0], q[1]);
    }
    o.point(min(leftOut[0], o.x(0)), sides + volume * 0.3f);
    return o;
  }

  /** Half the width of the skull as seen. */
  static float skullWidth(Head head) {
    return sqrt(sq(head.hw * head.cosYaw) + sq(head.hw * 1.22f * head.sinYaw));
  }

  /** Strands of hair: n thin curves from around (x0, y0) to around (x1, y1), spread by {@code spread}. */
  static void strands(PGraphics g, Random rnd, Person p, float x0, float y0, float x1, float y1, int n, float spread) {
    g.noFill();
    for (int i = 0; i < n; i++) {
      float o = range(rnd, -spread, spread);
      g.stroke(rnd.nextBoolean() ? lighter(p.hair, range(rnd, 0.1f, 0.35f)) : darker(p.hair, range(rnd, 0.2f, 0.5f)), range(rnd, 70, 150));
      g.strokeWeight(range(rnd, 0.8f, 1.8f));
      g.bezier(x0 + o * 0.4f, y0, x0 + o * 1.2f, lerp(y0, y1, 0.33f), x1 + o * 0.8f, lerp(y0, y1, 0.66f), x1 + o, y1);
    }
    g.noStroke();
  }

  /** Curls: small arcs, dark and light, over an ellipse. */
  static void curls(PGraphics g, Random rnd, Person p, float x, float y, float rx, float ry, int n) {
    g.noFill();
    for (int i = 0; i < n; i++) {
      float a = rnd.nextFloat() * TWO_PI;
      float d = sqrt(rnd.nextFloat());
      float cx = x + cos(a) * rx * d;
      float cy = y + sin(a) * ry * d;
      float r = range(rnd, 3, 7) * (1.2f - p.curl * 0.4f);
      boolean light = sin(a) < 0 && cos(a) * p.light > -0.2f;
      g.stroke(light && rnd.nextBoolean() ? lighter(p.hair, 0.3f) : darker(p.hair, 0.5f), range(rnd, 80, 170));
      g.strokeWeight(range(rnd, 1, 2));
      float start = rnd.nextFloat() * TWO_PI;
      g.arc(cx, cy, r * 2, r * 2, start, start + range(rnd, 2.5f, 4.5f));
    }
    g.noStroke();
  }

  // ---- Beards ----

  /** Stubble, a moustache, a goatee or a full beard, following the jaw as the head turns. */
  static void beard(PGraphics g, Random rnd, Person p, Head head) {
    if (p.beard.equals("none")) {
      return;
    }
    int hair = darker(p.hair, 0.05f);
    float top = (p.noseY + p.mouthY) / 2 + 2;
    Outline face = head.face();
    float thick = p.beard.equals("full") ? range(rnd, 3, 10) : 0;
    Outline.clip(g, face, face.moved(0, thick));             // a beard follows the face's edge, a little below the chin
    if (p.beard.equals("stubble") || p.beard.equals("full")) {
      // stubble darkens the skin where the beard grows
      int tint = mix(darker(hair, 0.2f), 0xFF303848, 0.25f);
      for (int side = -1; side <= 1; side += 2) {
        for (int i = 0; i <= 6; i++) {
          float t = 0.15f + i * 0.14f;
          float[] j = head.at(side * head.halfWidth(t * p.hh) * 0.75f, t * p.hh);
          soft(g, j[0], j[1], p.hw * 0.5f, p.hh * 0.4f, tint, 55);
        }
      }
      float[] m = head.at(0, top + 2);
      soft(g, m[0], m[1], p.mouthW * 1.3f, p.hh * 0.12f, tint, 70);
    }
    if (p.beard.equals("full")) {
      // from the sideburns down the cheeks, round under the mouth, up the other cheek; below that, all beard
      Outline beard = new Outline();
      float cheek = p.noseY + range(rnd, -2, 8);
      float[][] inner = {
          {-p.hw * 1.1f, p.eyeY + p.hh * 0.2f}, {-p.hw * 0.7f, cheek}, {-p.mouthW * 0.75f, top - 2}, {-p.mouthW * 0.55f, p.mouthY + 4},
          {0, p.mouthY + p.mouthW * 0.28f}, {p.mouthW * 0.55f, p.mouthY + 4}, {p.mouthW * 0.75f, top - 2}, {p.hw * 0.7f, cheek},
          {p.hw * 1.1f, p.eyeY + p.hh * 0.2f}};
      for (float[] q : inner) {
        float[] s = head.at(q[0], q[1], 1);
        beard.point(s[0], s[1]);
      }
      beard.point(p.hw * 2, p.hh * 2).point(-p.hw * 2, p.hh * 2);
      float[] chin = head.at(0, p.hh);
      linearFill(g, 0, chin[1] - p.hh * 0.6f, p.light > 0 ? hair : darker(hair, 0.2f), 0, chin[1] + thick, darker(hair, 0.5f));
      beard.draw(g);
      Outline.clip(g, beard);
      for (int i = 0; i < 60; i++) {
        float[] s = head.at(range(rnd, -0.9f, 0.9f) * p.hw, range(rnd, p.noseY, p.hh * 1.05f), 1);
        g.stroke(rnd.nextBoolean() ? lighter(hair, 0.25f) : darker(hair, 0.45f), 130);
        g.strokeWeight(1);
        float a = HALF_PI + range(rnd, -0.5f, 0.5f) + (s[0] - chin[0]) * 0.004f;
        g.line(s[0], s[1], s[0] + cos(a) * 5, s[1] + sin(a) * 5);
      }
      g.noStroke();
      float[] shine = head.at(p.light * p.hw * 0.4f, p.mouthY + p.hh * 0.2f);
      soft(g, shine[0], shine[1], p.hw * 0.6f, p.hh * 0.25f, lighter(hair, 0.4f), 50);
    }
    g.noClip();
    if (p.beard.equals("goatee")) {
      float[] c = head.at(0, p.mouthY + p.mouthW * 0.42f, 1);
      g.push();
      g.translate(c[0], c[1]);
      g.scale(head.squash(0, p.mouthY), 1);
      linearFill(g, 0, -p.mouthW * 0.2f, hair, 0, p.mouthW * 0.35f, darker(hair, 0.4f));
      g.beginShape();
      g.vertex(-p.mouthW * 0.35f, -p.mouthW * 0.12f);
      g.bezierVertex(-p.mouthW * 0.4f, p.mouthW * 0.3f, p.mouthW * 0.4f, p.mouthW * 0.3f, p.mouthW * 0.35f, -p.mouthW * 0.12f);
      g.bezierVertex(p.mouthW * 0.1f, -p.mouthW * 0.02f, -p.mouthW * 0.1f, -p.mouthW * 0.02f, -p.mouthW * 0.35f, -p.mouthW * 0.12f);
      g.endShape(CLOSE);
      g.pop();
    }
    if (!p.beard.equals("stubble")) {
      moustache(g, rnd, p, head, hair, top);
    }
  }

  /** A moustache over the upper lip. */
  static void moustache(PGraphics g, Random rnd, Person p, Head head, int hair, float top) {
    float w = p.mouthW * range(rnd, 0.55f, 0.7f);
    float h = range(rnd, 5, 10);
    float y = p.mouthY - p.mouthW * 0.1f;
    g.push();
    head.place(g, 0, y, p.noseLength * 0.15f);
    linearFill(g, 0, -h, lighter(hair, 0.1f), 0, h * 0.6f, darker(hair, 0.35f));
    g.beginShape();
    g.vertex(-w, h * 0.5f);
    g.bezierVertex(-w * 0.8f, -h, -w * 0.2f, -h * 1.1f, 0, -h * 0.6f);
    g.bezierVertex(w * 0.2f, -h * 1.1f, w * 0.8f, -h, w, h * 0.5f);
    g.bezierVertex(w * 0.5f, h * 0.1f, -w * 0.5f, h * 0.1f, -w, h * 0.5f);
    g.endShape(CLOSE);
    g.stroke(darker(hair, 0.5f), 120);
    g.strokeWeight(0.9f);
    for (int i = 0; i < 14; i++) {
      float x = range(rnd, -w * 0.85f, w * 0.85f);
      g.line(x, -h * 0.6f, x * 1.08f, h * 0.3f);
    }
    g.noStroke();
    g.pop();
  }

  // ---- Hats ----

  /** A knitted beanie, or a cap whose peak points where the face looks. */
  static void hat(PGraphics g, Random rnd, Person p, Head head) {
    int wool = p.hatColour;
    boolean cap = p.hat.equals("cap");
    float brim = p.browY - p.hh * (cap ? 0.16f : 0.1f);
    // the crown of the hat over the skull, down to a band across the forehead
    float[][] edge = new float[17][];
    for (int i = 0; i <= 16; i++) {
      float x = lerp(p.hw * 1.0f, -p.hw * 1.0f, i / 16f);
      edge[i] = head.at(x, brim + sq(x / p.hw) * p.hh * 0.08f, 2);
    }
    Outline crown = capOutline(head, p, cap ? 4 : 8, brim + p.hh * 0.08f, edge);
    float[] top = head.project(0, -p.hh * 1.05f, 0);
    linearFill(g, top[0] + p.light * p.hw, top[1], lighter(wool, 0.15f), top[0] - p.light * p.hw * 0.8f, brim, darker(wool, 0.45f));
    crown.draw(g);
    Outline.clip(g, crown);
    g.noFill();
    if (cap) {
      // seams from the button down
      g.stroke(darker(wool, 0.35f), 150);
      g.strokeWeight(1.2f);
      for (int i = 1; i < 16; i += 5) {
        g.line(top[0], top[1], edge[i][0], edge[i][1]);
      }
    } else {
      // knitted ribs, and the folded cuff
      g.stroke(darker(wool, 0.3f), 120);
      g.strokeWeight(1.4f);
      for (int i = 0; i <= 16; i++) {
        g.line(edge[i][0], edge[i][1], lerp(edge[i][0], top[0], 0.75f), lerp(edge[i][1], top[1], 0.75f));
      }
      g.noStroke();
      g.fill(darker(wool, 0.1f));
      g.beginShape();
      for (float[] q : edge) {
        g.vertex(q[0], q[1] + 2);
      }
      for (int i = edge.length - 1; i >= 0; i--) {
        g.vertex(edge[i][0], edge[i][1] - p.hh * 0.17f);
      }
      g.endShape(CLOSE);
      g.stroke(darker(wool, 0.35f), 140);
      g.strokeWeight(1.2f);
      for (int i = 0; i <= 16; i++) {
        g.line(edge[i][0], edge[i][1], edge[i][0], edge[i][1] - p.hh * 0.16f);
      }
    }
    g.noStroke();
    soft(g, top[0] + p.light * p.hw * 0.4f, top[1] + p.hh * 0.3f, p.hw, p.hh * 0.4f, lighter(wool, 0.3f), 60);
    g.noClip();
    if (cap) {
      // the peak: a flat half-disc sticking out in front of the forehead, and its shadow on the face
      float[] under = head.at(0, brim + p.hh * 0.12f);
      soft(g, under[0], under[1], p.hw * 1.7f, p.hh * 0.4f, 0xFF000000, 120);
      g.fill(darker(wool, 0.15f));
      g.beginShape();
      for (int i = 0; i <= 16; i++) {
        float a = lerp(-HALF_PI, HALF_PI, i / 16f);
        float x = sin(a) * p.hw * 0.95f;
        float[] q = head.project(x, brim + 3 + cos(a) * p.hh * 0.2f, head.depth(x, brim) + cos(a) * p.hw * 0.75f);
        g.vertex(q[0], q[1]);
      }
      g.endShape(CLOSE);
      g.fill(lighter(wool, 0.3f));
      g.ellipse(top[0], top[1] + 2, 8, 5);
    } else if (chance(rnd, 0.5f)) {
      soft(g, top[0], top[1] - 8, 40, 34, lighter(wool, 0.25f), 255);
      soft(g, top[0] + p.light * 5, top[1] - 12, 20, 16, lighter(wool, 0.5f), 120);
    }
  }

  private Hair() {
  }
}
