package mishmash.specimens;

import static mishmash.specimens.Colours.*;
import static mishmash.specimens.Dice.*;
import static mishmash.specimens.Paint.*;
import static processing.core.PApplet.*;

import java.util.Random;
import processing.core.PGraphics;

/**
 * The features of a face: eyes, brows, nose and mouth, and glasses. Each is drawn as if it looked
 * straight at us, around (0, 0); {@link Head#place} moves and squeezes it to where it sits on a
 * turned head.
 */
final class FaceParts {

  /** The colour inside an open mouth. */
  static final int MOUTH_INSIDE = 0xFF2A0C0E, TONGUE = 0xFFC0505A, TEETH = 0xFFF0EADC;

  // ---- Eyes ----

  /** Both eyes, the one further away first. */
  static void eyes(PGraphics g, Random rnd, Person p, Head head) {
    int lashes = darker(mix(p.hair, 0xFF140E0C, 0.7f), 0.2f);
    float look = constrain(p.gaze, -1, 1) * 0.22f;
    for (int i = 0; i < 2; i++) {
      int side = (i == 0) == (head.sinYaw > 0) ? 1 : -1;
      g.push();
      head.place(g, side * p.eyeX, p.eyeY, -p.hw * 0.04f);
      if (p.eyesOpen < 0.12f) {
        closedEye(g, p, lashes);
      } else {
        eye(g, rnd, p, side, look, lashes);
      }
      g.pop();
    }
  }

  /**
   * One open eye: the white, shaded towards the corners; the iris and pupil with a glint of the
   * lamp; the upper lid with its lashes casting a shadow; a crease above and a soft lower lid.
   */
  static void eye(PGraphics g, Random rnd, Person p, int side, float look, int lashes) {
    float w = p.eyeW;
    float h = p.eyeH * (0.55f + p.eyesOpen * 0.6f);
    float smileSquint = max(0, p.smile) * 0.25f;           // a real smile pushes the lower lid up
    // the white of the eye, darker at the corners
    radialFill(g, 0, 0, w * 0.55f, h * 1.2f, 0, new float[] {0, 0.6f, 1},
        new int[] {0xFFF4EFEA, 0xFFE2D8D2, darker(mix(0xFFD8C8C0, p.skin, 0.4f), 0.2f)});
    almond(g, w, h, 1 - smileSquint);
    // iris and pupil
    float r = p.eyeW * (0.2f + constrain(map(p.age, 0, 0.25f, 0.03f, 0), 0, 0.03f));
    float ix = look * w;
    float iy = -h * 0.05f;
    int iris = p.iris;
    radialFill(g, ix, iy, r, r, 0, new float[] {0, 0.35f, 0.8f, 1},
        new int[] {lighter(iris, 0.25f), iris, darker(iris, 0.3f), darker(iris, 0.7f)});
    g.ellipse(ix, iy, r * 2, r * 2);
    g.fill(0xFF080606);
    float pupil = r * range(rnd, 0.75f, 1.05f);
    g.ellipse(ix, iy, pupil, pupil);
    // the upper lid and lashes cast a shadow over the top of the eye
    linearFill(g, 0, -h, 0x90000000 | (darker(p.skin, 0.6f) & 0xFFFFFF), 0, -h * 0.1f, 0x00000000);
    almond(g, w, h, 1 - smileSquint);
    // the glint of the lamp
    g.fill(mix(p.lamp, 0xFFFFFFFF, 0.5f), 235);
    g.ellipse(ix + p.light * r * 0.35f, iy - r * 0.35f, r * 0.42f, r * 0.42f);
    // the upper lid comes down over the eye
    float drop = h * 1.6f * (1 - p.eyesOpen) * 0.8f;
    int lid = mix(p.skin, darker(p.skin, 0.25f), 0.5f);
    if (drop > 0.5f) {
      g.fill(lid);
      g.beginShape();
      g.vertex(-w / 2 - 1, 0);
      g.bezierVertex(-w / 4, -h - 2, w / 4, -h - 2, w / 2 + 1, 0);
      g.bezierVertex(w / 4, -h + drop, -w / 4, -h + drop, -w / 2 - 1, 0);
      g.endShape(CLOSE);
    }
    // the lash line along the lid's edge, thicker at the outer corner
    g.noFill();
    g.stroke(lashes);
    g.strokeWeight(2.2f + (1 - p.masculine) * 1.2f);
    g.bezier(-w / 2 - 1, 0.5f, -w / 4, -h + drop, w / 4, -h + drop, w / 2 + 1, 0.5f);
    if (p.masculine < 0.4f) {
      g.strokeWeight(1.6f);
      float ox = side * (w / 2 + 1);
      g.line(ox, 0, ox + side * 3.5f, -2.5f);
    }
    // the crease above, and the lower lid
    g.stroke(darker(p.skin, 0.4f), 110);
    g.strokeWeight(1.3f);
    float crease = p.age > 0.7f ? 0.9f : 1.65f;
    g.bezier(-w / 2, -h * 0.3f, -w / 4, -h * crease - drop * 0.2f, w / 4, -h * crease - drop * 0.2f, w / 2, -h * 0.3f);
    g.stroke(darker(p.skin, 0.3f), 100);
    float low = h * 0.8f * (1 - smileSquint);
    g.bezier(-w / 2, 0.5f, -w / 4, low, w / 4, low, w / 2, 0.5f);
    g.stroke(lighter(p.skin, 0.2f), 80);
    g.bezier(-w / 2 + 1, 1.8f, -w / 4, low + 1.5f, w / 4, low + 1.5f, w / 2 - 1, 1.8f);
    g.noStroke();
    // the pink inner corner
    g.fill(mix(p.skin, 0xFFD06070, 0.4f), 200);
    g.ellipse(-side * (w / 2 - 1.5f), 0.5f, 3.2f, 2.4f);
  }

  /** The almond shape of an open eye; {@code low} lifts the lower edge (squinting). */
  static void almond(PGraphics g, float w, float h, float low) {
    g.beginShape();
    g.vertex(-w / 2, 0);
    g.bezierVertex(-w / 4, -h, w / 4, -h, w / 2, 0);
    g.bezierVertex(w / 4, h * 0.8f * low, -w / 4, h * 0.8f * low, -w / 2, 0);
    g.endShape(CLOSE);
  }

  /** A closed eye (laughing, sleepy): the lid with its lash line, curved down. */
  static void closedEye(PGraphics g, Person p, int lashes) {
    float w = p.eyeW;
    float h = p.eyeH;
    float bend = p.smile > 0.3f ? -0.5f : 0.35f;             // a laugh curves the lids up
    soft(g, 0, -h * 0.3f, w * 1.2f, h * 1.4f, darker(p.skin, 0.3f), 50);
    g.noFill();
    g.stroke(lashes);
    g.strokeWeight(2.6f);
    g.bezier(-w / 2, 0, -w / 4, h * bend, w / 4, h * bend, w / 2, 0);
    g.stroke(darker(p.skin, 0.35f), 100);
    g.strokeWeight(1.3f);
    g.bezier(-w / 2, -h * 0.5f, -w / 4, -h * 1.3f, w / 4, -h * 1.3f, w / 2, -h * 0.5f);
    g.noStroke();
  }

  // ---- Brows ----

  /** Eyebrows: tapered arches of hair; raised, lowered or worried with the mood. */
  static void brows(PGraphics g, Random rnd, Person p, Head head) {
    int colour = p.hairStyle.equals("bald") || p.grey > 0.6f ? darker(mix(p.hair, p.skin, 0.3f), 0.35f) : darker(p.hair, 0.12f);
    float arch = range(rnd, 1, 4) + (1 - p.masculine) * 2;
    for (int side = -1; side <= 1; side += 2) {
      float lift = p.browRaise * 5;
      g.push();
      head.place(g, side * p.eyeX, p.browY - lift, 0);
      brow(g, side, p.eyeW * 1.3f, p.browThick, p.browRaise, p.sadBrows, arch, colour);
      g.pop();
    }
  }

  /** One eyebrow around (0, 0); frown < 0 pulls its inner end down, a sad brow lifts it. */
  static void brow(PGraphics g, int side, float w, float thick, float raise, boolean sad, float arch, int colour) {
    float ix = -side * w * 0.5f;           // inner end, near the nose
    float ox = side * w * 0.5f;            // outer end
    float iy = raise < 0 ? -raise * 4 : 0;
    if (sad) {
      iy = -5;
    }
    float oy = 2 + (sad ? 2 : 0);
    for (int pass = 0; pass < 2; pass++) {
      g.fill(colour, pass == 0 ? 90 : 230);
      float t = thick * (pass == 0 ? 1.25f : 1);
      g.beginShape();
      g.vertex(ix, iy + t * 0.5f);
      g.vertex(ix, iy - t * 0.5f);
      g.bezierVertex(lerp(ix, ox, 0.35f), iy - t * 0.7f - arch, lerp(ix, ox, 0.7f), oy - t * 0.5f - arch, ox, oy);
      g.bezierVertex(lerp(ix, ox, 0.7f), oy + t * 0.1f - arch, lerp(ix, ox, 0.35f), iy + t * 0.5f - arch, ix, iy + t * 0.5f);
      g.endShape(CLOSE);
    }
    // single hairs at the inner end
    g.stroke(colour, 160);
    g.strokeWeight(0.9f);
    for (int i = 0; i < 4; i++) {
      float x = ix + side * i * 1.6f;
      g.line(x, iy + thick * 0.4f, x + side * 1.5f, iy - thick * 0.6f);
    }
    g.noStroke();
  }

  // ---- Nose ----

  /**
   * The nose, drawn by light and shade as a photograph shows it: a lit bridge, the side away from
   * the lamp in shadow, a round tip, the wings around the nostrils, the shadow under it. On a turned
   * head the tip swings towards the side it turns to and the nose's edge shows against the cheek.
   */
  static void nose(PGraphics g, Person p, Head head) {
    float top = p.eyeY - p.eyeH * 0.2f;
    float tip = p.noseY;
    float len = p.noseLength;
    float w = p.noseW;
    float c = p.contrast;
    float l = p.light;
    int shade = mix(darker(p.skin, 0.4f * c), 0xFF602028, 0.06f);
    int lit = lighter(p.skin, 0.25f);
    // the side of the nose away from the light
    for (int i = 0; i <= 4; i++) {
      float t = i / 4f;
      float y = lerp(top + 6, tip, t);
      float[] s = head.at(-l * w * lerp(0.35f, 0.7f, t), y, len * t * 0.45f);
      soft(g, s[0], s[1], w * (0.5f + t * 0.5f) * head.squash(0, y), (tip - top) * 0.4f, shade, (40 + 60 * abs(l)) * c);
    }
    // the far edge of a turned nose, against the cheek behind it
    float turn = abs(head.sinYaw);
    if (turn > 0.08f) {
      float side = Math.signum(head.sinYaw);
      g.noFill();
      g.stroke(darker(p.skin, 0.5f * c), 150 * min(1, turn * 2.5f));
      g.strokeWeight(1.8f);
      g.beginShape();
      for (int i = 0; i <= 8; i++) {
        float t = i / 8f;
        float y = lerp(top + 4, tip, t);
        float[] ridge = head.at(0, y, len * pow(t, 1.3f));
        float[] wing = head.at(side * w * lerp(0.25f, 0.9f, t), y, len * 0.3f * t);
        g.vertex(side > 0 ? max(ridge[0], wing[0]) + 0.8f : min(ridge[0], wing[0]) - 0.8f, ridge[1]);
      }
      float[] under = head.at(side * w * 0.4f, tip + p.hh * 0.05f, len * 0.5f);
      g.vertex(under[0], under[1]);
      g.endShape();
      g.noStroke();
    }
    // the lit bridge
    for (int i = 0; i <= 4; i++) {
      float t = i / 4f;
      float y = lerp(top + 4, tip - 4, t);
      float[] b = head.at(l * w * 0.12f, y, len * pow(t, 1.3f));
      soft(g, b[0], b[1], w * 0.35f, (tip - top) * 0.3f, lit, 45);
    }
    // the wings around the nostrils, and the nostrils
    for (int side = -1; side <= 1; side += 2) {
      if (side * head.sinYaw > 0.45f) {
        continue;
      }
      float[] a = head.at(side * w * 0.85f, tip + 1, len * 0.2f);
      float sq = head.squash(side * w, tip);
      soft(g, a[0], a[1], w * 0.55f * sq, w * 0.55f, side * l < 0 ? shade : darker(p.skin, 0.15f), 120 * c);
      g.noFill();
      g.stroke(darker(p.skin, 0.45f * c), 150);
      g.strokeWeight(1.5f);
      g.arc(a[0] - side * 1.2f * sq, a[1], w * 0.5f * sq, w * 0.55f, side < 0 ? HALF_PI : -HALF_PI * 0.9f,
          side < 0 ? PI + HALF_PI * 0.9f : HALF_PI);
      g.noStroke();
      float[] n = head.at(side * w * 0.35f, tip + p.hh * 0.03f, len * 0.35f);
      g.fill(darker(p.skin, 0.7f), 220);
      g.ellipse(n[0], n[1], w * 0.34f * sq, w * 0.17f);
    }
    // the round tip catches the light
    float[] t = head.at(0, tip - 3, len);
    soft(g, t[0], t[1] + 2, w * 0.9f, w * 0.7f, mix(p.skin, 0xFFD06060, 0.12f), 90);
    soft(g, t[0] + l * 2, t[1] - 1, w * 0.4f, w * 0.32f, lighter(lit, 0.4f), 90);
    // and its shadow falls on the upper lip, away from the lamp
    float[] u = head.at(-l * w * 0.4f, tip + p.hh * 0.07f, len * 0.1f);
    soft(g, u[0], u[1], w * 1.7f, p.hh * 0.1f, darker(p.skin, 0.6f), 150 * c);
  }

  // ---- Mouth ----

  /**
   * The mouth. smile > 0 lifts the corners and widens it, < 0 turns them down; mouthOpen parts the
   * lips to show the dark inside, the upper teeth, and in a wide-open mouth the lower teeth and
   * the tongue; round makes the opening an "oh".
   */
  static void mouth(PGraphics g, Random rnd, Person p, Head head) {
    float w = width(p);
    float s = p.smile;
    float open = p.mouthOpen;
    float corner = -s * w * 0.14f;                    // how high the corners are
    float gap = gap(p);                               // how far the lips part in the middle
    float upper = w * 0.11f * p.lipsFull;             // thickness of the lips
    float lower = w * 0.15f * p.lipsFull;
    float l = -w / 2;
    float r = w / 2;
    float sag = s * w * 0.05f;                         // the middle of the lip line dips in a smile
    g.push();
    head.place(g, 0, p.mouthY, p.noseLength * 0.12f);
    // the philtrum: the groove from the nose to the upper lip
    soft(g, 0, -upper * 2.4f, w * 0.18f, upper * 2.2f, darker(p.skin, 0.25f), 45);
    // the opening: the dark inside, the tongue, and the teeth
    if (open > 0.02f) {
      int inside = MOUTH_INSIDE;
      radialFill(g, 0, sag + gap * 0.5f, w * 0.5f, gap * 0.7f + 2, 0, new float[] {0, 1}, new int[] {lighter(inside, 0.1f), darker(inside, 0.5f)});
      opening(g, l, r, corner, sag, gap);
      if (open > 0.3f) {
        g.fill(TONGUE);
        linearFill(g, 0, sag + gap * 0.5f, lighter(TONGUE, 0.1f), 0, sag + gap, darker(TONGUE, 0.3f));
        g.ellipse(0, sag + gap * 0.88f, w * 0.55f, gap * 0.5f);
      }
      float teeth = min(gap * 0.55f, w * 0.13f) * (1 - p.round * 0.6f);
      if (teeth > 0.8f) {
        linearFill(g, l, 0, darker(TEETH, 0.35f), r, 0, darker(TEETH, 0.35f));
        linearFill(g, 0, sag - 2, TEETH, 0, sag + teeth, darker(TEETH, 0.12f));
        g.beginShape();
        g.vertex(l * 0.8f, corner * 0.7f);
        g.bezierVertex(l * 0.4f, sag - 1, r * 0.4f, sag - 1, r * 0.8f, corner * 0.7f);
        g.bezierVertex(r * 0.4f, sag + teeth, l * 0.4f, sag + teeth, l * 0.8f, corner * 0.7f);
        g.endShape(CLOSE);
        g.stroke(darker(TEETH, 0.3f), 120);
        g.strokeWeight(0.7f);
        for (int i = -2; i <= 2; i++) {
          float x = i * w * 0.09f;
          g.line(x, sag + 0.5f, x, sag + teeth * 0.8f);
        }
        g.noStroke();
        // the teeth at the sides are in shadow
        soft(g, l * 0.75f, corner * 0.6f + teeth * 0.4f, w * 0.3f, teeth * 2, MOUTH_INSIDE, 160);
        soft(g, r * 0.75f, corner * 0.6f + teeth * 0.4f, w * 0.3f, teeth * 2, MOUTH_INSIDE, 160);
      }
      if (open > 0.55f) {
        g.fill(darker(TEETH, 0.2f));
        g.arc(0, sag + gap + 1, w * 0.5f, min(gap * 0.3f, w * 0.1f), PI, TWO_PI, CHORD);
      }
    }
    // the upper lip, darker (it faces down)
    int lips = p.lips;
    linearFill(g, 0, sag - upper * 1.4f, darker(lips, 0.05f), 0, sag, darker(lips, 0.3f));
    g.beginShape();
    g.vertex(l, corner);
    g.bezierVertex(l + w * 0.2f, sag - upper * 1.1f, -w * 0.12f, -upper * 1.4f, 0, -upper * 0.85f);
    g.bezierVertex(w * 0.12f, -upper * 1.4f, r - w * 0.2f, sag - upper * 1.1f, r, corner);
    g.bezierVertex(r - w * 0.2f, sag, l + w * 0.2f, sag, l, corner);
    g.endShape(CLOSE);
    // the lower lip, lighter, with a highlight
    float bottom = sag + gap;
    linearFill(g, 0, bottom, lips, 0, bottom + lower * 1.5f, darker(lips, 0.25f));
    g.beginShape();
    g.vertex(l, corner);
    g.bezierVertex(l + w * 0.2f, bottom, r - w * 0.2f, bottom, r, corner);
    g.bezierVertex(r - w * 0.15f, bottom + lower * 1.5f, l + w * 0.15f, bottom + lower * 1.5f, l, corner);
    g.endShape(CLOSE);
    soft(g, p.light * w * 0.08f, bottom + lower * 0.55f, w * 0.4f, lower * 0.7f, lighter(lips, 0.5f), p.lipstick ? 150 : 100);
    // where the lips meet
    g.noFill();
    g.stroke(darker(lips, 0.55f), open > 0.02f ? 120 : 210);
    g.strokeWeight(1.5f);
    g.bezier(l, corner, l + w * 0.2f, sag, r - w * 0.2f, sag, r, corner);
    g.noStroke();
    // the corners: a dimple of shadow that makes the expression read from afar
    soft(g, l - 1.5f, corner, 7, 7, darker(p.skin, 0.5f), 120);
    soft(g, r + 1.5f, corner, 7, 7, darker(p.skin, 0.5f), 120);
    g.pop();
  }

  /** How wide the mouth is: a smile widens it, an "oh" narrows it. */
  static float width(Person p) {
    return p.mouthW * (1 + max(0, p.smile) * 0.18f) * (1 - p.round * p.mouthOpen * 0.4f);
  }

  /** How far the lips part in the middle. */
  static float gap(Person p) {
    return p.mouthOpen * width(p) * (0.5f + p.round * 0.35f);
  }

  /** The shape between the lips: from the lip line at the top to {@code gap} below it in the middle. */
  static void opening(PGraphics g, float l, float r, float corner, float sag, float gap) {
    float w = r - l;
    g.beginShape();
    g.vertex(l, corner);
    g.bezierVertex(l + w * 0.2f, sag - 1, r - w * 0.2f, sag - 1, r, corner);
    g.bezierVertex(r - w * 0.12f, sag + gap * 1.3f, l + w * 0.12f, sag + gap * 1.3f, l, corner);
    g.endShape(CLOSE);
  }

  // ---- Glasses ----

  /**
   * Glasses: two lenses in a frame that stands a little in front of the eyes, the bridge over the
   * nose, and the arm on the near side going back to the ear. Sunglasses have dark lenses.
   */
  static void glasses(PGraphics g, Person p, Head head) {
    float out = p.noseLength * 0.6f;
    float w = p.eyeW * 1.55f;
    float h = p.eyeH * (p.frame.equals("aviator") ? 3.2f : 2.6f);
    float squash = head.cosYaw;                      // the frame is flat, so both lenses turn alike
    int frame = p.frameColour;
    float thick = p.frame.equals("rimless") ? 0 : p.frame.equals("aviator") ? 1.6f : 2.6f + (frame == 0xFF111111 ? 1 : 0);
    float[][] centre = new float[2][];
    for (int i = 0; i < 2; i++) {
      int side = i == 0 ? -1 : 1;
      centre[i] = head.project(side * p.eyeX, p.eyeY, head.depth(0, p.eyeY) + out * 0.3f);
    }
    // the near arm, back to the ear
    int near = head.sinYaw > 0 ? 0 : 1;
    float[] ear = head.project((near == 0 ? -1 : 1) * p.hw * 0.98f, p.eyeY + 2, -head.hd * 0.1f);
    float edge = centre[near][0] + (near == 0 ? -1 : 1) * w * 0.5f * squash;
    if (thick > 0 || p.frame.equals("rimless")) {
      g.stroke(darker(frame, 0.2f));
      g.strokeWeight(max(1.4f, thick * 0.8f));
      g.line(edge, centre[near][1] - h * 0.25f, ear[0], ear[1]);
    }
    for (int i = 0; i < 2; i++) {
      g.push();
      g.translate(centre[i][0], centre[i][1]);
      g.scale(squash, 1);
      // the lens: clear with a faint tint, or dark
      if (p.sunglasses) {
        linearFill(g, 0, -h / 2, 0xF0101418, 0, h / 2, 0xD0303A44);
      } else {
        linearFill(g, 0, -h / 2, 0x30FFFFFF, 0, h / 2, 0x10A0C0D0);
      }
      if (thick > 0) {
        g.stroke(frame);
        g.strokeWeight(thick);
      } else {
        g.stroke(0xFFC8CCD0, 120);
        g.strokeWeight(0.8f);
      }
      lens(g, p.frame, w, h, i == 0 ? -1 : 1);
      g.noStroke();
      // a reflection of the window across the glass
      g.fill(255, p.sunglasses ? 70 : 45);
      g.quad(-w * 0.32f, -h * 0.3f, -w * 0.12f, -h * 0.36f, -w * 0.3f, h * 0.15f, -w * 0.42f, h * 0.12f);
      if (thick > 0) {
        g.noFill();
        g.stroke(lighter(frame, 0.45f), 120);
        g.strokeWeight(1);
        g.arc(0, 0, w * 0.9f, h * 0.9f, PI * 1.1f, PI * 1.4f);
        g.noStroke();
      }
      g.pop();
    }
    // the bridge over the nose
    float[] bridge = head.at(0, p.eyeY - p.eyeH * 0.8f, out);
    g.noFill();
    g.stroke(frame);
    g.strokeWeight(max(1.4f, thick));
    float inner = w * 0.5f * squash;
    g.bezier(centre[0][0] + inner, centre[0][1] - h * 0.15f, bridge[0] - 3, bridge[1] - 2, bridge[0] + 3, bridge[1] - 2,
        centre[1][0] - inner, centre[1][1] - h * 0.15f);
    g.noStroke();
    // the lenses cast a soft shadow on the cheeks
    for (int i = 0; i < 2; i++) {
      soft(g, centre[i][0] - p.light * 3, centre[i][1] + h * 0.7f, w * squash, h * 0.35f, darker(p.skin, 0.5f), p.sunglasses ? 70 : 35);
    }
  }

  /** One lens outline around (0, 0). side is -1 for the left lens (cat-eyes sweep up at the outer corners). */
  static void lens(PGraphics g, String frame, float w, float h, int side) {
    switch (frame) {
      case "round" -> g.ellipse(0, 0, w, h * 1.05f);
      case "cat-eye" -> {
        g.beginShape();
        g.vertex(-side * w * 0.5f, -h * 0.2f);
        g.bezierVertex(-side * w * 0.3f, -h * 0.55f, side * w * 0.3f, -h * 0.6f, side * w * 0.6f, -h * 0.55f);
        g.bezierVertex(side * w * 0.55f, h * 0.3f, side * w * 0.2f, h * 0.5f, 0, h * 0.45f);
        g.bezierVertex(-side * w * 0.4f, h * 0.45f, -side * w * 0.55f, h * 0.2f, -side * w * 0.5f, -h * 0.2f);
        g.endShape(CLOSE);
      }
      case "aviator" -> {
        g.beginShape();
        g.vertex(-w * 0.5f, -h * 0.35f);
        g.bezierVertex(-w * 0.2f, -h * 0.5f, w * 0.2f, -h * 0.5f, w * 0.5f, -h * 0.35f);
        g.bezierVertex(w * 0.55f, h * 0.2f, w * 0.2f, h * 0.5f, 0, h * 0.5f);
        g.bezierVertex(-w * 0.3f, h * 0.5f, -w * 0.55f, h * 0.1f, -w * 0.5f, -h * 0.35f);
        g.endShape(CLOSE);
      }
      default -> g.rect(-w / 2, -h / 2, w, h, h * 0.25f);
    }
  }

  private FaceParts() {
  }
}
