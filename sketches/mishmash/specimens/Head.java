package mishmash.specimens;

import static processing.core.PApplet.*;

import processing.core.PGraphics;

/**
 * How a turned head is seen. Every feature of a face is placed as if the face looked straight at
 * us: x across (right is positive), y down, measured from the middle of the head. The head is a
 * rounded solid, so each such point also lies some way in front of the middle ({@link #depth}).
 * Turning the head (yaw) and nodding it (pitch) moves every point, and {@link #at} says where it
 * lands in the picture: features on the side the face turns to move less and get narrower, the
 * nose moves most of all, because it stands out furthest.
 */
final class Head {
  final float hw, hh, hd;              // half width, half height, and how far the face stands in front of the middle
  final float jaw;                     // how much the face narrows towards the chin
  final float cosYaw, sinYaw, cosPitch, sinPitch;
  float mouthY, drop;                  // an open mouth drops the jaw: everything below mouthY moves down by up to drop

  Head(float hw, float hh, float jaw, float yaw, float pitch) {
    this.hw = hw;
    this.hh = hh;
    this.jaw = jaw;
    this.hd = hw * 1.12f;
    cosYaw = cos(yaw);
    sinYaw = sin(yaw);
    cosPitch = cos(pitch);
    sinPitch = sin(pitch);
  }

  /**
   * How far the face's surface at (x, y) is in front of the middle of the head: most along the
   * middle of the face, falling off towards its edge (a rather flat front with rounded sides), where
   * it is as far forward as the edge of a face seen from the front is: level with the ears at the
   * cheeks, further forward down the jaw, furthest at the chin.
   */
  float depth(float x, float y) {
    float v = y / hh;
    float middle = hd * (v < 0 ? sqrt(max(0, 1 - pow(min(1, -v / 1.05f), 2.2f))) : 1 - 0.22f * v * v);
    float edge = v > 0 ? min(middle * 0.92f, hd * 0.95f * pow(v, 4)) : hd * 0.3f * min(1, -v);
    float u = min(1, abs(x) / max(1, halfWidth(y)));
    float across = pow(1 - pow(u, 2.4f), 1 / 2.4f);
    return edge + (middle - edge) * across;
  }

  /** How wide the face is at height y (half of it), seen from the front: widest at the cheeks, narrowing to the chin. */
  float halfWidth(float y) {
    float v = constrain(y / hh, -1, 1);
    if (v < 0) {
      return hw * 0.96f * sqrt(max(0, 1 - sq(v / 0.98f)));
    }
    return hw * sqrt(max(0, 1 - pow(v, 2.6f))) * (1 - jaw * v * v);
  }

  /** Where the point (x, y) of the face's surface lands in the picture. */
  float[] at(float x, float y) {
    return project(x, y, depth(x, y));
  }

  /** Where a point {@code out} in front of the surface at (x, y) lands: the tip of the nose, a lens. */
  float[] at(float x, float y, float out) {
    return project(x, y, depth(x, y) + out);
  }

  /** Where a point (x, y, z) of the head lands: turned about the vertical axis, then nodded. */
  float[] project(float x, float y, float z) {
    if (drop > 0 && y > mouthY) {
      y += drop * min(1, (y - mouthY) / (hh * 0.12f));
    }
    float x1 = x * cosYaw + z * sinYaw;
    float z1 = -x * sinYaw + z * cosYaw;
    return new float[] {x1, y * cosPitch - z1 * sinPitch};
  }

  /**
   * How brightly a lamp from direction {@code lamp} (x right, y down, z towards us; length 1) lights
   * the face's surface at (x, y): 1 facing the lamp, 0 side-on, less than 0 turned away from it.
   */
  float lighting(float x, float y, float[] lamp) {
    float e = hw * 0.05f;
    float nx = -(depth(x + e, y) - depth(x - e, y)) / (2 * e);
    float ny = -(depth(x, y + e) - depth(x, y - e)) / (2 * e);
    float nz = 1;
    float n = sqrt(nx * nx + ny * ny + nz * nz);
    nx /= n;
    ny /= n;
    nz /= n;
    // turn the surface's direction with the head, as the points are turned
    float x1 = nx * cosYaw + nz * sinYaw;
    float z1 = -nx * sinYaw + nz * cosYaw;
    float y2 = ny * cosPitch - z1 * sinPitch;
    float z2 = ny * sinPitch + z1 * cosPitch;
    return x1 * lamp[0] + y2 * lamp[1] + z2 * lamp[2];
  }

  /** How much narrower a small feature at (x, y) looks than it would facing us: 1 facing us, less turned away. */
  float squash(float x, float y) {
    float e = hw * 0.04f;
    return max(0.12f, (at(x + e, y)[0] - at(x - e, y)[0]) / (2 * e));
  }

  /** How much shorter a small feature at (x, y) looks, as the head nods. */
  float lean(float x, float y) {
    float e = hh * 0.04f;
    return max(0.3f, (at(x, y + e)[1] - at(x, y - e)[1]) / (2 * e));
  }

  /**
   * Moves and squeezes the drawing so that what is drawn next around (0, 0), as if facing us, sits
   * at (x, y) of the face, turned with it. Wrap it in {@code g.push()} … {@code g.pop()}.
   */
  void place(PGraphics g, float x, float y, float out) {
    float[] p = at(x, y, out);
    g.translate(p[0], p[1]);
    g.scale(squash(x, y), lean(x, y));
  }

  /** The outline of the skull seen from here: the back of the head shows on the side the face turns from. */
  Outline skull() {
    float rx = sqrt(sq(hw * cosYaw) + sq(hw * 1.22f * sinYaw));
    float cx = -hw * 0.12f * sinYaw;
    return Outline.ellipse(cx, -hh * 0.14f - hw * 0.2f * sinPitch, rx, hh * 0.88f);
  }

  /**
   * The outline of the face seen from here: at each height, the points of the face furthest to the
   * left and to the right once turned. On a turned head the far cheek, then the nose and chin, make
   * the edge on one side; the near jaw on the other.
   */
  Outline face() {
    int rows = 26;
    int across = 12;
    float[][] right = new float[rows + 1][];
    float[][] left = new float[rows + 1][];
    for (int i = 0; i <= rows; i++) {
      float y = lerp(-0.6f * hh, hh, i / (float) rows);
      float w = halfWidth(y);
      for (int k = 0; k <= across; k++) {
        float x = lerp(-w, w, k / (float) across);
        float[] q = at(x, y);
        if (right[i] == null || q[0] > right[i][0]) {
          right[i] = q;
        }
        if (left[i] == null || q[0] < left[i][0]) {
          left[i] = q;
        }
      }
    }
    Outline o = new Outline();
    for (int i = 0; i <= rows; i++) {
      o.point(right[i][0], right[i][1]);
    }
    for (int i = rows; i >= 0; i--) {
      o.point(left[i][0], left[i][1]);
    }
    return o;
  }

  /** Where the jaw line runs, from the ear (t = 0) to the chin (t = 1) on one side: for beards and the jaw's shadow. */
  float[] jawPoint(int side, float t) {
    float y = t * hh;
    return at(side * halfWidth(y), y);
  }
}
