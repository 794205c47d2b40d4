import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import mishmash.files.AtomicFile;
import mishmash.train.Progress;
import processing.awt.PGraphicsJava2D;
import processing.core.PApplet;
import processing.core.PGraphics;

/**
 * Specimens: the three kinds of pictures the GAN learns from, drawn by hand in code —
 * a human face, a machine, and human cells under a microscope.
 *
 * Every picture comes from a seed: the same seed always draws the same picture, pixel for pixel,
 * because every random choice comes from one {@code java.util.Random(seed)} passed down to the
 * helpers. All drawings use a 256 × 256 canvas; {@code scale()} fits them to any image size.
 *
 * Look at them: {@code mvn -q compile exec:java -Dsketch=Specimens}
 * (space: new seeds, 1 faces, 2 machines, 3 cells, 0 all three).
 *
 * Make the training set (no window):
 * {@code mvn -q compile exec:java -Dsketch=Specimens -Dargs="--out data/specimens --count 3000 --size 128 --seed 1"}
 * writes data/specimens/faces/00000.png … and the same for machines and cells. Pictures that are
 * already there are skipped, so an interrupted run carries on where it stopped.
 */
public class Specimens extends PApplet {

  static final String[] DOMAINS = {"faces", "machines", "cells"};
  static final float CANVAS = 256;   // every drawing is made on a 256 x 256 canvas

  int columns = 8;
  int rows = 5;
  int only = -1;                     // -1: all three domains; 0, 1, 2: faces, machines or cells only
  PGraphics[] tiles;
  long[] seeds;
  int[] kinds;
  long nextSeed;

  public void settings() {
    size(1200, 800);
    smooth(8);
  }

  public void setup() {
    surface.setTitle("Mishmash: specimens (space = new seeds, 1 faces, 2 machines, 3 cells, 0 all)");
    int tile = min(width / columns, (height - 30) / rows) - 10;
    tiles = new PGraphics[columns * rows];
    seeds = new long[tiles.length];
    kinds = new int[tiles.length];
    for (int i = 0; i < tiles.length; i++) {
      tiles[i] = createGraphics(tile, tile);
    }
    nextSeed = (long) random(1_000_000);
    newSpecimens();
  }

  public void draw() {
    background(18);
    float w = width / (float) columns;
    float h = (height - 30) / (float) rows;
    textAlign(CENTER, TOP);
    textSize(11);
    for (int i = 0; i < tiles.length; i++) {
      float x = (i % columns) * w + (w - tiles[i].width) / 2;
      float y = (i / columns) * h + 4;
      image(tiles[i], x, y);
      fill(170);
      text(DOMAINS[kinds[i]] + " " + seeds[i], x + tiles[i].width / 2f, y + tiles[i].height + 1);
    }
    fill(120);
    text("space: new seeds    1: faces    2: machines    3: cells    0: all three", width / 2f, height - 22);
  }

  public void keyPressed() {
    if (key >= '1' && key <= '3') {
      only = key - '1';
    } else if (key == '0') {
      only = -1;
    }
    newSpecimens();
  }

  /** Draws a fresh specimen into every tile of the grid. */
  void newSpecimens() {
    for (int i = 0; i < tiles.length; i++) {
      kinds[i] = only >= 0 ? only : i % 3;
      seeds[i] = nextSeed++;
      drawSpecimen(tiles[i], kinds[i], seeds[i]);
    }
  }

  /** Draws one specimen (0 face, 1 machine, 2 cell) filling the whole of {@code g}. */
  void drawSpecimen(PGraphics g, int kind, long seed) {
    g.beginDraw();
    g.push();
    g.scale(g.width / CANVAS, g.height / CANVAS);
    g.noStroke();
    g.strokeCap(ROUND);
    g.strokeJoin(ROUND);
    if (kind == 0) {
      drawFace(g, seed);
    } else if (kind == 1) {
      drawMachine(g, seed);
    } else {
      drawCell(g, seed);
    }
    g.pop();
    g.endDraw();
  }

  // =============================================================================================
  // Faces
  // =============================================================================================

  // Skin tones over the whole human range, from very light to very dark.
  static final int[] SKIN = {0xFFFBE2D0, 0xFFF2CFB6, 0xFFEABB9A, 0xFFE0A987, 0xFFD49A70, 0xFFC68A58,
      0xFFB47A50, 0xFFA0663F, 0xFF8D5530, 0xFF774630, 0xFF603824, 0xFF4C2C1E, 0xFF3A2218};
  static final int[] HAIR = {0xFF15100E, 0xFF2A1E18, 0xFF3F2A1E, 0xFF5E3E28, 0xFF8A6038, 0xFFC49A55,
      0xFFE3C689, 0xFF8E3A1C, 0xFFB8552A};
  static final int[] GREY_HAIR = {0xFF8A8886, 0xFFB5B3AE, 0xFFE2E0DA};
  static final int[] DYED_HAIR = {0xFFC8508C, 0xFF3E6EC0, 0xFF6A4FB0, 0xFF2F9C86, 0xFFE04A3A};
  static final int[] IRIS = {0xFF3A2212, 0xFF5E3A20, 0xFF6A4424, 0xFF7E5A2A, 0xFF52763A, 0xFF4A7DB8,
      0xFF6F8494, 0xFF9A6226, 0xFF2F5F8A};

  // Hair styles and moods.
  static final int BALD = 0, BUZZ = 1, SHORT = 2, SIDE_PART = 3, BANGS = 4, LONG = 5, CURLY = 6, BUN = 7, BEANIE = 8;
  static final int NEUTRAL = 0, SMILE = 1, GRIN = 2, LAUGH = 3, SAD = 4, ANGRY = 5, SURPRISED = 6, SLEEPY = 7;

  /** A face, frontal and centred like a passport photo. */
  void drawFace(PGraphics g, long seed) {
    Random rnd = new Random(seed);

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
  void backdrop(PGraphics g, Random rnd) {
    int base = Color.HSBtoRGB(rnd.nextFloat(), range(rnd, 0.08f, 0.55f), range(rnd, 0.35f, 0.92f));
    verticalGradient(g, 0, 0, 256, 256, lighter(base, 0.15f), darker(base, 0.3f));
    glow(g, 128 + range(rnd, -40, 40), 110, range(rnd, 110, 170), lighter(base, 0.35f), range(rnd, 0.2f, 0.6f));
  }

  /** Shoulders, clothes and the neck. */
  void shoulders(PGraphics g, Random rnd, int skin, float hw, float hh, float light) {
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
  void torso(PGraphics g, float wide, float top, float dx, float hw) {
    g.beginShape();
    g.vertex(dx - wide - 20, 160);
    g.bezierVertex(dx - wide, top + 10, dx - wide * 0.6f, top, dx - hw * 0.55f, top - 4);
    g.vertex(dx + hw * 0.55f, top - 4);
    g.bezierVertex(dx + wide * 0.6f, top, dx + wide, top + 10, dx + wide + 20, 160);
    g.endShape(CLOSE);
  }

  /** Ears sit at eye level on both sides of the head. */
  void ears(PGraphics g, Random rnd, int skin, float hw, float hh, float eyeY, float light) {
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
  void head(PGraphics g, Random rnd, int skin, float hw, float hh, float jaw, float light) {
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
  void headOutline(PGraphics g, float hw, float hh, float jaw, float grow, float dx, float dy) {
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

  /** One open eye: the white, the iris with pupil and glint, the upper lid and its lash line. */
  void eye(PGraphics g, float x, float y, float w, float h, int iris, float lid, float look,
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
  void almond(PGraphics g, float x, float y, float w, float h, float scale) {
    g.beginShape();
    g.vertex(x - w / 2 * scale, y);
    g.bezierVertex(x - w / 4, y - h * scale, x + w / 4, y - h * scale, x + w / 2 * scale, y);
    g.bezierVertex(x + w / 4, y + h * 0.8f * scale, x - w / 4, y + h * 0.8f * scale, x - w / 2 * scale, y);
    g.endShape(CLOSE);
  }

  /** A closed, laughing eye: a curve with the lashes on it. */
  void closedEye(PGraphics g, float x, float y, float w, float h, int lashes) {
    g.noFill();
    g.stroke(lashes);
    g.strokeWeight(2.6f);
    g.bezier(x - w / 2, y + h * 0.2f, x - w / 4, y - h * 0.7f, x + w / 4, y - h * 0.7f, x + w / 2, y + h * 0.2f);
    g.noStroke();
  }

  /** An eyebrow: a thick tapered curve. tilt > 0 raises the inner end (worried), < 0 lowers it (angry). */
  void brow(PGraphics g, int side, float x, float y, float w, float thick, float tilt, float arch, int colour) {
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
  void nose(PGraphics g, Random rnd, int skin, float top, float tip, float w, float light) {
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
  void blush(PGraphics g, int skin, float eyeX, float noseY, float hw) {
    for (int i = 0; i < 3; i++) {
      g.fill(mix(skin, 0xFFE04060, 0.5f), 22);
      g.ellipse(-eyeX - 3, noseY - 2, hw * (0.5f - i * 0.12f), hw * (0.32f - i * 0.07f));
      g.ellipse(eyeX + 3, noseY - 2, hw * (0.5f - i * 0.12f), hw * (0.32f - i * 0.07f));
    }
  }

  /**
   * A mouth. curve > 0 turns the corners up (a smile), < 0 down (a frown); open > 0 parts the lips
   * to show teeth and the dark inside.
   */
  void mouth(PGraphics g, float y, float w, float curve, float open, int lips, int skin) {
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
  void lipGap(PGraphics g, float l, float r, float corner, float sag, float a, float b) {
    float w = r - l;
    g.beginShape();
    g.vertex(l, corner);
    g.bezierVertex(l + w * 0.2f, sag + a, r - w * 0.2f, sag + a, r, corner);
    g.bezierVertex(r - w * 0.2f, sag + b, l + w * 0.2f, sag + b, l, corner);
    g.endShape(CLOSE);
  }

  /** An "oh!": a round open mouth. */
  void surprisedMouth(PGraphics g, float y, float w, float open, int lips) {
    g.fill(lips);
    g.ellipse(0, y + 4, w * 1.3f, w * (1.1f + open));
    g.fill(0xFF3A1216);
    g.ellipse(0, y + 4, w * 0.8f, w * (0.6f + open));
  }

  /** Lines of age: forehead, crow's feet, and the folds from nose to mouth. */
  void wrinkles(PGraphics g, int skin, float hw, float hh, float eyeY, float eyeX, float eyeW,
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

  void freckles(PGraphics g, Random rnd, int skin, float eyeX, float eyeY, float noseY) {
    g.fill(darker(skin, 0.35f), 120);
    for (int i = 0; i < 40; i++) {
      float side = chance(rnd, 0.5f) ? -1 : 1;
      float x = side * range(rnd, 6, eyeX + 10);
      float y = range(rnd, eyeY + 8, noseY + 4);
      float d = range(rnd, 1.2f, 2.4f);
      g.ellipse(x, y, d, d);
    }
  }

  /** A beard and moustache, or only a moustache, or stubble. */
  void beard(PGraphics g, Random rnd, int hair, float hw, float hh, float jaw, float noseY, float mouthY, float mouthW) {
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

  /** Long hair, behind the head and shoulders. */
  void longHairBack(PGraphics g, Random rnd, int hair, float hw, float hh) {
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
  void curlsBack(PGraphics g, Random rnd, int hair, float hw, float hh) {
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

  /** The hair on top of the head, styled. */
  void hairFront(PGraphics g, Random rnd, int style, int hair, float hw, float hh, float eyeY, float light) {
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
  void hairCap(PGraphics g, Random rnd, int hair, float alpha, float hw, float hh, float volume,
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
  void beanie(PGraphics g, Random rnd, float hw, float hh) {
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
  void glasses(PGraphics g, Random rnd, float eyeX, float eyeY, float eyeW, float eyeH, float hw) {
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

  // =============================================================================================
  // Machines
  // =============================================================================================

  // Metals and paints.
  static final int STEEL = 0xFF9AA3AD, DARK_STEEL = 0xFF5A616A, CHROME = 0xFFCDD3DA, BRASS = 0xFFC9A047,
      COPPER = 0xFFC2703E, BRONZE = 0xFF9C6B3A;
  static final int[] METALS = {STEEL, DARK_STEEL, CHROME, BRASS, COPPER, BRONZE};
  static final int[] PAINTS = {0xFFB8322A, 0xFFE3AE26, 0xFFD9661F, 0xFF3E7A4A, 0xFF2E5C9A, 0xFF2A2B2E,
      0xFFD8D2C0, 0xFF5E7F86};

  /** A machine: a gear train, an engine, a circuit board, a control panel or a robot arm. */
  void drawMachine(PGraphics g, long seed) {
    Random rnd = new Random(seed);
    switch (rnd.nextInt(5)) {
      case 0 -> gearTrain(g, rnd);
      case 1 -> engine(g, rnd);
      case 2 -> circuitBoard(g, rnd);
      case 3 -> controlPanel(g, rnd);
      default -> robotArm(g, rnd);
    }
    vignette(g, range(rnd, 0.3f, 0.8f));
  }

  /** The wall behind a machine: dark workshop, brushed steel, a perforated plate, or paint. */
  void machineBackdrop(PGraphics g, Random rnd) {
    int kind = rnd.nextInt(4);
    if (kind == 0) {
      int tint = pick(rnd, 0xFF1C1E22, 0xFF221C18, 0xFF161C24, 0xFF1E2220);
      verticalGradient(g, 0, 0, 256, 256, lighter(tint, 0.12f), darker(tint, 0.3f));
      glow(g, range(rnd, 60, 200), range(rnd, 40, 120), 170, lighter(tint, 0.25f), 0.5f);
    } else if (kind == 1) {
      brushedMetal(g, rnd, pick(rnd, STEEL, DARK_STEEL, 0xFF7A8088), 0, 0, 256, 256);
    } else if (kind == 2) {
      int plate = pick(rnd, 0xFF3A3E44, 0xFF2E3236, 0xFF44403A);
      g.background(plate);
      float step = range(rnd, 12, 18);
      for (float y = step / 2; y < 256; y += step) {
        for (float x = step / 2; x < 256; x += step) {
          g.fill(lighter(plate, 0.15f));
          g.ellipse(x + 0.6f, y + 0.6f, step * 0.5f, step * 0.5f);
          g.fill(0xFF0C0C0E);
          g.ellipse(x, y, step * 0.45f, step * 0.45f);
        }
      }
    } else {
      int paint = darker(PAINTS[rnd.nextInt(PAINTS.length)], range(rnd, 0.2f, 0.55f));
      verticalGradient(g, 0, 0, 256, 256, lighter(paint, 0.1f), darker(paint, 0.25f));
      g.stroke(darker(paint, 0.45f));
      g.strokeWeight(2);
      g.line(0, range(rnd, 30, 226), 256, range(rnd, 30, 226));
      g.noStroke();
    }
  }

  /** A steel plate brushed in one direction: many faint light and dark lines. */
  void brushedMetal(PGraphics g, Random rnd, int metal, float x, float y, float w, float h) {
    verticalGradient(g, x, y, w, h, lighter(metal, 0.15f), darker(metal, 0.2f));
    g.strokeWeight(1);
    for (int i = 0; i < 90; i++) {
      float ly = y + rnd.nextFloat() * h;
      g.stroke(rnd.nextBoolean() ? 0xFFFFFFFF : 0xFF000000, range(rnd, 8, 28));
      g.line(x, ly, x + w, ly + range(rnd, -2, 2));
    }
    // a broad diagonal sheen
    g.noStroke();
    for (int i = 0; i < 6; i++) {
      g.fill(255, 10);
      float o = i * 14;
      g.quad(x + w * 0.2f + o, y, x + w * 0.55f - o * 0.3f, y, x + w * 0.2f - o * 0.3f, y + h, x - w * 0.15f + o, y + h);
    }
    for (float[] c : new float[][] {{x + 12, y + 12}, {x + w - 12, y + 12}, {x + 12, y + h - 12}, {x + w - 12, y + h - 12}}) {
      bolt(g, rnd, c[0], c[1], 7, CHROME);
    }
  }

  // ---- gear trains ----

  /** One gear: where it is, how many teeth, how it is turned. */
  static final class Gear {
    float x, y, angle;
    int teeth;
    int metal;
    int style;

    Gear(float x, float y, int teeth, float angle, int metal, int style) {
      this.x = x;
      this.y = y;
      this.teeth = teeth;
      this.angle = angle;
      this.metal = metal;
      this.style = style;
    }
  }

  /** Gears that really mesh: each new gear touches one already placed, its teeth in the other's gaps. */
  void gearTrain(PGraphics g, Random rnd) {
    boolean watch = chance(rnd, 0.3f);              // a watch movement: small gears, ruby jewels, a balance
    if (watch) {
      watchPlate(g, rnd);
    } else {
      machineBackdrop(g, rnd);
    }
    float module = watch ? range(rnd, 2.4f, 3.6f) : range(rnd, 4.5f, 7.5f);   // tooth size; gears mesh when they share it
    float lamp = range(rnd, -2.5f, -0.6f);           // the angle the light comes from
    List<Gear> gears = new ArrayList<>();
    int metal = watch ? pick(rnd, BRASS, BRASS, CHROME, COPPER) : METALS[rnd.nextInt(METALS.length)];
    gears.add(new Gear(range(rnd, 70, 186), range(rnd, 70, 186), 12 + rnd.nextInt(watch ? 50 : 26), rnd.nextFloat() * TWO_PI, metal,
        watch ? 1 : rnd.nextInt(3)));
    int wanted = watch ? 5 + rnd.nextInt(5) : 3 + rnd.nextInt(5);
    for (int tries = 0; tries < 300 && gears.size() < wanted; tries++) {
      Gear parent = gears.get(rnd.nextInt(gears.size()));
      int teeth = watch ? 10 + rnd.nextInt(50) : 8 + rnd.nextInt(32);
      float theta = rnd.nextFloat() * TWO_PI;
      float distance = module * (parent.teeth + teeth) / 2;
      float x = parent.x + cos(theta) * distance;
      float y = parent.y + sin(theta) * distance;
      if (x < -10 || x > 266 || y < -10 || y > 266) {
        continue;
      }
      boolean free = true;
      for (Gear other : gears) {
        if (other != parent && dist(x, y, other.x, other.y) < module * (other.teeth + teeth) / 2 + 2.5f * module + 4) {
          free = false;
        }
      }
      if (!free) {
        continue;
      }
      // turn the new gear so that its teeth fall into the gaps of its parent
      float angle = theta + PI + PI / teeth - (parent.angle - theta) * parent.teeth / teeth;
      int m = chance(rnd, 0.6f) || watch ? parent.metal : METALS[rnd.nextInt(METALS.length)];
      gears.add(new Gear(x, y, teeth, angle, m, watch ? 1 : rnd.nextInt(3)));
    }
    for (Gear gear : gears) {
      gearShadow(g, gear, module);
    }
    for (Gear gear : gears) {
      gear(g, rnd, gear, module, lamp);
      if (watch) {
        jewel(g, gear.x, gear.y, 8);
      }
    }
    if (watch) {
      balanceWheel(g, rnd, range(rnd, 50, 206), range(rnd, 50, 206), range(rnd, 26, 40));
      for (int i = 0; i < 3; i++) {
        bolt(g, rnd, range(rnd, 15, 241), range(rnd, 15, 241), 6, 0xFF3A4EA0);   // blued screws
      }
      return;
    }
    // sometimes a smaller gear sits on the same axle as a big one
    Gear big = gears.get(0);
    if (big.teeth > 24 && chance(rnd, 0.5f)) {
      Gear small = new Gear(big.x, big.y, big.teeth / 3 + 4, rnd.nextFloat(), METALS[rnd.nextInt(METALS.length)], 2);
      gearShadow(g, small, module * 0.8f);
      gear(g, rnd, small, module * 0.8f, lamp);
    }
    if (chance(rnd, 0.3f)) {
      gauge(g, rnd, range(rnd, 40, 216), range(rnd, 40, 216), range(rnd, 28, 40));
    }
    if (chance(rnd, 0.4f)) {
      cable(g, rnd, range(rnd, -10, 60), 270, range(rnd, 196, 266), -10, pick(rnd, 0xFF1A1A1A, 0xFFB8322A, 0xFFE3AE26, 0xFF2E5C9A));
    }
  }

  /** The plate of a watch movement, decorated with overlapping polished circles (perlage). */
  void watchPlate(PGraphics g, Random rnd) {
    int plate = pick(rnd, 0xFFB8A070, 0xFFC8CCD0, 0xFFA89060, 0xFF9AA0A8);
    verticalGradient(g, 0, 0, 256, 256, lighter(plate, 0.15f), darker(plate, 0.25f));
    float step = range(rnd, 10, 14);
    g.stroke(lighter(plate, 0.4f), 70);
    g.strokeWeight(1);
    for (float y = 0; y < 266; y += step) {
      for (float x = 0; x < 266; x += step) {
        g.fill(darker(plate, 0.2f), 30);
        g.ellipse(x, y, step * 1.5f, step * 1.5f);
      }
    }
    g.noStroke();
  }

  /** A ruby bearing in a watch, with a glint. */
  void jewel(PGraphics g, float x, float y, float d) {
    g.fill(lighter(BRASS, 0.3f));
    g.ellipse(x, y, d * 1.6f, d * 1.6f);
    g.fill(0xFF9A0C28);
    g.ellipse(x, y, d, d);
    g.fill(0xFFFF7090);
    g.ellipse(x - d * 0.18f, y - d * 0.18f, d * 0.35f, d * 0.35f);
  }

  /** The balance wheel of a watch: a ring on spokes, with the spiral hairspring in the middle. */
  void balanceWheel(PGraphics g, Random rnd, float x, float y, float r) {
    g.noFill();
    g.stroke(0, 90);
    g.strokeWeight(r * 0.2f);
    g.ellipse(x + 4, y + 5, r * 2, r * 2);
    g.stroke(darker(BRASS, 0.45f));
    g.strokeWeight(r * 0.2f + 2);
    g.ellipse(x, y, r * 2, r * 2);
    g.stroke(BRASS);
    g.strokeWeight(r * 0.2f);
    g.ellipse(x, y, r * 2, r * 2);
    g.stroke(lighter(BRASS, 0.5f), 150);
    g.strokeWeight(1.5f);
    g.arc(x, y, r * 2, r * 2, PI, PI * 1.6f);
    float turn = rnd.nextFloat() * TWO_PI;
    g.stroke(BRASS);
    g.strokeWeight(r * 0.1f);
    for (int i = 0; i < 3; i++) {
      float a = turn + TWO_PI * i / 3;
      g.line(x, y, x + cos(a) * r, y + sin(a) * r);
    }
    // the hairspring: a spiral whose radius grows with the angle
    g.stroke(0xFF2A3040);
    g.strokeWeight(1);
    g.beginShape();
    for (float a = 0; a < TWO_PI * 5; a += 0.2f) {
      float d = 3 + a * r * 0.6f / (TWO_PI * 5);
      g.vertex(x + cos(a + turn) * d, y + sin(a + turn) * d);
    }
    g.endShape();
    g.noStroke();
    jewel(g, x, y, 7);
  }

  void gearShadow(PGraphics g, Gear gear, float module) {
    g.fill(0, 100);
    gearOutline(g, gear.x + 5, gear.y + 6, gear.teeth, module, gear.angle);
  }

  /** The outline of a gear: teeth all around, each a trapezoid standing on the root circle. */
  void gearOutline(PGraphics g, float x, float y, int teeth, float module, float angle) {
    float pitch = teeth * module / 2;     // the pitch circle, where meshing teeth touch
    float tip = pitch + module;
    float root = pitch - 1.25f * module;
    float step = TWO_PI / teeth;
    g.beginShape();
    for (int i = 0; i < teeth; i++) {
      float a = angle + i * step;
      g.vertex(x + cos(a - 0.32f * step) * root, y + sin(a - 0.32f * step) * root);
      g.vertex(x + cos(a - 0.17f * step) * tip, y + sin(a - 0.17f * step) * tip);
      g.vertex(x + cos(a + 0.17f * step) * tip, y + sin(a + 0.17f * step) * tip);
      g.vertex(x + cos(a + 0.32f * step) * root, y + sin(a + 0.32f * step) * root);
    }
    g.endShape(CLOSE);
  }

  /** A gear with teeth, a shaded face, holes or spokes, and a hub. */
  void gear(PGraphics g, Random rnd, Gear gear, float module, float lamp) {
    float pitch = gear.teeth * module / 2;
    float body = pitch - 1.15f * module;
    int metal = gear.metal;
    g.fill(metal);
    g.stroke(darker(metal, 0.55f));
    g.strokeWeight(1);
    gearOutline(g, gear.x, gear.y, gear.teeth, module, gear.angle);
    g.noStroke();
    metalDisc(g, gear.x, gear.y, body * 2, metal, lamp);
    if (body > 22) {
      if (gear.style == 0) {
        // lightening holes
        int holes = 4 + rnd.nextInt(3);
        for (int i = 0; i < holes; i++) {
          float a = gear.angle + TWO_PI * i / holes;
          float hx = gear.x + cos(a) * body * 0.55f;
          float hy = gear.y + sin(a) * body * 0.55f;
          g.fill(darker(metal, 0.5f));
          g.ellipse(hx, hy, body * 0.42f, body * 0.42f);
          g.fill(0xFF101010);
          g.ellipse(hx + 1, hy + 1, body * 0.36f, body * 0.36f);
        }
      } else if (gear.style == 1) {
        // spokes: a dark ring with bars across it
        g.fill(0xFF101010);
        g.ellipse(gear.x, gear.y, body * 1.6f, body * 1.6f);
        int spokes = 4 + rnd.nextInt(3);
        g.stroke(metal);
        g.strokeCap(SQUARE);
        g.strokeWeight(body * 0.16f);
        for (int i = 0; i < spokes; i++) {
          float a = gear.angle + TWO_PI * i / spokes;
          g.line(gear.x, gear.y, gear.x + cos(a) * body * 0.82f, gear.y + sin(a) * body * 0.82f);
        }
        g.strokeCap(ROUND);
        g.noStroke();
      } else {
        // a machined groove
        g.noFill();
        g.stroke(darker(metal, 0.45f), 160);
        g.strokeWeight(2);
        g.ellipse(gear.x, gear.y, body * 1.5f, body * 1.5f);
        g.noStroke();
      }
    }
    // the hub and the hole for the axle, with its keyway
    float hub = max(9, body * 0.55f);
    metalDisc(g, gear.x, gear.y, hub, lighter(metal, 0.1f), lamp + PI / 4);
    g.fill(0xFF0E0E0E);
    g.ellipse(gear.x, gear.y, hub * 0.45f, hub * 0.45f);
    g.push();
    g.translate(gear.x, gear.y);
    g.rotate(gear.angle);
    g.rect(-hub * 0.06f, -hub * 0.3f, hub * 0.12f, hub * 0.12f);
    g.pop();
    // a bright edge on the side facing the lamp
    g.noFill();
    g.stroke(255, 90);
    g.strokeWeight(1.5f);
    g.arc(gear.x, gear.y, body * 2 - 2, body * 2 - 2, lamp - 0.9f, lamp + 0.9f);
    g.noStroke();
  }

  /**
   * A disc of machined metal. Turned metal shines in a cross: a conic gradient of pie slices,
   * brightest where the slice faces the lamp and directly opposite it.
   */
  void metalDisc(PGraphics g, float x, float y, float d, int metal, float lamp) {
    int n = 28;
    for (int i = 0; i < n; i++) {
      float a0 = TWO_PI * i / n;
      float a1 = TWO_PI * (i + 1) / n + 0.03f;
      float shine = 0.5f + 0.5f * cos(2 * ((a0 + a1) / 2 - lamp));
      g.fill(mix(darker(metal, 0.35f), lighter(metal, 0.4f), shine));
      g.arc(x, y, d, d, a0, a1, PIE);
    }
    g.noFill();
    g.stroke(darker(metal, 0.5f), 200);
    g.strokeWeight(1);
    g.ellipse(x, y, d, d);
    g.noStroke();
  }

  /** A hex bolt head seen from above, with its shadow and a cross slot. */
  void bolt(PGraphics g, Random rnd, float x, float y, float r, int metal) {
    g.fill(0, 90);
    g.ellipse(x + 1.5f, y + 2, r * 2.1f, r * 2.1f);
    g.push();
    g.translate(x, y);
    g.rotate(rnd.nextFloat() * PI);
    g.fill(darker(metal, 0.2f));
    g.stroke(darker(metal, 0.6f));
    g.strokeWeight(0.8f);
    g.beginShape();
    for (int i = 0; i < 6; i++) {
      g.vertex(cos(i * TWO_PI / 6) * r, sin(i * TWO_PI / 6) * r);
    }
    g.endShape(CLOSE);
    g.noStroke();
    g.fill(lighter(metal, 0.25f));
    g.ellipse(-r * 0.12f, -r * 0.12f, r * 1.3f, r * 1.3f);
    g.stroke(darker(metal, 0.65f));
    g.strokeWeight(max(1, r * 0.22f));
    g.line(-r * 0.45f, 0, r * 0.45f, 0);
    if (rnd.nextBoolean()) {
      g.line(0, -r * 0.45f, 0, r * 0.45f);
    }
    g.noStroke();
    g.pop();
  }

  /**
   * A round metal part seen from the side: vertical bands from dark to a bright streak and back,
   * drawn in local coordinates (the part stands along the y axis, x from -w/2 to w/2).
   */
  void cylinder(PGraphics g, float w, float y0, float y1, int metal) {
    int bands = 14;
    for (int i = 0; i < bands; i++) {
      float t = (i + 0.5f) / bands;
      // brightest a third of the way across, dark at both edges
      float shine = max(0, 1 - abs(t - 0.33f) * 2.6f);
      float edge = sin(t * PI);
      g.fill(mix(darker(metal, 0.6f), lighter(metal, 0.55f), 0.15f + 0.5f * edge * edge + 0.45f * shine));
      g.rect(-w / 2 + w * i / bands, min(y0, y1), w / bands + 0.6f, abs(y1 - y0));
    }
  }

  /** A dial gauge: bezel, face, ticks, a coloured danger zone, a needle and a glint on the glass. */
  void gauge(PGraphics g, Random rnd, float x, float y, float r) {
    g.fill(0, 110);
    g.ellipse(x + 3, y + 4, r * 2.2f, r * 2.2f);
    metalDisc(g, x, y, r * 2.2f, pick(rnd, CHROME, BRASS, DARK_STEEL), -2.2f);
    boolean dark = chance(rnd, 0.4f);
    int face = dark ? 0xFF17181A : pick(rnd, 0xFFF2EEE2, 0xFFFFFFFF, 0xFFE8DDBE);
    int ink = dark ? 0xFFEDEDED : 0xFF1A1A1A;
    g.fill(face);
    g.ellipse(x, y, r * 1.8f, r * 1.8f);
    float from = PI * 0.75f;
    float to = PI * 2.25f;
    // red zone at the top of the scale
    g.noFill();
    g.strokeCap(SQUARE);
    g.stroke(0xFFD02820);
    g.strokeWeight(r * 0.12f);
    g.arc(x, y, r * 1.45f, r * 1.45f, lerp(from, to, 0.78f), to);
    if (chance(rnd, 0.6f)) {
      g.stroke(0xFF2FA040);
      g.arc(x, y, r * 1.45f, r * 1.45f, lerp(from, to, 0.3f), lerp(from, to, 0.6f));
    }
    g.stroke(ink);
    for (int i = 0; i <= 20; i++) {
      float a = lerp(from, to, i / 20f);
      float inner = i % 5 == 0 ? 0.62f : 0.72f;
      g.strokeWeight(i % 5 == 0 ? max(1.2f, r * 0.05f) : max(0.8f, r * 0.025f));
      g.line(x + cos(a) * r * inner, y + sin(a) * r * inner, x + cos(a) * r * 0.82f, y + sin(a) * r * 0.82f);
    }
    g.strokeCap(ROUND);
    float value = lerp(from, to, range(rnd, 0.1f, 0.95f));
    g.stroke(0xFFC81E1E);
    g.strokeWeight(max(1.5f, r * 0.07f));
    g.line(x - cos(value) * r * 0.15f, y - sin(value) * r * 0.15f, x + cos(value) * r * 0.75f, y + sin(value) * r * 0.75f);
    g.noStroke();
    g.fill(0xFF202020);
    g.ellipse(x, y, r * 0.22f, r * 0.22f);
    g.fill(255, 60);
    g.arc(x, y, r * 1.7f, r * 1.7f, PI * 1.05f, PI * 1.6f, CHORD);
  }

  /** A cable: a thick bezier curve with a dark edge and a highlight. */
  void cable(PGraphics g, Random rnd, float x0, float y0, float x1, float y1, int colour) {
    float cx0 = x0 + range(rnd, -80, 80);
    float cy0 = y0 + range(rnd, -120, 0);
    float cx1 = x1 + range(rnd, -80, 80);
    float cy1 = y1 + range(rnd, 0, 120);
    float w = range(rnd, 5, 10);
    g.noFill();
    g.stroke(darker(colour, 0.6f));
    g.strokeWeight(w + 2);
    g.bezier(x0, y0, cx0, cy0, cx1, cy1, x1, y1);
    g.stroke(colour);
    g.strokeWeight(w);
    g.bezier(x0, y0, cx0, cy0, cx1, cy1, x1, y1);
    g.stroke(lighter(colour, 0.5f), 140);
    g.strokeWeight(w * 0.25f);
    g.bezier(x0 - w * 0.2f, y0 - w * 0.2f, cx0 - w * 0.2f, cy0 - w * 0.2f, cx1 - w * 0.2f, cy1 - w * 0.2f, x1 - w * 0.2f, y1 - w * 0.2f);
    g.noStroke();
  }

  // ---- engines ----

  /** A cut-away engine: flywheel, crank, connecting rods and pistons in finned cylinders. */
  void engine(PGraphics g, Random rnd) {
    machineBackdrop(g, rnd);
    float cx = 128 + range(rnd, -15, 15);
    float cy = range(rnd, 175, 200);
    float crank = range(rnd, 16, 24);               // crank throw: half the stroke
    float rod = range(rnd, 62, 78);                 // length of the connecting rod
    float spin = rnd.nextFloat() * TWO_PI;          // where the crank is in its turn
    int cylinders = chance(rnd, 0.45f) ? 2 : 1;
    float bore = cylinders == 1 ? range(rnd, 48, 64) : range(rnd, 38, 46);
    int block = chance(rnd, 0.5f) ? pick(rnd, DARK_STEEL, 0xFF6E7278, BRONZE) : PAINTS[rnd.nextInt(PAINTS.length)];
    int metal = pick(rnd, STEEL, CHROME, BRASS);

    // the whole engine is turned and scaled a little, so no two sit alike
    g.push();
    g.translate(128, 150);
    g.rotate(range(rnd, -0.35f, 0.35f));
    g.scale(range(rnd, 0.85f, 1.15f));
    g.translate(-128, -150);
    // the flywheel behind everything
    float fly = range(rnd, 70, 95);
    Gear wheel = new Gear(cx, cy, (int) (fly / 2.5f), spin, pick(rnd, DARK_STEEL, STEEL, BRASS), 1);
    gearShadow(g, wheel, 5);
    gear(g, rnd, wheel, 5, -2.2f);

    float[] axes = cylinders == 1 ? new float[] {range(rnd, -0.12f, 0.12f)} : new float[] {-range(rnd, 0.45f, 0.7f), range(rnd, 0.45f, 0.7f)};
    float pinX = cx + cos(spin) * crank;
    float pinY = cy + sin(spin) * crank;
    for (float axis : axes) {
      // along the cylinder's axis: u points up the cylinder, v across it
      float ux = sin(axis);
      float uy = -cos(axis);
      float along = (pinX - cx) * ux + (pinY - cy) * uy;
      float across = (pinX - cx) * uy - (pinY - cy) * ux;
      float piston = along + sqrt(rod * rod - across * across);   // wrist pin distance from the crank
      float top = crank + rod + bore * 0.75f + 6;                    // the cylinder head
      g.push();
      g.translate(cx, cy);
      g.rotate(axis);
      // cylinder block with cooling fins
      g.fill(0, 90);
      g.rect(-bore / 2 - 14 + 5, -top - 18 + 6, bore + 28, top - rod + crank + 10);
      for (float y = -top; y < -rod + crank * 0.5f; y += 7) {
        g.fill(darker(block, 0.35f));
        g.rect(-bore / 2 - 14, y, bore + 28, 4.5f, 2);
        g.fill(lighter(block, 0.12f));
        g.rect(-bore / 2 - 14, y, bore + 28, 1.5f);
      }
      cylinder(g, bore + 10, -top, -rod + crank, block);
      // the bore, cut open so we see the piston
      g.fill(0xFF121214);
      g.rect(-bore / 2, -top + 4, bore, top - rod + crank - 4);
      // cylinder head and spark plug
      cylinder(g, bore + 22, -top - 18, -top, block);
      g.fill(0xFFEDEAE0);
      g.rect(-4, -top - 34, 8, 14, 2);
      g.fill(CHROME);
      g.rect(-2, -top - 40, 4, 7);
      // the piston with its rings
      float pistonH = bore * 0.7f;
      g.push();
      g.translate(0, -piston);
      cylinder(g, bore - 2, -pistonH * 0.35f, pistonH * 0.65f, metal);
      g.fill(0, 140);
      for (int i = 0; i < 3; i++) {
        g.rect(-bore / 2 + 1, -pistonH * 0.28f + i * 4, bore - 4, 1.5f);
      }
      g.pop();
      g.pop();
      // connecting rod from the crank pin up to the wrist pin
      float wx = cx + ux * piston;
      float wy = cy + uy * piston;
      g.stroke(darker(metal, 0.6f));
      g.strokeWeight(bore * 0.22f + 2);
      g.line(pinX, pinY, wx, wy);
      g.stroke(metal);
      g.strokeWeight(bore * 0.22f);
      g.line(pinX, pinY, wx, wy);
      g.stroke(lighter(metal, 0.5f), 150);
      g.strokeWeight(2);
      g.line(pinX - 2, pinY - 1, wx - 2, wy - 1);
      g.noStroke();
      metalDisc(g, wx, wy, bore * 0.3f, CHROME, -2);
    }
    // the crank pin and the crankshaft in the middle of the flywheel
    metalDisc(g, pinX, pinY, 20, CHROME, -2.2f);
    bolt(g, rnd, cx, cy, 8, CHROME);
    if (chance(rnd, 0.6f)) {
      // exhaust pipe
      float side = chance(rnd, 0.5f) ? -1 : 1;
      float ex = 128 + side * 30;
      g.noFill();
      g.stroke(darker(COPPER, 0.5f));
      g.strokeWeight(13);
      g.bezier(ex, 30, ex + side * 40, 10, 128 + side * 120, 40, 128 + side * 140, 120);
      g.stroke(COPPER);
      g.strokeWeight(10);
      g.bezier(ex, 30, ex + side * 40, 10, 128 + side * 120, 40, 128 + side * 140, 120);
      g.stroke(lighter(COPPER, 0.5f), 160);
      g.strokeWeight(2.5f);
      g.bezier(ex, 27, ex + side * 40, 7, 128 + side * 117, 37, 128 + side * 137, 117);
      g.noStroke();
    }
    g.pop();
  }

  // ---- circuit boards ----

  /** A circuit board: copper traces with pads, chips with legs, capacitors, resistors, an LED. */
  void circuitBoard(PGraphics g, Random rnd) {
    int board = pick(rnd, 0xFF1D5A36, 0xFF14402A, 0xFF1E3E78, 0xFF16181C, 0xFF7A1E22, 0xFF3A2260);
    verticalGradient(g, 0, 0, 256, 256, lighter(board, 0.1f), darker(board, 0.25f));
    int copper = chance(rnd, 0.5f) ? 0xFFD8B060 : lighter(board, 0.3f);
    float grid = 8;
    // traces: lines that only turn by 45 degrees, with a pad at each end
    g.noFill();
    int traces = 30 + rnd.nextInt(30);
    for (int i = 0; i < traces; i++) {
      float x = grid * rnd.nextInt(33);
      float y = grid * rnd.nextInt(33);
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
    int chips = 1 + rnd.nextInt(3);
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
    int caps = 2 + rnd.nextInt(6);
    for (int i = 0; i < caps; i++) {
      float d = range(rnd, 14, 26);
      float[] spot = place(rnd, taken, d + 4, d + 4);
      if (spot != null) {
        capacitor(g, rnd, spot[0] + d / 2 + 2, spot[1] + d / 2 + 2, d);
      }
    }
    int resistors = 3 + rnd.nextInt(8);
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
    for (float[] c : new float[][] {{10, 10}, {246, 10}, {10, 246}, {246, 246}}) {
      g.fill(0xFFD8C080);
      g.ellipse(c[0], c[1], 14, 14);
      g.fill(0xFF0C0C0C);
      g.ellipse(c[0], c[1], 8, 8);
    }
  }

  /** Finds a free rectangle of size w × h on the board (or null), and marks it as taken. */
  float[] place(Random rnd, List<float[]> taken, float w, float h) {
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
  void chip(PGraphics g, Random rnd, float x, float y, float w, float h) {
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
  void fan(PGraphics g, Random rnd, float x, float y, float r) {
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
  void heatSink(PGraphics g, Random rnd, float x, float y, float w, float h) {
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
  void capacitor(PGraphics g, Random rnd, float x, float y, float d) {
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
  void resistor(PGraphics g, Random rnd, float x, float y, boolean upright) {
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

  // ---- control panels ----

  /** A control panel: painted steel with gauges, knobs, switches, lamps, a screen and vents. */
  void controlPanel(PGraphics g, Random rnd) {
    int paint = pick(rnd, 0xFF5E7F86, 0xFF8A8F80, 0xFFD8D2C0, 0xFF3A4A3E, 0xFF2E3A4E, 0xFFB8A060, 0xFF6A6E74);
    verticalGradient(g, 0, 0, 256, 256, lighter(paint, 0.12f), darker(paint, 0.25f));
    // the panel is split into rows, each row into a few bays, each bay holds one kind of control
    int rowCount = 2 + rnd.nextInt(2);
    float y = 0;
    for (int r = 0; r < rowCount; r++) {
      float h = r == rowCount - 1 ? 256 - y : 256 / (float) rowCount * range(rnd, 0.8f, 1.2f);
      int bays = 1 + rnd.nextInt(3);
      for (int b = 0; b < bays; b++) {
        float x = 256f * b / bays;
        float w = 256f / bays;
        bay(g, rnd, x, y, w, h, paint);
      }
      g.stroke(darker(paint, 0.5f));
      g.strokeWeight(2);
      g.line(0, y + h, 256, y + h);
      g.stroke(lighter(paint, 0.3f));
      g.strokeWeight(1);
      g.line(0, y + h + 2, 256, y + h + 2);
      g.noStroke();
      y += h;
    }
    for (float[] c : new float[][] {{8, 8}, {248, 8}, {8, 248}, {248, 248}}) {
      bolt(g, rnd, c[0], c[1], 5, CHROME);
    }
    if (chance(rnd, 0.3f)) {
      // hazard stripes along the bottom
      g.fill(0xFFE3B020);
      g.rect(0, 236, 256, 20);
      g.fill(0xFF151515);
      for (float x = -20; x < 270; x += 20) {
        g.quad(x, 256, x + 10, 256, x + 20, 236, x + 10, 236);
      }
    }
  }

  /** One bay of a control panel. */
  void bay(PGraphics g, Random rnd, float x, float y, float w, float h, int paint) {
    float cx = x + w / 2;
    float cy = y + h / 2;
    float s = min(w, h);
    switch (rnd.nextInt(6)) {
      case 0, 1 -> gauge(g, rnd, cx, cy, s * range(rnd, 0.3f, 0.4f));
      case 2 -> {
        // knobs with pointer lines and knurled edges
        int n = max(1, (int) (w / 50));
        for (int i = 0; i < n; i++) {
          float kx = x + w * (i + 0.5f) / n;
          float r = min(w / n, h) * 0.3f;
          knob(g, rnd, kx, cy, r);
        }
      }
      case 3 -> {
        // toggle switches over a row of lamps
        int n = max(2, (int) (w / 26));
        for (int i = 0; i < n; i++) {
          float sx = x + w * (i + 0.5f) / n;
          toggle(g, rnd, sx, cy - h * 0.12f, min(12, w / n * 0.35f));
          lamp(g, rnd, sx, cy + h * 0.28f, min(9, w / n * 0.3f));
        }
      }
      case 4 -> {
        // an oscilloscope screen with a glowing trace
        float sw = w * 0.8f;
        float sh = h * 0.7f;
        g.fill(darker(paint, 0.6f));
        g.rect(cx - sw / 2 - 5, cy - sh / 2 - 5, sw + 10, sh + 10, 6);
        g.fill(0xFF06140C);
        g.rect(cx - sw / 2, cy - sh / 2, sw, sh, 4);
        int glow = pick(rnd, 0xFF40FF80, 0xFFFFB030, 0xFF40C0FF);
        g.stroke(glow, 40);
        g.strokeWeight(1);
        for (int i = 1; i < 4; i++) {
          g.line(cx - sw / 2, cy - sh / 2 + sh * i / 4, cx + sw / 2, cy - sh / 2 + sh * i / 4);
          g.line(cx - sw / 2 + sw * i / 4, cy - sh / 2, cx - sw / 2 + sw * i / 4, cy + sh / 2);
        }
        float freq = range(rnd, 1, 4);
        float amp = sh * range(rnd, 0.15f, 0.35f);
        g.noFill();
        for (int pass = 0; pass < 2; pass++) {
          g.stroke(glow, pass == 0 ? 70 : 255);
          g.strokeWeight(pass == 0 ? 5 : 1.6f);
          g.beginShape();
          for (float t = 0; t <= 1.001f; t += 0.02f) {
            g.vertex(cx - sw / 2 + sw * t, cy + sin(t * TWO_PI * freq) * amp);
          }
          g.endShape();
        }
        g.noStroke();
      }
      default -> {
        // ventilation slots
        int n = max(3, (int) (h / 14));
        for (int i = 0; i < n; i++) {
          float vy = y + h * (i + 0.7f) / (n + 0.4f);
          g.fill(lighter(paint, 0.3f));
          g.rect(x + w * 0.15f, vy + 1, w * 0.7f, 5, 3);
          g.fill(0xFF0C0C0C);
          g.rect(x + w * 0.15f, vy, w * 0.7f, 5, 3);
        }
      }
    }
  }

  /** A round knob with a knurled rim and a pointer. */
  void knob(PGraphics g, Random rnd, float x, float y, float r) {
    g.fill(0, 100);
    g.ellipse(x + 3, y + 4, r * 2.1f, r * 2.1f);
    int body = pick(rnd, 0xFF1A1A1C, 0xFF7A1E1E, 0xFFD8D2C0, 0xFF2E3A4E);
    g.fill(body);
    g.ellipse(x, y, r * 2, r * 2);
    g.stroke(lighter(body, 0.3f));
    g.strokeWeight(1);
    for (int i = 0; i < 24; i++) {
      float a = TWO_PI * i / 24;
      g.line(x + cos(a) * r * 0.85f, y + sin(a) * r * 0.85f, x + cos(a) * r, y + sin(a) * r);
    }
    g.noStroke();
    metalDisc(g, x, y, r * 1.3f, CHROME, -2.3f);
    float a = range(rnd, -PI * 1.2f, PI * 0.2f);
    g.stroke(0xFFD02020);
    g.strokeWeight(max(1.5f, r * 0.14f));
    g.line(x + cos(a) * r * 0.2f, y + sin(a) * r * 0.2f, x + cos(a) * r * 0.62f, y + sin(a) * r * 0.62f);
    g.noStroke();
  }

  /** A toggle switch: a threaded collar and a chrome lever, up or down. */
  void toggle(PGraphics g, Random rnd, float x, float y, float r) {
    metalDisc(g, x, y, r * 1.6f, CHROME, -2.3f);
    float dir = rnd.nextBoolean() ? -1 : 1;
    g.stroke(darker(STEEL, 0.5f));
    g.strokeWeight(r * 0.55f);
    g.line(x, y, x, y + dir * r * 1.5f);
    g.stroke(CHROME);
    g.strokeWeight(r * 0.4f);
    g.line(x, y, x, y + dir * r * 1.5f);
    g.noStroke();
    g.fill(lighter(CHROME, 0.5f));
    g.ellipse(x, y + dir * r * 1.5f, r * 0.6f, r * 0.6f);
  }

  /** An indicator lamp, lit or dark. */
  void lamp(PGraphics g, Random rnd, float x, float y, float r) {
    int colour = pick(rnd, 0xFFFF3020, 0xFF30E050, 0xFFFFB020, 0xFF3090FF);
    boolean on = chance(rnd, 0.6f);
    metalDisc(g, x, y, r * 2.6f, CHROME, -2.3f);
    if (on) {
      g.fill(colour);
      g.ellipse(x, y, r * 2, r * 2);
      glow(g, x, y, r * 2.4f, lighter(colour, 0.3f), 0.4f);
      g.fill(lighter(colour, 0.7f));
      g.ellipse(x - r * 0.25f, y - r * 0.25f, r * 0.7f, r * 0.7f);
    } else {
      g.fill(darker(colour, 0.6f));
      g.ellipse(x, y, r * 2, r * 2);
      g.fill(255, 70);
      g.ellipse(x - r * 0.3f, y - r * 0.3f, r * 0.6f, r * 0.6f);
    }
  }

  // ---- robot arms ----

  /**
   * An industrial robot arm: a base, two arm segments and a gripper. Each part is drawn in its
   * own coordinate system, with push()/translate()/rotate() so the next part hangs on its joint.
   */
  void robotArm(PGraphics g, Random rnd) {
    machineBackdrop(g, rnd);
    int paint = pick(rnd, 0xFFE07A1A, 0xFFE3B020, 0xFFD8D4CC, 0xFF2E5C9A, 0xFFB8322A, 0xFF3E7A4A);
    float upper = range(rnd, 95, 118);
    float fore = range(rnd, 80, 100);
    float a1 = 0;
    float a2 = 0;
    float a3 = 0;
    float bx = 128;
    // try a few poses until the whole arm is in the picture
    for (int tries = 0; tries < 20; tries++) {
      bx = range(rnd, 60, 196);
      a1 = range(rnd, -0.9f, 0.9f);
      a2 = (bx < 128 ? 1 : -1) * range(rnd, 0.6f, 1.9f);
      a3 = range(rnd, -1, 1);
      float ex = bx + sin(a1) * upper + sin(a1 + a2) * fore;
      float ey = 205 - cos(a1) * upper - cos(a1 + a2) * fore;
      float elbowY = 205 - cos(a1) * upper;
      if (ex > 35 && ex < 221 && ey > 40 && ey < 190 && elbowY > 20) {
        break;
      }
    }
    // floor shadow and base
    g.fill(0, 90);
    g.ellipse(bx + 6, 244, 110, 18);
    g.push();
    g.translate(bx, 205);
    cylinder(g, 76, 20, 42, darker(paint, 0.2f));
    g.fill(darker(paint, 0.45f));
    g.rect(-46, 38, 92, 10, 3);
    cylinder(g, 52, -4, 22, DARK_STEEL);
    // the upper arm, with a hydraulic piston alongside
    g.rotate(a1);
    g.push();
    g.translate(24, 10);
    g.rotate(-0.12f);
    cylinder(g, 12, 0, -upper * 0.45f, darker(paint, 0.3f));
    cylinder(g, 6, -upper * 0.45f, -upper * 0.75f, CHROME);
    g.pop();
    armSegment(g, rnd, 38, upper, paint);
    joint(g, rnd, 0, 0, 30, paint);
    // the forearm hangs on the elbow
    g.translate(0, -upper);
    g.rotate(a2);
    armSegment(g, rnd, 30, fore, paint);
    joint(g, rnd, 0, 0, 25, paint);
    // the wrist and the gripper
    g.translate(0, -fore);
    g.rotate(a3);
    cylinder(g, 18, 0, -16, DARK_STEEL);
    joint(g, rnd, 0, 0, 14, DARK_STEEL);
    float grip = range(rnd, 4, 14);
    for (int side = -1; side <= 1; side += 2) {
      g.fill(darker(STEEL, 0.2f));
      g.stroke(darker(STEEL, 0.6f));
      g.strokeWeight(1);
      g.beginShape();
      g.vertex(side * 4, -14);
      g.vertex(side * (grip + 10), -20);
      g.vertex(side * (grip + 6), -40);
      g.vertex(side * (grip + 2), -40);
      g.vertex(side * (grip + 4), -24);
      g.vertex(side * 2, -20);
      g.endShape(CLOSE);
      g.noStroke();
    }
    cylinder(g, 26, -12, -18, STEEL);
    g.pop();
    // a cable hanging from the base
    cable(g, rnd, bx + 30, 235, bx > 128 ? -10 : 266, range(rnd, 200, 250), 0xFF1A1A1A);
  }

  /** One arm segment: a painted beam with rounded ends, standing along -y from the joint. */
  void armSegment(PGraphics g, Random rnd, float w, float len, int paint) {
    g.fill(0, 80);
    g.rect(-w / 2 + 5, -len + 6, w, len, w / 2);
    cylinder(g, w, -len, 0, paint);
    g.fill(darker(paint, 0.5f), 150);
    g.rect(-w * 0.2f, -len * 0.7f, w * 0.4f, len * 0.4f, 3);
  }

  /** A joint: a metal disc with a ring of bolts. */
  void joint(PGraphics g, Random rnd, float x, float y, float r, int paint) {
    g.fill(darker(paint, 0.3f));
    g.ellipse(x, y, r * 2.2f, r * 2.2f);
    metalDisc(g, x, y, r * 1.7f, STEEL, -2.3f);
    for (int i = 0; i < 6; i++) {
      float a = TWO_PI * i / 6;
      g.fill(darker(STEEL, 0.6f));
      g.ellipse(x + cos(a) * r * 0.6f, y + sin(a) * r * 0.6f, r * 0.22f, r * 0.22f);
    }
    g.fill(0xFF1A1A1C);
    g.ellipse(x, y, r * 0.5f, r * 0.5f);
  }

  // =============================================================================================
  // Cells under the microscope
  // =============================================================================================

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
  void drawCell(PGraphics g, long seed) {
    Random rnd = new Random(seed);
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

  /** A wobbly outline: an ellipse whose radius rises and falls with three slow waves. */
  void blob(PGraphics g, float x, float y, float rx, float ry, float angle, float[] wave) {
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
  void outline(PGraphics g, Cell c, float scale) {
    blob(g, c.x, c.y, c.r * scale, c.r * c.stretch * scale, c.angle, c.wave);
  }

  float[] wave(Random rnd, float amount) {
    return new float[] {range(rnd, 0, amount), range(rnd, 0, amount * 0.6f), range(rnd, 0, amount * 0.3f),
        rnd.nextFloat() * TWO_PI, rnd.nextFloat() * TWO_PI, rnd.nextFloat() * TWO_PI};
  }

  /** Scatters up to n cells inside the field, keeping them from overlapping too much. */
  List<Cell> scatter(Random rnd, int n, float rMin, float rMax, float stretchMin, float crowd,
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

  /** The bright, slightly uneven glass slide seen through the eyepiece. */
  void slide(PGraphics g, Random rnd, float fx, float fy, float fr, int colour) {
    radialGradient(g, fx, fy, fr * 1.05f, lighter(colour, 0.25f), darker(colour, 0.15f));
    for (int i = 0; i < 4; i++) {
      glow(g, fx + range(rnd, -fr, fr) * 0.7f, fy + range(rnd, -fr, fr) * 0.7f, range(rnd, 40, 90),
          rnd.nextBoolean() ? 0xFFFFFFFF : darker(colour, 0.3f), 0.08f);
    }
  }

  /** A nucleus: a wobbly disc with dark chromatin specks and a nucleolus or two. */
  void nucleus(PGraphics g, Random rnd, float x, float y, float r, float stretch, float angle, int colour, int chromatin) {
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
  void mitosis(PGraphics g, Random rnd, Cell c, int colour, float weight) {
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

  // ---- H&E: pink cytoplasm (eosin), purple nuclei (haematoxylin) ----

  void tissue(PGraphics g, Random rnd, float fx, float fy, float fr) {
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

  // ---- immunofluorescence: glowing stains on black ----

  void fluorescence(PGraphics g, Random rnd, float fx, float fy, float fr) {
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

  // ---- phase contrast: unstained living cells, grey with bright halos ----

  void phaseContrast(PGraphics g, Random rnd, float fx, float fy, float fr) {
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

  // ---- a blood smear: red cells with pale centres, a few purple white cells ----

  void bloodSmear(PGraphics g, Random rnd, float fx, float fy, float fr) {
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

  // ---- methylene blue: cheek cells or a culture of spindle-shaped cells ----

  void methyleneBlue(PGraphics g, Random rnd, float fx, float fy, float fr) {
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
  void fieldStop(PGraphics g, float fx, float fy, float fr) {
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

  // =============================================================================================
  // Small helpers shared by all three
  // =============================================================================================

  static float range(Random rnd, float lo, float hi) {
    return lo + rnd.nextFloat() * (hi - lo);
  }

  static boolean chance(Random rnd, float p) {
    return rnd.nextFloat() < p;
  }

  static int pick(Random rnd, int... options) {
    return options[rnd.nextInt(options.length)];
  }

  /** A colour between a (t = 0) and b (t = 1). */
  static int mix(int a, int b, float t) {
    return lerpColor(a, b, constrain(t, 0, 1), RGB);
  }

  static int darker(int c, float t) {
    return mix(c, 0xFF000000, t);
  }

  static int lighter(int c, float t) {
    return mix(c, 0xFFFFFFFF, t);
  }

  /** How light a colour is, from 0 (black) to 1 (white). */
  static float brightnessOf(int c) {
    return (((c >> 16) & 255) * 0.3f + ((c >> 8) & 255) * 0.59f + (c & 255) * 0.11f) / 255;
  }

  /** The colour with each of red, green and blue nudged by up to ± amount. */
  static int vary(Random rnd, int c, int amount) {
    int r = constrain(((c >> 16) & 255) + rnd.nextInt(2 * amount + 1) - amount, 0, 255);
    int gr = constrain(((c >> 8) & 255) + rnd.nextInt(2 * amount + 1) - amount, 0, 255);
    int b = constrain((c & 255) + rnd.nextInt(2 * amount + 1) - amount, 0, 255);
    return 0xFF000000 | r << 16 | gr << 8 | b;
  }

  /** A vertical gradient made of thin horizontal bands. */
  void verticalGradient(PGraphics g, float x, float y, float w, float h, int top, int bottom) {
    g.noStroke();
    int bands = 32;
    for (int i = 0; i < bands; i++) {
      g.fill(mix(top, bottom, i / (bands - 1f)));
      g.rect(x, y + h * i / bands, w, h / bands + 1);
    }
  }

  /** A round gradient: circles from the outside in, each smaller and a step closer to the inner colour. */
  void radialGradient(PGraphics g, float x, float y, float r, int inner, int outer) {
    g.noStroke();
    int steps = 32;
    for (int i = 0; i < steps; i++) {
      float t = i / (float) steps;
      g.fill(mix(outer, inner, t));
      float d = 2 * r * (1 - t);
      g.ellipse(x, y, d, d);
    }
  }

  /** A soft glow of light: many faint circles stacked, so the middle gets the most. */
  void glow(PGraphics g, float x, float y, float r, int colour, float strength) {
    g.noStroke();
    int steps = 16;
    for (int i = 0; i < steps; i++) {
      float d = 2 * r * (1 - i / (float) steps);
      g.fill(colour, 255 * strength * 2 / steps);
      g.ellipse(x, y, d, d);
    }
  }

  /** Darker corners, as in an old photograph. */
  void vignette(PGraphics g, float strength) {
    g.noFill();
    for (int i = 0; i < 10; i++) {
      g.stroke(0, strength * 22 * (i + 1) / 10f);
      g.strokeWeight(16);
      float d = 250 + i * 16;
      g.ellipse(128, 128, d, d);
    }
    g.noStroke();
  }

  // =============================================================================================
  // Headless: writing the training set
  // =============================================================================================

  /** The seed of picture number {@code index} in a data set made with {@code --seed base}. */
  static long seedOf(long base, int index) {
    return base * 1_000_000L + index;
  }

  /** A canvas of size × size pixels that needs no window. */
  PGraphicsJava2D offscreen(int size) {
    PGraphicsJava2D g = new PGraphicsJava2D();
    g.setParent(this);
    g.setPrimary(false);
    g.setSize(size, size);
    g.smooth(8);
    return g;
  }

  /** Draws one specimen onto g and copies it into a plain RGB image. */
  BufferedImage render(PGraphics g, int kind, long seed) {
    drawSpecimen(g, kind, seed);
    g.loadPixels();
    BufferedImage image = new BufferedImage(g.width, g.height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, g.width, g.height, g.pixels, 0, g.width);
    return image;
  }

  /** Draws {@code --count} pictures of each kind into {@code --out}/faces, machines and cells. */
  void generate() throws IOException, InterruptedException {
    Path out = Path.of(option("--out", "data/specimens"));
    int count = Integer.parseInt(option("--count", "3000"));
    int size = Integer.parseInt(option("--size", "128"));
    long base = Long.parseLong(option("--seed", "1"));
    int threads = max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ThreadLocal<PGraphicsJava2D> canvas = ThreadLocal.withInitial(() -> offscreen(size));
    try {
      for (int kind = 0; kind < DOMAINS.length; kind++) {
        Path dir = out.resolve(DOMAINS[kind]);
        Files.createDirectories(dir);
        Progress progress = new Progress("drawing " + DOMAINS[kind], count);
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          Path file = dir.resolve(String.format("%05d.png", i));
          if (Files.exists(file)) {
            progress.step();
            continue;
          }
          int k = kind;
          long seed = seedOf(base, i);
          jobs.add(pool.submit(() -> {
            BufferedImage image = render(canvas.get(), k, seed);
            AtomicFile.write(file, o -> ImageIO.write(image, "png", o));
            progress.step();
            return null;
          }));
        }
        for (Future<?> job : jobs) {
          try {
            job.get();
          } catch (ExecutionException e) {
            throw new IOException("could not draw " + DOMAINS[kind] + ": " + e.getCause(), e.getCause());
          }
        }
        progress.done();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The value after {@code flag} on the command line, or {@code fallback}. */
  String option(String flag, String fallback) {
    if (args != null) {
      for (int i = 0; i < args.length - 1; i++) {
        if (args[i].equals(flag)) {
          return args[i + 1];
        }
      }
    }
    return fallback;
  }

  public static void main(String[] args) {
    if (Arrays.asList(args).contains("--out")) {
      // no window: draw the data set and stop
      System.setProperty("java.awt.headless", "true");
      Specimens sketch = new Specimens();
      sketch.args = args;
      try {
        sketch.generate();
      } catch (IOException | InterruptedException | RuntimeException e) {
        System.err.println("Specimens: " + e.getMessage());
        throw new IllegalStateException(e);
      }
      return;
    }
    PApplet.main(Specimens.class, args);
  }
}
