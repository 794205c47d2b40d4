package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.awt.Color;
import java.util.Random;
import processing.core.PGraphics;

/** A human face, frontal and centred like a passport photo. */
public final class Faces {

  // ---- Palettes: change a colour, add one, take one out. Colours are 0xAARRGGBB. ----

  /** Skin tones over the whole human range, from very light (first) to very dark (last). */
  static final int[] SKIN = {0xFFFBE2D0, 0xFFF2CFB6, 0xFFEABB9A, 0xFFE0A987, 0xFFD49A70, 0xFFC68A58,
      0xFFB47A50, 0xFFA0663F, 0xFF8D5530, 0xFF774630, 0xFF603824, 0xFF4C2C1E, 0xFF3A2218};

  /** Natural hair colours. The first three are the dark ones that darker skin mostly comes with. */
  static final int[] HAIR = {0xFF15100E, 0xFF2A1E18, 0xFF3F2A1E, 0xFF5E3E28, 0xFF8A6038, 0xFFC49A55,
      0xFFE3C689, 0xFF8E3A1C, 0xFFB8552A};

  /** Grey and white hair, for most of the oldest faces. */
  static final int[] GREY_HAIR = {0xFF8A8886, 0xFFB5B3AE, 0xFFE2E0DA};

  /** Dyed hair, for a few faces (6 in 100). */
  static final int[] DYED_HAIR = {0xFFC8508C, 0xFF3E6EC0, 0xFF6A4FB0, 0xFF2F9C86, 0xFFE04A3A};

  /** Eye colours. The first three are the dark browns. */
  static final int[] IRIS = {0xFF3A2212, 0xFF5E3A20, 0xFF6A4424, 0xFF7E5A2A, 0xFF52763A, 0xFF4A7DB8,
      0xFF6F8494, 0xFF9A6226, 0xFF2F5F8A};

  // ---- Choices a face is made of (draw() picks one of 9 hair styles and one of 8 moods) ----

  /** Hair styles. */
  static final int BALD = 0, BUZZ = 1, SHORT = 2, SIDE_PART = 3, BANGS = 4, LONG = 5, CURLY = 6, BUN = 7, BEANIE = 8;

  /** Moods: they set the eyelids, the brows and the mouth. */
  static final int NEUTRAL = 0, SMILE = 1, GRIN = 2, LAUGH = 3, SAD = 4, ANGRY = 5, SURPRISED = 6, SLEEPY = 7;

  /** A face, frontal and centred like a passport photo. */
  public static void draw(PGraphics g, Random rnd) {

    // Who is it? Every choice comes from the seed.
    int tone = rnd.nextInt(SKIN.length);
    int skin = vary(rnd, SKIN[tone], 8);
    // darker skin mostly comes with dark hair and brown eyes; the first three colours of each list are the dark ones
    boolean darkFeatures = chance(rnd, map(tone, 0, SKIN.length - 1, 0.15f, 0.95f));
    float age = rnd.nextFloat();                         // 0 = young, 1 = old
    int style = rnd.nextInt(9);
    int hair = HAIR[rnd.nextInt(darkFeatures ? 3 : HAIR.length)];
    if (age > 0.75f && chance(rnd, 0.7f)) {
      hair = GREY_HAIR[rnd.nextInt(GREY_HAIR.length)];
    } else if (chance(rnd, 0.06f)) {
      hair = DYED_HAIR[rnd.nextInt(DYED_HAIR.length)];
    }
    int mood = rnd.nextInt(8);
    float light = chance(rnd, 0.5f) ? 1 : -1;            // the lamp is on the right (1) or left (-1)
    float hw = range(rnd, 60, 72);                       // half the width of the head
    float hh = hw * range(rnd, 1.2f, 1.36f);             // half its height
    float jaw = range(rnd, 0.12f, 0.4f);                 // how much the head narrows to the chin

    // Where the features go, measured from the middle of the head.
    float eyeY = hh * range(rnd, -0.02f, 0.1f);
    float eyeX = hw * range(rnd, 0.37f, 0.45f);
    float eyeW = hw * range(rnd, 0.3f, 0.38f);
    float eyeH = eyeW * range(rnd, 0.36f, 0.5f);
    float noseY = eyeY + hh * range(rnd, 0.34f, 0.46f);
    float mouthY = noseY + (hh - noseY) * range(rnd, 0.3f, 0.42f);
    float mouthW = hw * range(rnd, 0.5f, 0.72f);

    backdrop(g, rnd);
    g.push();
    g.translate(128 + range(rnd, -5, 5), range(rnd, 120, 128));
    g.rotate(range(rnd, -0.06f, 0.06f));                 // a slight tilt of the head

    shoulders(g, rnd, skin, hw, hh, light);
    if (style == LONG) {
      longHairBack(g, rnd, hair, hw, hh);
    } else if (style == CURLY) {
      curlsBack(g, rnd, hair, hw, hh);
    }
    ears(g, rnd, skin, hw, hh, eyeY, light);
    head(g, rnd, skin, hw, hh, jaw, light);
    if (age > 0.65f) {
      wrinkles(g, skin, hw, hh, eyeY, eyeX, eyeW, noseY, mouthY, mouthW);
    }
    if (chance(rnd, 0.15f)) {
      freckles(g, rnd, skin, eyeX, eyeY, noseY);
    }

    // the expression decides eyelids, brows and mouth
    float lid = range(rnd, 0.02f, 0.22f);
    float browTilt = 0;
    float browLift = 0;
    float curve = range(rnd, -0.05f, 0.15f);
    float open = 0;
    boolean eyesClosed = false;
    switch (mood) {
      case SMILE -> curve = range(rnd, 0.45f, 0.8f);
      case GRIN -> { curve = range(rnd, 0.6f, 0.9f); open = range(rnd, 0.25f, 0.4f); lid += 0.1f; }
      case LAUGH -> { curve = 0.9f; open = range(rnd, 0.55f, 0.8f); eyesClosed = chance(rnd, 0.6f); browLift = 3; }
      case SAD -> { curve = range(rnd, -0.7f, -0.4f); browTilt = range(rnd, 0.6f, 1f); lid += 0.1f; }
      case ANGRY -> { curve = range(rnd, -0.4f, -0.1f); browTilt = range(rnd, -1f, -0.6f); lid += 0.12f; }
      case SURPRISED -> { open = range(rnd, 0.5f, 0.8f); browLift = range(rnd, 5, 9); lid = 0; }
      case SLEEPY -> { lid = range(rnd, 0.5f, 0.7f); curve = range(rnd, 0, 0.3f); }
      default -> { }
    }
    int iris = IRIS[rnd.nextInt(darkFeatures ? 3 : IRIS.length)];
    int lashes = darker(mix(hair, 0xFF1A1210, 0.6f), 0.2f);
    float look = range(rnd, -0.08f, 0.08f);
    for (int side = -1; side <= 1; side += 2) {
      if (eyesClosed) {
        closedEye(g, side * eyeX, eyeY, eyeW, eyeH, lashes);
      } else {
        eye(g, side * eyeX, eyeY, eyeW, eyeH, iris, lid, look, skin, lashes, light);
      }
      int browColour = style == BALD || hair == GREY_HAIR[2] ? darker(mix(hair, skin, 0.3f), 0.3f) : darker(hair, 0.15f);
      brow(g, side, side * eyeX, eyeY - eyeH * range(rnd, 1.5f, 2f) - 5 - browLift,
          eyeW * 1.25f, range(rnd, 3f, 6.5f), browTilt, range(rnd, 1, 4), browColour);
    }
    nose(g, rnd, skin, eyeY, noseY, hw * range(rnd, 0.26f, 0.4f), light);
    if (mood == SMILE || mood == GRIN || mood == LAUGH || chance(rnd, 0.25f)) {
      blush(g, skin, eyeX, noseY, hw);
    }
    if (chance(rnd, 0.2f) && style != LONG) {
      beard(g, rnd, hair, hw, hh, jaw, noseY, mouthY, mouthW);
    }
    int lips = mix(darker(skin, 0.12f), 0xFFB04858, 0.35f);
    if (chance(rnd, 0.1f)) {
      lips = pick(rnd, 0xFFB01E32, 0xFFD05078, 0xFF7A2034);  // lipstick
    }
    if (mood == SURPRISED) {
      surprisedMouth(g, mouthY, mouthW * 0.45f, open, lips);
    } else {
      mouth(g, mouthY, mouthW, curve, open, lips, skin);
    }
    hairFront(g, rnd, style, hair, hw, hh, eyeY, light);
    if (chance(rnd, 0.18f)) {
      glasses(g, rnd, eyeX, eyeY, eyeW, eyeH, hw);
    }
    g.pop();
  }

  /** A studio backdrop: a colour gradient with a soft light behind the head. */
  static void backdrop(PGraphics g, Random rnd) {
    int base = Color.HSBtoRGB(rnd.nextFloat(), range(rnd, 0.08f, 0.55f), range(rnd, 0.35f, 0.92f));
    verticalGradient(g, 0, 0, 256, 256, lighter(base, 0.15f), darker(base, 0.3f));
    glow(g, 128 + range(rnd, -40, 40), 110, range(rnd, 110, 170), lighter(base, 0.35f), range(rnd, 0.2f, 0.6f));
  }

  /** Shoulders, clothes and the neck. */
  static void shoulders(PGraphics g, Random rnd, int skin, float hw, float hh, float light) {
    float top = hh * range(rnd, 0.92f, 1.05f);                 // where the shoulders start
    int cloth = Color.HSBtoRGB(rnd.nextFloat(), range(rnd, 0.1f, 0.7f), range(rnd, 0.15f, 0.85f));
    // neck, with the shadow the chin casts on it
    g.fill(darker(skin, 0.18f));
    g.rect(-hw * 0.42f, hh * 0.4f, hw * 0.84f, top - hh * 0.2f);
    g.fill(darker(skin, 0.45f), 150);
    g.ellipse(0, hh * 0.78f, hw * 1.2f, hh * 0.5f);
    // the body: a dark copy, then lighter ones shifted towards the lamp (as for the head)
    float wide = range(rnd, 118, 140);
    for (int i = 0; i <= 6; i++) {
      g.fill(mix(darker(cloth, 0.4f), cloth, i / 6f));
      float shrink = 1 - i * 0.05f;
      torso(g, wide * shrink, top + i * 0.8f, light * wide * (1 - shrink), hw);
    }
    // neckline: a V, a round collar, or a shirt collar
    int neckline = rnd.nextInt(3);
    g.fill(darker(skin, 0.22f));
    if (neckline == 0) {
      g.triangle(-hw * 0.42f, top - 5, hw * 0.42f, top - 5, 0, top + range(rnd, 14, 34));
    } else {
      g.arc(0, top - 5, hw * 0.84f, range(rnd, 16, 30), 0, PI, CHORD);
    }
    if (neckline == 2) {
      g.fill(lighter(cloth, 0.55f));
      g.triangle(-hw * 0.5f, top - 8, -2, top + 14, -hw * 0.55f, top + 22);
      g.triangle(hw * 0.5f, top - 8, 2, top + 14, hw * 0.55f, top + 22);
    }
  }

  /** The outline of the shoulders, centred at dx. */
  static void torso(PGraphics g, float wide, float top, float dx, float hw) {
    g.beginShape();
    g.vertex(dx - wide - 20, 160);
    g.bezierVertex(dx - wide, top + 10, dx - wide * 0.6f, top, dx - hw * 0.55f, top - 4);
    g.vertex(dx + hw * 0.55f, top - 4);
    g.bezierVertex(dx + wide * 0.6f, top, dx + wide, top + 10, dx + wide + 20, 160);
    g.endShape(CLOSE);
  }

  /** Long hair, behind the head and shoulders. */
  static void longHairBack(PGraphics g, Random rnd, int hair, float hw, float hh) {
    float w = hw + range(rnd, 12, 24);            // how far the hair reaches out to the sides
    float len = hh * range(rnd, 1.2f, 1.9f);       // from the middle of the head down to the tips
    g.fill(darker(hair, 0.25f));
    g.beginShape();
    g.vertex(-w * 0.85f, len);
    g.bezierVertex(-w * 1.15f, len * 0.5f, -w * 1.15f, -hh * 0.3f, -w, -hh * 0.45f);
    g.bezierVertex(-w * 0.9f, -hh * 1.3f, w * 0.9f, -hh * 1.3f, w, -hh * 0.45f);
    g.bezierVertex(w * 1.15f, -hh * 0.3f, w * 1.15f, len * 0.5f, w * 0.85f, len);
    for (int i = 1; i < 10; i++) {
      g.vertex(w * 0.85f - i * w * 1.7f / 10, len - (i % 2 == 0 ? 0 : range(rnd, 6, 16)));   // ragged tips
    }
    g.endShape(CLOSE);
    g.noFill();
    g.strokeWeight(1.5f);
    for (int i = 0; i < 14; i++) {
      float side = i % 2 == 0 ? -1 : 1;
      float x = side * range(rnd, hw * 0.9f, w * 1.05f);
      g.stroke(rnd.nextBoolean() ? lighter(hair, 0.15f) : darker(hair, 0.45f), 120);
      g.bezier(x, -hh * 0.3f, x + side * 6, len * 0.3f, x - side * 4, len * 0.6f, x * 0.9f, len - 8);
    }
    g.noStroke();
  }

  /** Big curly hair: many round curls around the head. */
  static void curlsBack(PGraphics g, Random rnd, int hair, float hw, float hh) {
    float size = range(rnd, 1.1f, 1.35f);
    for (int i = 0; i < 70; i++) {
      float a = range(rnd, PI * 0.85f, TWO_PI + PI * 0.15f);
      float d = range(rnd, 0.6f, 1f);
      float x = cos(a) * hw * size * d;
      float y = sin(a) * hh * size * d * 0.9f - hh * 0.1f;
      float r = range(rnd, 18, 30);
      g.fill(mix(darker(hair, 0.3f), hair, rnd.nextFloat()));
      g.ellipse(x, y, r, r);
    }
  }

  /** Ears sit at eye level on both sides of the head. */
  static void ears(PGraphics g, Random rnd, int skin, float hw, float hh, float eyeY, float light) {
    float w = hw * 0.26f;
    float h = hh * range(rnd, 0.32f, 0.4f);
    boolean earring = chance(rnd, 0.15f);
    for (int side = -1; side <= 1; side += 2) {
      float x = side * hw * 0.95f;
      float y = eyeY + h * 0.3f;
      g.fill(side == light ? darker(skin, 0.05f) : darker(skin, 0.25f));
      g.ellipse(x, y, w, h);
      g.noFill();
      g.stroke(darker(skin, 0.4f), 150);
      g.strokeWeight(2);
      g.arc(x + side * 1.5f, y, w * 0.5f, h * 0.7f, -HALF_PI - 0.6f, HALF_PI);
      g.noStroke();
      if (earring) {
        g.fill(0xFFE2C060);
        g.ellipse(x + side * 2, y + h * 0.48f, 6, 6);
      }
    }
  }

  /** The head, shaded: a dark copy of its outline, then lighter copies nudged towards the lamp. */
  static void head(PGraphics g, Random rnd, int skin, float hw, float hh, float jaw, float light) {
    float dark = 1 - brightnessOf(skin);              // 0 for the lightest skin, about 0.8 for the darkest
    int shadow = mix(darker(skin, 0.4f - dark * 0.15f), 0xFF602030, 0.12f);
    float step = range(rnd, 0.022f, 0.04f);
    g.noStroke();
    g.fill(shadow);
    headOutline(g, hw, hh, jaw, 1, 0, 0);
    for (int i = 1; i <= 10; i++) {
      float grow = 1 - step * i;
      g.fill(mix(shadow, skin, i / 10f));
      headOutline(g, hw, hh, jaw, grow, light * hw * (1 - grow), -hh * (1 - grow) * 0.3f);
    }
    // a soft highlight on the forehead and cheek facing the lamp; darker skin shines more
    for (int i = 0; i < 4; i++) {
      g.fill(lighter(skin, 0.3f), 18 + dark * 30);
      g.ellipse(light * hw * 0.3f, -hh * 0.35f, hw * (0.9f - i * 0.18f), hh * (0.5f - i * 0.1f));
      g.ellipse(light * hw * 0.5f, hh * 0.25f, hw * (0.45f - i * 0.08f), hh * (0.35f - i * 0.06f));
    }
  }

  /** The outline of a head: a round skull on top, narrowing towards the jaw and chin below. */
  static void headOutline(PGraphics g, float hw, float hh, float jaw, float grow, float dx, float dy) {
    g.beginShape();
    for (int i = 0; i < 60; i++) {
      float a = TWO_PI * i / 60;
      float s = sin(a);
      float w = s > 0 ? hw * (1 - jaw * s * s) : hw;   // the lower half gets narrower
      float h = s > 0 ? hh : hh * 0.92f;
      g.vertex(dx + cos(a) * w * grow, dy + s * h * grow);
    }
    g.endShape(CLOSE);
  }

  /** Lines of age: forehead, crow's feet, and the folds from nose to mouth. */
  static void wrinkles(PGraphics g, int skin, float hw, float hh, float eyeY, float eyeX, float eyeW,
      float noseY, float mouthY, float mouthW) {
    g.noFill();
    g.stroke(darker(skin, 0.35f), 80);
    g.strokeWeight(1.4f);
    for (int i = 0; i < 3; i++) {
      float y = -hh * 0.45f + i * 6;
      g.bezier(-hw * 0.45f, y + 2, -hw * 0.2f, y - 3, hw * 0.2f, y - 3, hw * 0.45f, y + 2);
    }
    for (int side = -1; side <= 1; side += 2) {
      float x = side * (eyeX + eyeW * 0.6f);
      g.line(x, eyeY, x + side * 6, eyeY - 4);
      g.line(x, eyeY + 2, x + side * 7, eyeY + 4);
      g.bezier(side * hw * 0.3f, noseY, side * hw * 0.42f, mouthY - 6, side * hw * 0.42f, mouthY, side * mouthW * 0.62f, mouthY + 8);
    }
    g.noStroke();
  }

  /** Freckles scattered over the cheeks and the nose. */
  static void freckles(PGraphics g, Random rnd, int skin, float eyeX, float eyeY, float noseY) {
    g.fill(darker(skin, 0.35f), 120);
    for (int i = 0; i < 40; i++) {
      float side = chance(rnd, 0.5f) ? -1 : 1;
      float x = side * range(rnd, 6, eyeX + 10);
      float y = range(rnd, eyeY + 8, noseY + 4);
      float d = range(rnd, 1.2f, 2.4f);
      g.ellipse(x, y, d, d);
    }
  }

  /** One open eye: the white, the iris with pupil and glint, the upper lid and its lash line. */
  static void eye(PGraphics g, float x, float y, float w, float h, int iris, float lid, float look,
      int skin, int lashes, float light) {
    // the socket is a little darker than the face around it
    g.fill(darker(skin, 0.3f), 60);
    g.ellipse(x, y - h * 0.3f, w * 1.45f, h * 2.6f);
    // the white of the eye: an almond made of two bezier curves
    g.fill(0xFFF2ECE6);
    almond(g, x, y, w, h, 1);
    // iris, pupil and the reflection of the lamp
    float r = h * 0.64f;
    float ix = x + look * w;
    float iy = y - h * 0.08f;
    g.fill(iris);
    g.ellipse(ix, iy, r * 2, r * 2);
    g.noFill();
    g.stroke(darker(iris, 0.5f));
    g.strokeWeight(r * 0.22f);
    g.ellipse(ix, iy, r * 1.8f, r * 1.8f);
    g.noStroke();
    g.fill(0xFF0C0908);
    g.ellipse(ix, iy, r * 0.95f, r * 0.95f);
    g.fill(255, 235);
    g.ellipse(ix + light * r * 0.35f, iy - r * 0.35f, r * 0.5f, r * 0.5f);
    // the upper lid comes down over the eye: 0 = wide open, 1 = shut
    float drop = h * 1.75f * lid;
    g.fill(mix(skin, darker(skin, 0.2f), 0.5f));
    g.beginShape();
    g.vertex(x - w / 2, y);
    g.bezierVertex(x - w / 4, y - h - 1.5f, x + w / 4, y - h - 1.5f, x + w / 2, y);
    g.bezierVertex(x + w / 4, y - h + drop, x - w / 4, y - h + drop, x - w / 2, y);
    g.endShape(CLOSE);
    // lash line along the lid edge, and a faint crease above
    g.noFill();
    g.stroke(lashes);
    g.strokeWeight(2.4f);
    g.bezier(x - w / 2 - 1, y + 0.5f, x - w / 4, y - h + drop, x + w / 4, y - h + drop, x + w / 2 + 1, y + 0.5f);
    g.stroke(darker(skin, 0.35f), 110);
    g.strokeWeight(1.3f);
    g.bezier(x - w / 2, y - h * 0.4f, x - w / 4, y - h * 1.7f, x + w / 4, y - h * 1.7f, x + w / 2, y - h * 0.4f);
    g.stroke(darker(skin, 0.3f), 90);
    g.bezier(x - w / 2, y + 0.5f, x - w / 4, y + h * 0.85f, x + w / 4, y + h * 0.85f, x + w / 2, y + 0.5f);
    g.noStroke();
  }

  /** An almond shape: the outline of an open eye. */
  static void almond(PGraphics g, float x, float y, float w, float h, float scale) {
    g.beginShape();
    g.vertex(x - w / 2 * scale, y);
    g.bezierVertex(x - w / 4, y - h * scale, x + w / 4, y - h * scale, x + w / 2 * scale, y);
    g.bezierVertex(x + w / 4, y + h * 0.8f * scale, x - w / 4, y + h * 0.8f * scale, x - w / 2 * scale, y);
    g.endShape(CLOSE);
  }

  /** A closed, laughing eye: a curve with the lashes on it. */
  static void closedEye(PGraphics g, float x, float y, float w, float h, int lashes) {
    g.noFill();
    g.stroke(lashes);
    g.strokeWeight(2.6f);
    g.bezier(x - w / 2, y + h * 0.2f, x - w / 4, y - h * 0.7f, x + w / 4, y - h * 0.7f, x + w / 2, y + h * 0.2f);
    g.noStroke();
  }

  /** An eyebrow: a thick tapered curve. tilt > 0 raises the inner end (worried), < 0 lowers it (angry). */
  static void brow(PGraphics g, int side, float x, float y, float w, float thick, float tilt, float arch, int colour) {
    float ix = x - side * w * 0.5f;           // inner end, near the nose
    float ox = x + side * w * 0.5f;           // outer end
    float iy = y - tilt * 5;
    float oy = y + tilt * 2 + 2;
    g.fill(colour);
    g.beginShape();
    g.vertex(ix, iy + thick * 0.5f);
    g.vertex(ix, iy - thick * 0.5f);
    g.bezierVertex(lerp(ix, ox, 0.35f), iy - thick * 0.7f - arch, lerp(ix, ox, 0.7f), oy - thick * 0.5f - arch, ox, oy);
    g.bezierVertex(lerp(ix, ox, 0.7f), oy + thick * 0.1f - arch, lerp(ix, ox, 0.35f), iy + thick * 0.5f - arch, ix, iy + thick * 0.5f);
    g.endShape(CLOSE);
  }

  /** The nose is drawn by its shadows: along one side of the bridge, under the tip, the nostrils. */
  static void nose(PGraphics g, Random rnd, int skin, float top, float tip, float w, float light) {
    int shade = darker(skin, 0.35f);
    g.noFill();
    g.stroke(shade, 90);
    g.strokeWeight(3);
    g.bezier(-light * w * 0.3f, top + 6, -light * w * 0.35f, lerp(top, tip, 0.6f), -light * w * 0.55f, tip - w * 0.35f, -light * w * 0.5f, tip);
    g.noStroke();
    g.fill(shade, 80);
    g.ellipse(0, tip + w * 0.12f, w * 1.15f, w * 0.55f);
    g.fill(lighter(skin, 0.12f));
    g.ellipse(light * w * 0.06f, tip - w * 0.1f, w * 0.55f, w * 0.5f);
    g.fill(darker(skin, 0.6f), 200);
    g.ellipse(-w * 0.24f, tip + w * 0.14f, w * 0.24f, w * 0.13f);
    g.ellipse(w * 0.24f, tip + w * 0.14f, w * 0.24f, w * 0.13f);
    g.noFill();
    g.stroke(shade, 140);
    g.strokeWeight(1.6f);
    g.arc(-w * 0.38f, tip, w * 0.35f, w * 0.45f, HALF_PI, PI + HALF_PI * 0.8f);
    g.arc(w * 0.38f, tip, w * 0.35f, w * 0.45f, -HALF_PI * 0.8f, HALF_PI);
    g.noStroke();
  }

  /** Rosy cheeks. */
  static void blush(PGraphics g, int skin, float eyeX, float noseY, float hw) {
    for (int i = 0; i < 3; i++) {
      g.fill(mix(skin, 0xFFE04060, 0.5f), 22);
      g.ellipse(-eyeX - 3, noseY - 2, hw * (0.5f - i * 0.12f), hw * (0.32f - i * 0.07f));
      g.ellipse(eyeX + 3, noseY - 2, hw * (0.5f - i * 0.12f), hw * (0.32f - i * 0.07f));
    }
  }

  /** A beard and moustache, or only a moustache, or stubble. */
  static void beard(PGraphics g, Random rnd, int hair, float hw, float hh, float jaw, float noseY, float mouthY, float mouthW) {
    int kind = rnd.nextInt(3);
    float top = (noseY + mouthY) / 2;
    if (kind == 2) {
      // moustache only
      g.fill(hair);
      g.beginShape();
      g.vertex(-mouthW * 0.62f, mouthY + 2);
      g.bezierVertex(-mouthW * 0.5f, top - 8, -6, top - 8, 0, top - 2);
      g.bezierVertex(6, top - 8, mouthW * 0.5f, top - 8, mouthW * 0.62f, mouthY + 2);
      g.bezierVertex(mouthW * 0.4f, mouthY - 4, -mouthW * 0.4f, mouthY - 4, -mouthW * 0.62f, mouthY + 2);
      g.endShape(CLOSE);
      return;
    }
    float alpha = kind == 0 ? 255 : 80;   // full beard or stubble
    g.fill(kind == 0 ? hair : darker(hair, 0.3f), alpha);
    g.beginShape();
    // around the jaw from ear to ear, under the chin
    for (int i = 0; i <= 24; i++) {
      float a = map(i, 0, 24, 0.05f, PI - 0.05f);
      float s = sin(a);
      float w = hw * (1 - jaw * s * s) * 1.02f;
      g.vertex(cos(a) * w, s * hh * (kind == 0 ? 1.1f : 1.01f));
    }
    // back up around the mouth, leaving the lips free
    g.vertex(-hw * 0.95f, noseY - 10);
    g.bezierVertex(-hw * 0.6f, top - 2, -hw * 0.3f, top - 6, 0, top - 4);
    g.bezierVertex(hw * 0.3f, top - 6, hw * 0.6f, top - 2, hw * 0.95f, noseY - 10);
    g.endShape(CLOSE);
  }

  /** An "oh!": a round open mouth. */
  static void surprisedMouth(PGraphics g, float y, float w, float open, int lips) {
    g.fill(lips);
    g.ellipse(0, y + 4, w * 1.3f, w * (1.1f + open));
    g.fill(0xFF3A1216);
    g.ellipse(0, y + 4, w * 0.8f, w * (0.6f + open));
  }

  /**
   * A mouth. curve > 0 turns the corners up (a smile), < 0 down (a frown); open > 0 parts the lips
   * to show teeth and the dark inside.
   */
  static void mouth(PGraphics g, float y, float w, float curve, float open, int lips, int skin) {
    float corner = y - curve * w * 0.2f;         // height of the mouth corners
    float sag = y + curve * w * 0.08f;           // the middle of the lip line dips in a smile
    float gap = open * w * 0.45f;                // how far the lips part
    float upper = w * 0.12f;                     // lip thickness
    float lower = w * 0.16f;
    float l = -w / 2;
    float r = w / 2;
    // upper lip
    g.fill(darker(lips, 0.1f));
    g.beginShape();
    g.vertex(l, corner);
    g.bezierVertex(l + w * 0.2f, sag - upper * 1.2f, -w * 0.12f, y - upper * 1.4f, 0, y - upper * 0.9f);
    g.bezierVertex(w * 0.12f, y - upper * 1.4f, r - w * 0.2f, sag - upper * 1.2f, r, corner);
    g.bezierVertex(r - w * 0.2f, sag, l + w * 0.2f, sag, l, corner);
    g.endShape(CLOSE);
    // lower lip, below the opening
    g.fill(lips);
    g.beginShape();
    g.vertex(l, corner);
    g.bezierVertex(l + w * 0.2f, sag + gap, r - w * 0.2f, sag + gap, r, corner);
    g.bezierVertex(r - w * 0.15f, sag + gap + lower * 1.5f, l + w * 0.15f, sag + gap + lower * 1.5f, l, corner);
    g.endShape(CLOSE);
    g.fill(lighter(lips, 0.3f), 110);
    g.ellipse(0, sag + gap * 0.75f + lower * 0.55f, w * 0.35f, lower * 0.45f);
    if (open > 0) {
      // the opening, and the top teeth
      g.fill(0xFF3A1216);
      lipGap(g, l, r, corner, sag, 0, gap);
      g.fill(0xFFF4F0E8);
      lipGap(g, l + 3, r - 3, corner, sag, 0, min(gap * 0.9f, w * 0.14f));
    }
    // the dark line where the lips meet
    g.noFill();
    g.stroke(darker(lips, 0.5f), 220);
    g.strokeWeight(1.6f);
    g.bezier(l, corner, l + w * 0.2f, sag, r - w * 0.2f, sag, r, corner);
    g.noStroke();
    // small shadows at the corners, they make a smile read from afar
    g.fill(darker(skin, 0.35f), 90);
    g.ellipse(l - 1, corner, 4, 4);
    g.ellipse(r + 1, corner, 4, 4);
  }

  /** The space between two copies of the lip line, the second one {@code b} lower. */
  static void lipGap(PGraphics g, float l, float r, float corner, float sag, float a, float b) {
    float w = r - l;
    g.beginShape();
    g.vertex(l, corner);
    g.bezierVertex(l + w * 0.2f, sag + a, r - w * 0.2f, sag + a, r, corner);
    g.bezierVertex(r - w * 0.2f, sag + b, l + w * 0.2f, sag + b, l, corner);
    g.endShape(CLOSE);
  }

  /** The hair on top of the head, styled. */
  static void hairFront(PGraphics g, Random rnd, int style, int hair, float hw, float hh, float eyeY, float light) {
    float part = range(rnd, -0.4f, 0.4f) * hw;
    switch (style) {
      case BALD -> {
        g.fill(255, 40);
        g.ellipse(light * hw * 0.25f, -hh * 0.7f, hw * 0.6f, hh * 0.25f);
      }
      case BUZZ -> hairCap(g, rnd, darker(hair, 0.1f), 170, hw, hh, 2, -hh * 0.55f, eyeY - 10, hw * 0.9f, 0, light);
      case SHORT -> hairCap(g, rnd, hair, 255, hw, hh, range(rnd, 6, 12), -hh * range(rnd, 0.48f, 0.6f), eyeY - 12, hw * 0.9f, part, light);
      case SIDE_PART -> hairCap(g, rnd, hair, 255, hw, hh, range(rnd, 8, 14), -hh * range(rnd, 0.4f, 0.52f), eyeY - 6, hw * 0.88f, hw * 0.55f * (chance(rnd, 0.5f) ? -1 : 1), light);
      case BANGS -> hairCap(g, rnd, hair, 255, hw, hh, range(rnd, 6, 12), eyeY - range(rnd, 16, 26), eyeY + 10, hw * 0.86f, 0, light);
      case LONG -> hairCap(g, rnd, hair, 255, hw, hh, range(rnd, 6, 12), -hh * range(rnd, 0.4f, 0.55f), hh * range(rnd, 0.4f, 0.9f), hw * 0.8f, part, light);
      case CURLY -> {
        for (int i = 0; i < 22; i++) {
          float a = map(i, 0, 21, PI * 1.08f, PI * 1.92f);
          float r = range(rnd, 14, 22);
          g.fill(mix(darker(hair, 0.25f), lighter(hair, 0.1f), rnd.nextFloat()));
          g.ellipse(cos(a) * hw * 0.85f, sin(a) * hh * 0.75f - 4, r, r);
        }
      }
      case BUN -> {
        hairCap(g, rnd, hair, 255, hw, hh, 3, -hh * 0.55f, eyeY - 10, hw * 0.9f, 0, light);
        g.fill(hair);
        g.ellipse(0, -hh - 10, hw * 0.8f, hw * 0.65f);
        g.noFill();
        g.stroke(darker(hair, 0.35f), 150);
        g.strokeWeight(1.5f);
        g.arc(0, -hh - 10, hw * 0.5f, hw * 0.4f, PI, TWO_PI);
        g.noStroke();
      }
      default -> beanie(g, rnd, hw, hh);
    }
  }

  /**
   * Hair as a cap over the skull: around the top of the head (puffed out by {@code volume}),
   * down the sides to {@code sides}, and back across the forehead along the hairline.
   */
  static void hairCap(PGraphics g, Random rnd, int hair, float alpha, float hw, float hh, float volume,
      float hairline, float sides, float inner, float part, float light) {
    g.fill(hair, alpha);
    g.beginShape();
    for (int i = 0; i <= 30; i++) {
      float a = PI + PI * i / 30;
      g.vertex(cos(a) * (hw + volume), sin(a) * (hh * 0.92f + volume) - volume * 0.3f);
    }
    g.vertex(hw + volume * 0.5f, sides);
    g.vertex(inner, sides);
    g.bezierVertex(inner, hairline + 10, lerp(inner, part, 0.5f), hairline, part, hairline - 4);
    g.bezierVertex(lerp(-inner, part, 0.5f), hairline, -inner, hairline + 10, -inner, sides);
    g.vertex(-hw - volume * 0.5f, sides);
    g.endShape(CLOSE);
    // strands: a few lighter and darker strokes from the parting
    g.noFill();
    g.strokeWeight(1.5f);
    for (int i = 0; i < 18; i++) {
      float side = i % 2 == 0 ? -1 : 1;
      float to = side * range(rnd, 0.3f, 0.95f) * hw;
      g.stroke(rnd.nextBoolean() ? lighter(hair, 0.25f) : darker(hair, 0.35f), alpha * 0.45f);
      g.bezier(part, -hh * 0.9f, lerp(part, to, 0.5f), -hh * 0.95f, to, -hh * 0.6f, to * 1.02f, lerp(hairline, sides, 0.4f));
    }
    // shine on the side facing the lamp
    g.stroke(lighter(hair, 0.45f), alpha * 0.35f);
    g.strokeWeight(5);
    g.arc(0, -volume * 0.3f, (hw + volume) * 1.6f, (hh * 0.92f + volume) * 1.6f,
        light > 0 ? PI * 1.55f : PI * 1.2f, light > 0 ? PI * 1.8f : PI * 1.45f);
    g.noStroke();
  }

  /** A knitted hat. */
  static void beanie(PGraphics g, Random rnd, float hw, float hh) {
    int wool = Color.HSBtoRGB(rnd.nextFloat(), range(rnd, 0.3f, 0.8f), range(rnd, 0.3f, 0.9f));
    float brim = -hh * range(rnd, 0.35f, 0.5f);
    g.fill(wool);
    g.arc(0, brim, (hw + 8) * 2, (hh + 14 + brim) * 2.1f, PI, TWO_PI, CHORD);
    g.stroke(darker(wool, 0.25f));
    g.strokeWeight(1.5f);
    for (float x = -hw; x <= hw; x += 7) {
      g.line(x, brim - 2, x * 0.8f, brim - hh * 0.5f);
    }
    g.noStroke();
    g.fill(darker(wool, 0.15f));
    g.rect(-hw - 10, brim - 10, hw * 2 + 20, 18, 6);
    if (chance(rnd, 0.5f)) {
      g.fill(lighter(wool, 0.3f));
      g.ellipse(0, brim - (hh + 14 + brim) * 1.05f, 22, 22);
    }
  }

  /** Glasses: two frames, a bridge, and the arms back to the ears. */
  static void glasses(PGraphics g, Random rnd, float eyeX, float eyeY, float eyeW, float eyeH, float hw) {
    int frame = pick(rnd, 0xFF111111, 0xFF5A3418, 0xFFC9A24A, 0xFF8A1E2A, 0xFF2A3A6A);
    boolean round = chance(rnd, 0.5f);
    boolean sun = chance(rnd, 0.15f);
    float w = eyeW * 1.55f;
    float h = eyeH * 2.8f;
    g.stroke(frame);
    g.strokeWeight(range(rnd, 2.2f, 4f));
    g.fill(sun ? 0xFF101418 : 0xFFFFFFFF, sun ? 235 : 30);
    for (int side = -1; side <= 1; side += 2) {
      if (round) {
        g.ellipse(side * eyeX, eyeY, w, h);
      } else {
        g.rect(side * eyeX - w / 2, eyeY - h / 2, w, h, 6);
      }
      g.line(side * (eyeX + w / 2), eyeY - 2, side * hw, eyeY - 4);
    }
    g.noFill();
    g.arc(0, eyeY, eyeX * 2 - w, 8, PI, TWO_PI);
    g.noStroke();
    g.fill(255, sun ? 90 : 60);
    g.quad(-eyeX - w * 0.3f, eyeY - h * 0.3f, -eyeX - w * 0.1f, eyeY - h * 0.35f, -eyeX - w * 0.3f, eyeY + h * 0.1f, -eyeX - w * 0.4f, eyeY + h * 0.1f);
    g.quad(eyeX - w * 0.3f, eyeY - h * 0.3f, eyeX - w * 0.1f, eyeY - h * 0.35f, eyeX - w * 0.3f, eyeY + h * 0.1f, eyeX - w * 0.4f, eyeY + h * 0.1f);
  }

  private Faces() {
  }
}
