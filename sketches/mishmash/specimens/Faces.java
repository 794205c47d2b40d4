package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/**
 * A portrait photograph of a person: a child or an old man, smiling or shouting, looking at us or
 * turned away, in soft or hard light.
 *
 * Who it is comes first ({@link Person}: age, skin, hair, mood, pose, clothes, light — change
 * the palettes and ranges there). Then the picture is painted back to front, the way a painter
 * would: the backdrop, the shoulders, the hair behind the head, the neck, the head with its light
 * and shade, the eyes, nose and mouth ({@link FaceParts}), the hair in front ({@link Hair}), and
 * last what the person wears on their face. The head may be turned: {@link Head} works out where
 * each feature of a face that looked straight at us lands when it turns.
 */
public final class Faces {

  /** A portrait from the seed; returns what decided it. */
  public static Attributes draw(PGraphics g, Random rnd) {
    Person person = new Person(rnd);
    draw(g, person, rnd);
    return person.attributes();
  }

  /** Paints the person, back to front. */
  static void draw(PGraphics g, Person p, Random rnd) {
    Head head = new Head(p.hw, p.hh, p.jaw, p.yaw * Person.MAX_YAW, p.pitch * Person.MAX_PITCH);
    head.mouthY = p.mouthY;
    head.drop = FaceParts.gap(p) * 0.8f;               // an open mouth drops the jaw
    backdrop(g, rnd, p);
    g.push();
    g.translate(128 + p.x * 16, 120 + p.y * 12);       // where the head is in the picture
    g.scale(p.scale);
    shoulders(g, rnd, p, head);
    g.translate(0, p.hh * 1.3f);                       // the head tilts about the top of the neck
    g.rotate(p.roll * Person.MAX_ROLL);
    g.translate(0, -p.hh * 1.3f);
    Hair.behind(g, rnd, p, head);
    neck(g, p, head);
    ears(g, rnd, p, head, false);
    skin(g, rnd, p, head);
    ears(g, rnd, p, head, true);
    FaceParts.eyes(g, rnd, p, head);
    FaceParts.brows(g, rnd, p, head);
    FaceParts.nose(g, p, head);
    FaceParts.mouth(g, rnd, p, head);
    Hair.beard(g, rnd, p, head);
    Hair.front(g, rnd, p, head);
    if (p.glasses) {
      FaceParts.glasses(g, p, head);
    }
    rimLight(g, p, head);
    g.pop();
    vignette(g, range(rnd, 0.1f, 0.5f));
    soften(g, 1.1f);                                   // a photograph is never as sharp as a drawing
  }

  // ---- The photograph around the person ----

  /** Behind the person: a studio backdrop, a plain wall, lights out of focus, a room, trees, or darkness. */
  static void backdrop(PGraphics g, Random rnd, Person p) {
    int base = p.backdropColour;
    switch (p.backdrop) {
      case "plain" -> {
        int wall = mix(base, 0xFFF0F0F0, 0.65f);
        verticalGradient(g, 0, 0, 256, 256, lighter(wall, 0.1f), darker(wall, 0.08f));
      }
      case "bokeh" -> {
        int dark = darker(base, 0.6f);
        verticalGradient(g, 0, 0, 256, 256, dark, darker(dark, 0.4f));
        for (int i = 0; i < 26; i++) {
          int light = vary(rnd, pick(rnd, 0xFFFFD890, 0xFFFFB060, 0xFFB0D8FF, 0xFFFFFFFF, lighter(base, 0.5f)), 30);
          float d = range(rnd, 14, 60);
          float x = range(rnd, -10, 266);
          float y = range(rnd, -10, 200);
          soft(g, x, y, d * 1.5f, d * 1.5f, light, range(rnd, 40, 130));
          g.fill(light, range(rnd, 20, 60));
          g.ellipse(x, y, d, d);
        }
      }
      case "room" -> {
        int wall = mix(base, 0xFFD8CCB8, 0.5f);
        verticalGradient(g, 0, 0, 256, 256, lighter(wall, 0.05f), darker(wall, 0.35f));
        float wx = range(rnd, -40, 200);
        soft(g, wx + 40, range(rnd, 20, 90), range(rnd, 90, 160), range(rnd, 120, 200), 0xFFFFFCF0, range(rnd, 120, 230));
        for (int i = 0; i < 4; i++) {
          int thing = vary(rnd, darker(pick(rnd, wall, base, 0xFF5A4030, 0xFF304050), range(rnd, 0.1f, 0.6f)), 20);
          soft(g, range(rnd, 0, 256), range(rnd, 60, 256), range(rnd, 40, 120), range(rnd, 60, 200), thing, range(rnd, 100, 220));
        }
      }
      case "outdoors" -> {
        int sky = pick(rnd, 0xFF9CC4EC, 0xFFC8DCEC, 0xFFE8D8C0, 0xFFB8C8D0);
        verticalGradient(g, 0, 0, 256, 256, sky, lighter(sky, 0.3f));
        int leaf = pick(rnd, 0xFF3C6A30, 0xFF557A38, 0xFF2E5A3A, 0xFF7A8A40, 0xFF8A6A30);
        for (int i = 0; i < 30; i++) {
          float y = range(rnd, 40, 256);
          soft(g, range(rnd, -20, 276), y, range(rnd, 40, 110), range(rnd, 30, 90),
              vary(rnd, mix(leaf, sky, range(rnd, 0, 0.4f)), 25), range(rnd, 120, 240));
        }
        for (int i = 0; i < 8; i++) {
          soft(g, range(rnd, 0, 256), range(rnd, 20, 160), range(rnd, 10, 30), range(rnd, 10, 30), 0xFFFFFFE8, range(rnd, 60, 150));
        }
      }
      case "dark" -> {
        int dark = darker(base, 0.85f);
        verticalGradient(g, 0, 0, 256, 256, dark, 0xFF050505);
        soft(g, 128 + p.light * 60, 90, 200, 200, darker(base, 0.5f), 120);
      }
      default -> {
        verticalGradient(g, 0, 0, 256, 256, lighter(base, 0.12f), darker(base, 0.35f));
        soft(g, 128 - p.light * 30 + p.x * 16, 110, range(rnd, 200, 300), range(rnd, 200, 300), lighter(base, 0.4f),
            range(rnd, 90, 180));
      }
    }
  }

  /** A bright edge on the side of the head away from the lamp, from a second light behind: in dark photographs. */
  static void rimLight(PGraphics g, Person p, Head head) {
    if (!p.backdrop.equals("dark")) {
      return;
    }
    Outline.clip(g, head.skull(), head.face());
    float side = -Math.signum(p.light + 0.01f);
    soft(g, side * p.hw * 1.05f, -p.hh * 0.1f, p.hw * 0.35f, p.hh * 1.8f, p.lamp, 130);
    g.noClip();
  }

  // ---- The body ----

  /** The shoulders and the clothes, turned a little with the head, lit from the lamp's side. */
  static void shoulders(PGraphics g, Random rnd, Person p, Head head) {
    float child = constrain(map(p.age, 0, 0.25f, 1, 0), 0, 1);
    float top = p.hh * range(rnd, 1.28f, 1.4f);             // where the shoulders begin, below the chin
    float wide = p.hw * (range(rnd, 1.85f, 2.2f) + p.masculine * 0.25f - child * 0.45f);
    float turn = p.yaw * 0.35f;                            // the body turns less than the head
    float near = wide * (1 + abs(turn) * 0.3f);
    float far = wide * (1 - abs(turn) * 0.5f);
    float left = turn > 0 ? near : far;
    float right = turn > 0 ? far : near;
    float shift = turn * p.hw * 0.4f;
    int cloth = p.cloth;
    boolean bare = p.clothes.equals("straps");
    int body = bare ? p.skin : cloth;
    // the torso: from the neck out over the shoulders and down out of the picture
    linearFill(g, -left + shift, 0, p.light > 0 ? darker(body, 0.45f * p.contrast) : lighter(body, 0.08f),
        right + shift, 0, p.light > 0 ? lighter(body, 0.08f) : darker(body, 0.45f * p.contrast));
    g.beginShape();
    g.vertex(shift - left - 30, 300);
    g.bezierVertex(shift - left - 6, top + 60, shift - left * 0.9f, top + 12, shift - p.hw * 0.55f, top);
    g.vertex(shift + p.hw * 0.55f, top);
    g.bezierVertex(shift + right * 0.9f, top + 12, shift + right + 6, top + 60, shift + right + 30, 300);
    g.endShape(CLOSE);
    // folds of cloth from the neck towards the shoulders
    if (!bare) {
      for (int i = 0; i < 4; i++) {
        float s = i % 2 == 0 ? -1 : 1;
        soft(g, shift + s * range(rnd, 0.4f, 1.1f) * p.hw, top + range(rnd, 30, 70), range(rnd, 14, 30), range(rnd, 50, 90),
            s * range(rnd, 0.3f, 0.8f), darker(cloth, 0.5f), range(rnd, 40, 90));
      }
    } else {
      // bare shoulders with thin straps
      for (int s = -1; s <= 1; s += 2) {
        g.stroke(darker(cloth, 0.1f));
        g.strokeWeight(5);
        g.line(shift + s * p.hw * 0.9f, top + 4, shift + s * p.hw * 1.0f, 300);
        g.noStroke();
      }
      linearFill(g, 0, top + 70, darker(cloth, 0.3f), 0, 300, cloth);
      g.rect(shift - left, top + 70, left + right, 200);
    }
    neckline(g, rnd, p, top, shift);
  }

  /** Where the clothes meet the neck: a round or V neck, a shirt collar, lapels, a hood, a rolled collar. */
  static void neckline(PGraphics g, Random rnd, Person p, float top, float shift) {
    float n = p.hw * 0.5f;
    int cloth = p.cloth;
    int shade = darker(p.skin, 0.35f * p.contrast);
    switch (p.clothes) {
      case "v-neck" -> {
        g.fill(shade);
        g.triangle(shift - n, top - 2, shift + n, top - 2, shift, top + range(rnd, 30, 55));
      }
      case "shirt", "jacket" -> {
        int collar = p.clothes.equals("jacket") ? pick(rnd, 0xFFF2F0EA, 0xFFB8C8DC, 0xFFE8DCC8, darker(cloth, 0.5f)) : lighter(cloth, 0.1f);
        if (p.clothes.equals("jacket")) {
          g.fill(collar);
          g.triangle(shift - n * 1.2f, top, shift + n * 1.2f, top, shift, top + 80);
          g.fill(darker(cloth, 0.25f));
          g.triangle(shift - n * 1.3f, top + 4, shift - n * 0.2f, top + 70, shift - n * 2.2f, top + 60);
          g.triangle(shift + n * 1.3f, top + 4, shift + n * 0.2f, top + 70, shift + n * 2.2f, top + 60);
        }
        g.fill(shade);
        g.triangle(shift - n * 0.8f, top - 2, shift + n * 0.8f, top - 2, shift, top + 22);
        linearFill(g, shift, top - 10, lighter(collar, 0.2f), shift, top + 24, darker(collar, 0.2f));
        g.triangle(shift - n * 0.95f, top - 12, shift - 2, top + 22, shift - n * 1.35f, top + 24);
        g.triangle(shift + n * 0.95f, top - 12, shift + 2, top + 22, shift + n * 1.35f, top + 24);
      }
      case "hoodie" -> {
        linearFill(g, 0, top - 16, lighter(cloth, 0.1f), 0, top + 30, darker(cloth, 0.4f));
        g.ellipse(shift, top + 6, n * 3.4f, 44);
        g.fill(shade);
        g.ellipse(shift, top, n * 1.9f, 22);
        g.stroke(lighter(cloth, 0.5f));
        g.strokeWeight(2.5f);
        g.line(shift - n * 0.5f, top + 10, shift - n * 0.55f, top + 60);
        g.line(shift + n * 0.5f, top + 10, shift + n * 0.55f, top + 60);
        g.noStroke();
      }
      case "turtleneck" -> {
        linearFill(g, shift - n, 0, darker(cloth, 0.35f), shift + n, 0, lighter(cloth, 0.05f));
        g.rect(shift - n * 1.05f, p.hh * 0.95f, n * 2.1f, top - p.hh * 0.95f + 8, 6);
        g.stroke(darker(cloth, 0.3f));
        g.strokeWeight(1.2f);
        for (float x = -n; x <= n; x += 4.5f) {
          g.line(shift + x, p.hh * 0.97f, shift + x, top + 4);
        }
        g.noStroke();
      }
      case "sweater" -> {
        g.fill(shade);
        g.arc(shift, top - 4, n * 2, range(rnd, 18, 28), 0, PI, CHORD);
        g.noFill();
        g.stroke(darker(cloth, 0.3f));
        g.strokeWeight(5);
        g.arc(shift, top - 4, n * 2 + 5, range(rnd, 24, 32), 0, PI);
        g.noStroke();
      }
      case "straps" -> { }
      default -> {
        g.fill(shade);
        g.arc(shift, top - 4, n * 2, range(rnd, 16, 30), 0, PI, CHORD);
      }
    }
  }

  /** The neck: a shaded column under the head, darkest just under the jaw. */
  static void neck(PGraphics g, Person p, Head head) {
    if (p.clothes.equals("turtleneck")) {
      return;
    }
    float child = constrain(map(p.age, 0, 0.25f, 1, 0), 0, 1);
    float w = p.hw * (0.5f + p.masculine * 0.1f - child * 0.08f);
    float cx = -p.hw * 0.1f * head.sinYaw;
    float top = p.hh * 0.3f;
    float bottom = p.hh * 1.45f;
    int lit = p.skin;
    int dark = darker(p.skin, 0.4f * p.contrast);
    linearFill(g, cx - w, 0, p.light < 0 ? lit : dark, cx + w, 0, p.light < 0 ? dark : lit);
    g.rect(cx - w, top, w * 2, bottom - top);
    // the shadow the chin and jaw cast on the neck
    soft(g, cx + p.light * -4, p.hh * 1.02f, w * 2.6f, p.hh * 0.55f, darker(p.skin, 0.6f), 150 * p.contrast);
    if (p.age > 0.7f) {
      g.noFill();
      g.stroke(darker(p.skin, 0.35f), 70);
      g.strokeWeight(1.2f);
      for (int i = 0; i < 3; i++) {
        g.arc(cx, p.hh * (1.05f + i * 0.08f), w * 1.6f, 10, 0.2f, PI - 0.2f);
      }
      g.noStroke();
    }
  }

  // ---- The head ----

  /**
   * The head's skin: its outline filled with a round gradient lit from the lamp, then soft shadows
   * and lights where a face has them — eye sockets, under the cheekbones, along the nose, under the
   * lips and the jaw — all kept inside the outline.
   */
  static void skin(PGraphics g, Random rnd, Person p, Head head) {
    Outline skull = head.skull();
    Outline face = head.face();
    float c = p.contrast;
    float dark = 1 - brightnessOf(p.skin);                     // 0 for the lightest skin, about 0.85 for the darkest
    int lit = mix(lighter(p.skin, 0.14f), p.lamp, 0.08f);
    int shade = mix(darker(p.skin, 0.3f * c), 0xFF502028, 0.1f);
    int deep = mix(darker(p.skin, 0.55f * c), 0xFF401010, 0.12f);   // skin in shadow is deeper and redder
    float[] front = head.at(0, 0);
    // underneath, the head as a ball in the lamp's light; the sides are as dark as the light dabs below make the face's edges
    radialFill(g, front[0] * 0.6f + p.light * p.hw * 0.45f, -p.hh * 0.25f, p.hw * 1.45f, p.hh * 1.35f, 0,
        new float[] {0, 0.4f, 0.75f, 1}, new int[] {p.skin, mix(p.skin, shade, 0.5f), shade, deep});
    skull.draw(g);
    face.draw(g);
    Outline.clip(g, skull, face);

    // light and shade follow the form: soft dabs, each the colour the lamp gives the skin at that point
    float[] lamp = lamp(p);
    int rows = 9;
    int columns = 8;
    for (int r = 0; r < rows; r++) {
      float y = lerp(-0.8f * p.hh, 0.98f * p.hh, r / (rows - 1f));
      float w = head.halfWidth(y);
      for (int k = 0; k < columns; k++) {
        float x = lerp(-w, w, k / (columns - 1f));
        float light = round(constrain(head.lighting(x, y, lamp), 0, 1) * 24) / 24f;    // 25 shades are plenty
        int colour = light < 0.6f ? mix(deep, p.skin, pow(light / 0.6f, 0.7f)) : mix(p.skin, lit, (light - 0.6f) / 0.4f);
        float[] q = head.at(x, y);
        soft(g, q[0], q[1], w * 2 / columns * 3f * head.squash(x, y), p.hh * 1.8f / rows * 3f, colour, 190);
      }
    }
    // skin is never one colour: a little red on cheeks, nose and ears, a little unevenness everywhere
    int red = mix(p.skin, 0xFFD04848, 0.45f);
    for (int side = -1; side <= 1; side += 2) {
      float[] cheek = head.at(side * p.hw * 0.5f, p.noseY - p.hh * 0.05f);
      soft(g, cheek[0], cheek[1], p.hw * 0.6f * head.squash(side * p.hw * 0.5f, p.noseY), p.hw * 0.45f, red,
          (p.age < 0.2f ? 70 : 30) * (1 - dark * 0.6f));
    }
    for (int i = 0; i < 6; i++) {
      float[] spot = head.at(range(rnd, -0.8f, 0.8f) * p.hw, range(rnd, -0.8f, 0.9f) * p.hh);
      soft(g, spot[0], spot[1], range(rnd, 20, 50), range(rnd, 20, 50), rnd.nextBoolean() ? red : shade, range(rnd, 8, 22));
    }
    // eye sockets: the eyes sit deeper than the brow and the cheeks
    float socket = (p.age < 0.2f ? 45 : 70 + p.age * 50) * c;
    for (int side = -1; side <= 1; side += 2) {
      float ex = side * p.eyeX;
      float[] e = head.at(ex, p.eyeY - p.eyeH * 0.5f);
      float sq = head.squash(ex, p.eyeY);
      boolean away = side * p.light < 0;
      soft(g, e[0] + side * 2 * sq, e[1], p.eyeW * 2.0f * sq, p.eyeH * 3.6f, shade, socket * (away ? 1.3f : 0.8f));
      // the brow bone and the top of the cheek catch the light
      float[] b = head.at(ex, p.browY - 4);
      soft(g, b[0], b[1], p.eyeW * 1.8f * sq, p.eyeH * 1.4f, lit, away ? 25 : 60);
      float[] k = head.at(side * p.hw * 0.55f, p.noseY - p.hh * 0.12f);
      float ksq = head.squash(side * p.hw * 0.55f, p.noseY);
      soft(g, k[0], k[1], p.hw * 0.5f * ksq, p.hh * 0.22f, lit, (away ? 20 : 70) * (0.6f + dark * 0.6f));
      // the hollow under the cheekbone, deeper in thin and old faces
      float[] h = head.at(side * p.hw * 0.62f, p.mouthY - p.hh * 0.08f);
      soft(g, h[0], h[1], p.hw * 0.45f * ksq, p.hh * 0.35f, shade, (25 + p.age * 50 + p.masculine * 25) * c * (away ? 1.4f : 0.7f));
      // the temple
      float[] t = head.at(side * p.hw * 0.85f, p.browY - p.hh * 0.1f);
      soft(g, t[0], t[1], p.hw * 0.4f, p.hh * 0.5f, shade, 40 * c);
    }
    // a shine on the forehead, on the side of the lamp; darker skin shines more
    float[] f = head.at(p.light * p.hw * 0.22f, -p.hh * 0.45f);
    soft(g, f[0], f[1], p.hw * 0.75f, p.hh * 0.35f, lighter(lit, 0.5f), 40 + dark * 60);
    // under the lower lip, and the chin catching light below it
    float[] lip = head.at(0, p.mouthY + p.mouthW * 0.2f);
    soft(g, lip[0] - p.light * 2, lip[1] + 3, p.mouthW * 0.9f * head.squash(0, p.mouthY), p.hh * 0.1f, shade, 90 * c);
    float[] chin = head.at(p.light * 3, p.hh * 0.86f);
    soft(g, chin[0], chin[1], p.hw * 0.5f, p.hh * 0.18f, lit, 50);
    // the underside of the jaw turns away from the light
    float[] under = head.at(0, p.hh * 1.02f);
    soft(g, under[0], under[1] + p.hh * 0.08f, p.hw * 1.8f, p.hh * 0.28f, deep, 120 * c);
    age(g, rnd, p, head, shade, lit);
    if (p.freckles) {
      freckles(g, rnd, p, head);
    }
    g.noClip();
    jawLine(g, p, head);
  }

  /** The direction the light comes from (x right, y down, z towards us): from the lamp's side, above, in front. */
  static float[] lamp(Person p) {
    float side = p.light * radians(80);
    float up = radians(30);
    return new float[] {sin(side) * cos(up), -sin(up), cos(side) * cos(up)};
  }

  /** The marks of age: lines on the forehead, crow's feet, folds from nose to mouth, bags under the eyes, spots. */
  static void age(PGraphics g, Random rnd, Person p, Head head, int shade, int lit) {
    float old = constrain(map(p.age, 0.35f, 1, 0, 1), 0, 1);
    float fold = max(old, 0.25f * max(0, p.smile)) + (p.age > 0.2f ? max(0, p.smile) * 0.5f : 0);
    // the folds from the wings of the nose round the mouth corners: a dark groove, light above it
    for (int side = -1; side <= 1; side += 2) {
      float wide = p.mouthW * 0.5f * (1 + max(0, p.smile) * 0.15f);
      float[][] line = new float[6][];
      for (int i = 0; i < 6; i++) {
        float t = i / 5f;
        float x = side * lerp(p.noseW * 1.1f, wide + p.hw * 0.06f, t) + side * sin(t * PI) * p.hw * 0.1f;
        float y = lerp(p.noseY - p.hh * 0.02f, p.mouthY + p.hh * (0.04f + old * 0.1f), t);
        line[i] = head.at(x, y);
      }
      for (int i = 0; i < 6; i++) {
        float sq = head.squash(side * p.hw * 0.3f, p.noseY);
        soft(g, line[i][0] + side * 2.5f * sq, line[i][1] - 1, 9 * sq, 12, lit, 35 * fold);
        soft(g, line[i][0], line[i][1], 6 * sq, 10, shade, 110 * fold);
      }
    }
    if (old <= 0) {
      return;
    }
    g.noFill();
    // forehead lines
    g.strokeWeight(2.2f);
    for (int i = 0; i < 3; i++) {
      float y = -p.hh * (0.42f + i * 0.1f);
      float[] a = head.at(-p.hw * 0.45f, y + 2);
      float[] m = head.at(0, y - 3);
      float[] b = head.at(p.hw * 0.45f, y + 2);
      g.stroke(darker(p.skin, 0.42f), 150 * old);
      g.bezier(a[0], a[1], lerp(a[0], m[0], 0.6f), m[1], lerp(b[0], m[0], 0.6f), m[1], b[0], b[1]);
      g.stroke(lighter(p.skin, 0.2f), 90 * old);
      g.bezier(a[0], a[1] + 1.5f, lerp(a[0], m[0], 0.6f), m[1] + 1.5f, lerp(b[0], m[0], 0.6f), m[1] + 1.5f, b[0], b[1] + 1.5f);
    }
    for (int side = -1; side <= 1; side += 2) {
      // crow's feet at the outer corners of the eyes
      float ox = side * (p.eyeX + p.eyeW * 0.62f);
      for (int i = -1; i <= 1; i++) {
        float[] a = head.at(ox, p.eyeY + i * 2.5f);
        float[] b = head.at(ox + side * 7, p.eyeY + i * 5f);
        g.stroke(darker(p.skin, 0.35f), 80 * old);
        g.line(a[0], a[1], b[0], b[1]);
      }
      // a bag under each eye
      float[] bag = head.at(side * p.eyeX, p.eyeY + p.eyeH * 1.7f);
      float sq = head.squash(side * p.eyeX, p.eyeY);
      g.stroke(darker(p.skin, 0.35f), 90 * old);
      g.arc(bag[0], bag[1], p.eyeW * 0.9f * sq, p.eyeH * 1.2f, 0.3f, PI - 0.3f);
      g.noStroke();
      soft(g, bag[0], bag[1] + 2, p.eyeW * 0.9f * sq, p.eyeH * 1.2f, lit, 40 * old);
      g.noFill();
      // soft folds from the mouth corners down to the chin, and jowls
      float[] m0 = head.at(side * p.mouthW * 0.6f, p.mouthY + p.hh * 0.12f);
      g.noStroke();
      soft(g, m0[0], m0[1], 7, p.hh * 0.22f, shade, 70 * old);
      float[] jowl = head.at(side * p.hw * 0.62f, p.hh * 0.8f);
      g.noStroke();
      soft(g, jowl[0], jowl[1], p.hw * 0.35f, p.hh * 0.2f, shade, 70 * old);
      g.noFill();
    }
    g.noStroke();
    // age spots
    for (int i = 0; i < (int) (old * 8); i++) {
      float[] s = head.at(range(rnd, -0.7f, 0.7f) * p.hw, range(rnd, -0.7f, 0.3f) * p.hh);
      soft(g, s[0], s[1], range(rnd, 4, 8), range(rnd, 4, 7), darker(mix(p.skin, 0xFF704020, 0.3f), 0.2f), 60 * old);
    }
  }

  /** Freckles over the nose and cheeks. */
  static void freckles(PGraphics g, Random rnd, Person p, Head head) {
    g.fill(darker(mix(p.skin, 0xFFA05020, 0.3f), 0.25f), 110);
    for (int i = 0; i < 45; i++) {
      float[] s = head.at(range(rnd, -0.6f, 0.6f) * p.hw, range(rnd, p.eyeY + p.eyeH * 1.5f, p.noseY + 4));
      float d = range(rnd, 1.2f, 2.4f);
      g.ellipse(s[0], s[1], d, d);
    }
  }

  /** The edge of the jaw over the neck, so that the chin reads against a neck of the same colour. */
  static void jawLine(PGraphics g, Person p, Head head) {
    g.noFill();
    for (int side = -1; side <= 1; side += 2) {
      g.stroke(darker(p.skin, 0.45f * p.contrast), 60);
      g.strokeWeight(2.5f);
      g.beginShape();
      for (int i = 3; i <= 10; i++) {
        float[] j = head.jawPoint(side, i / 10f);
        g.vertex(j[0], j[1] + 1.5f);
      }
      g.endShape();
    }
    g.noStroke();
  }

  /** Ears, at eye level. An ear beside the head is drawn behind it; the near ear of a turned head, on it. */
  static void ears(PGraphics g, Random rnd, Person p, Head head, boolean inFront) {
    for (int side = -1; side <= 1; side += 2) {
      boolean near = side * head.sinYaw < -0.12f;           // the ear on the side the face turns from
      if (near != inFront) {
        continue;
      }
      if (side * head.sinYaw > 0.35f) {
        continue;                                            // hidden behind the head
      }
      float y = p.eyeY + p.hh * 0.12f;
      float[] e = head.project(side * p.hw * 0.97f, y, -head.hd * 0.12f);
      float h = p.hh * 0.36f * p.earSize;
      float w = p.hw * (0.2f + abs(head.sinYaw) * 0.22f) * p.earSize;   // seen edge on from the front, more of it when turned
      int c = side * p.light > 0 ? p.skin : darker(p.skin, 0.25f * p.contrast);
      float out = near ? -side * w * 0.15f : side * w * 0.25f;
      g.push();
      g.translate(e[0] + out, e[1]);
      // the rim (helix) lit, the hollow inside (concha) a little darker, redder where the light shines through
      radialFill(g, -side * w * 0.1f, -h * 0.1f, w * 0.7f, h * 0.6f, 0, new float[] {0, 1},
          new int[] {mix(c, 0xFFC04040, 0.18f), darker(c, 0.15f)});
      g.beginShape();
      for (int i = 0; i < 20; i++) {
        float a = TWO_PI * i / 20;
        float lobe = sin(a) > 0 ? 0.8f : 1;                  // narrower at the lobe
        g.vertex(cos(a) * w * 0.5f * lobe, sin(a) * h * 0.5f);
      }
      g.endShape(CLOSE);
      soft(g, -side * w * 0.08f, h * 0.02f, w * 0.5f, h * 0.5f, darker(c, 0.45f), 70);
      g.noFill();
      g.stroke(lighter(c, 0.12f), 130);
      g.strokeWeight(1.5f);
      g.arc(0, -h * 0.05f, w * 0.75f, h * 0.82f, near == (side < 0) ? -HALF_PI : HALF_PI, near == (side < 0) ? HALF_PI : PI + HALF_PI);
      g.noStroke();
      if (p.earrings) {
        earring(g, p, side, h);
      }
      g.pop();
    }
  }

  /** A gold or silver stud or hoop at the lobe. */
  static void earring(PGraphics g, Person p, int side, float h) {
    int metal = p.frameColour == 0xFFB8BCC2 ? 0xFFD8DCE0 : 0xFFE2C060;
    if (p.hoops) {
      g.noFill();
      g.stroke(darker(metal, 0.3f));
      g.strokeWeight(2.2f);
      g.ellipse(0, h * 0.55f, 9, 11);
      g.stroke(lighter(metal, 0.4f));
      g.strokeWeight(1);
      g.arc(0, h * 0.55f, 9, 11, PI, PI + HALF_PI);
      g.noStroke();
    } else {
      g.fill(darker(metal, 0.2f));
      g.ellipse(0, h * 0.42f, 5.5f, 5.5f);
      g.fill(0xFFFFFFFF, 200);
      g.ellipse(-1, h * 0.42f - 1, 2, 2);
    }
  }

  private Faces() {
  }
}
