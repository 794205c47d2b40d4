package mishmash.booth;

import java.awt.geom.Path2D;
import java.util.List;
import mishmash.face.Face;
import mishmash.face.Point;
import mishmash.model.Image;
import mishmash.model.Pixels;

/**
 * Mixes a visitor's face with a creature, driven by the face network's 68 landmarks: the face is
 * aligned (eyes level, at a fixed place and size), and inside the face's outline it keeps the
 * visitor's light and shade — pose, features where they were, expression — while it takes on the
 * creature's colours and its tonal range; outside
 * the outline the creature itself surrounds the face, with a trace of the visitor's silhouette. The
 * creature's structure — its detail up to a sixteenth of the portrait, not only the finest grain —
 * is laid over the face, so a visitor sees gears, membranes or circuits on their skin. The
 * outline is feathered, so there is no seam.
 *
 * <p>Everything is arithmetic on pixels (about 40 ms for a 512×512 portrait on one core); the neural
 * part is the face analysis that finds the landmarks. An artist's own image-to-image network
 * (a CycleGAN exported to TorchScript or ONNX) can replace or follow this step.
 */
public final class Mishmash {
  /** How strongly the creature shows. */
  public record Settings(double colour, double texture, double silhouette) {
    /** Creature colours at 80%, its texture at full strength, the visitor's silhouette at 30% outside the face. */
    public static final Settings DEFAULT = new Settings(0.8, 1.0, 0.3);
  }

  /** Side of the portrait, in pixels. */
  public static final int SIZE = 512;
  /** Eye distance in the portrait, as a fraction of its side. */
  static final double EYES = 0.26;
  /** Height of the eyes in the portrait, as a fraction of its side. */
  static final double EYE_LINE = 0.42;
  /** The creature's structure is its detail finer than 1/16 of the portrait's side. */
  static final int STRUCTURE = 16;
  /** That structure, on the face, is 0.6 times as strong as the visitor's own light and shade. */
  static final double STRUCTURE_SHARE = 0.6;
  /** A creature's faint detail is never amplified: in a soft model it is mostly its artefacts. */
  static final double MAX_GAIN = 1.0;

  private Mishmash() {}

  public static Image mix(Image photo, Face face, Image creature) {
    return mix(photo, face, creature, Settings.DEFAULT);
  }

  /** The visitor's face alone, aligned as in the mix: the input for an artist's own translator network. */
  public static Image aligned(Image photo, Face face) {
    int n = SIZE;
    Alignment a = Alignment.of(face.landmarks());
    int[] out = new int[n * n];
    for (int v = 0; v < n; v++) {
      for (int u = 0; u < n; u++) {
        double[] p = a.toPhoto(u + 0.5, v + 0.5);
        out[v * n + u] = Pixels.bilinear(photo.argb(), photo.width(), photo.height(), p[0] - 0.5, p[1] - 0.5);
      }
    }
    return new Image(n, n, out);
  }

  public static Image mix(Image photo, Face face, Image creature, Settings settings) {
    int n = SIZE;
    Alignment a = Alignment.of(face.landmarks());
    int[] visitor = new int[n * n];
    boolean[] inside = new boolean[n * n];
    for (int v = 0; v < n; v++) {
      for (int u = 0; u < n; u++) {
        double[] p = a.toPhoto(u + 0.5, v + 0.5);
        inside[v * n + u] = p[0] >= 0 && p[1] >= 0 && p[0] < photo.width() && p[1] < photo.height();
        visitor[v * n + u] = Pixels.bilinear(photo.argb(), photo.width(), photo.height(), p[0] - 0.5, p[1] - 0.5);
      }
    }
    float[] mask = faceMask(a, face.landmarks(), inside);
    int[] skin = resize(creature, n);

    float[][] vy = ycc(visitor);
    float[][] cy = ycc(skin);
    // the creature's tonal range for the visitor's light and shade
    double[] vs = stats(vy[0], mask);
    double[] cs = stats(cy[0], null);
    // the creature's structure: everything finer than a sixteenth of the portrait (a gear's teeth, a
    // membrane, a circuit's traces), laid over the visitor's shading at 0.6 of its strength, never amplified
    double shading = Math.max(cs[1], 0.6 * vs[1]);
    float[] structure = highPass(cy[0], n, n / STRUCTURE);
    double strength = stats(structure, mask)[1];
    double gain = settings.texture() * Math.min(MAX_GAIN, STRUCTURE_SHARE * shading / strength);
    int[] out = new int[n * n];
    for (int i = 0; i < out.length; i++) {
      double m = mask[i];
      double yv = (vy[0][i] - vs[0]) / vs[1] * shading + cs[0];
      double yIn = yv + gain * structure[i];
      double cbIn = vy[1][i] + settings.colour() * (cy[1][i] - vy[1][i]);
      double crIn = vy[2][i] + settings.colour() * (cy[2][i] - vy[2][i]);
      double yOut = cy[0][i] + settings.silhouette() * (inside[i] ? yv - cy[0][i] : 0);
      double y = m * yIn + (1 - m) * yOut;
      double cb = m * cbIn + (1 - m) * cy[1][i];
      double cr = m * crIn + (1 - m) * cy[2][i];
      out[i] = rgb(y, cb, cr);
    }
    return new Image(n, n, out);
  }

  /** Maps portrait pixels to photo pixels: the eyes level, {@link #EYES} apart, on the {@link #EYE_LINE}. */
  record Alignment(double ex, double ey, double cos, double sin, double scale) {
    static Alignment of(List<Point> p) {
      double lx = 0;
      double ly = 0;
      double rx = 0;
      double ry = 0;
      for (int i = 36; i < 42; i++) {
        lx += p.get(i).x() / 6.0;
        ly += p.get(i).y() / 6.0;
        rx += p.get(i + 6).x() / 6.0;
        ry += p.get(i + 6).y() / 6.0;
      }
      double angle = Math.atan2(ry - ly, rx - lx);
      double d = Math.max(1, Math.hypot(rx - lx, ry - ly));
      return new Alignment((lx + rx) / 2, (ly + ry) / 2, Math.cos(angle), Math.sin(angle), d / (EYES * SIZE));
    }

    double[] toPhoto(double u, double v) {
      double x = (u - SIZE / 2.0) * scale;
      double y = (v - EYE_LINE * SIZE) * scale;
      return new double[] {ex + x * cos - y * sin, ey + x * sin + y * cos};
    }

    double[] toPortrait(double px, double py) {
      double x = px - ex;
      double y = py - ey;
      return new double[] {(x * cos + y * sin) / scale + SIZE / 2.0, (-x * sin + y * cos) / scale + EYE_LINE * SIZE};
    }
  }

  /** 1 inside the face (jaw line, and the brows raised to take in the forehead), 0 outside, feathered. */
  static float[] faceMask(Alignment a, List<Point> p, boolean[] inside) {
    int n = SIZE;
    Path2D.Double outline = new Path2D.Double();
    for (int i = 0; i <= 16; i++) {
      double[] q = a.toPortrait(p.get(i).x(), p.get(i).y());
      if (i == 0) {
        outline.moveTo(q[0], q[1]);
      } else {
        outline.lineTo(q[0], q[1]);
      }
    }
    double lift = 0.55 * EYES * SIZE; // the forehead above the brows
    for (int i = 26; i >= 17; i--) {
      double[] q = a.toPortrait(p.get(i).x(), p.get(i).y());
      outline.lineTo(q[0], q[1] - lift);
    }
    outline.closePath();
    float[] mask = new float[n * n];
    for (int v = 0; v < n; v++) {
      for (int u = 0; u < n; u++) {
        mask[v * n + u] = inside[v * n + u] && outline.contains(u + 0.5, v + 0.5) ? 1 : 0;
      }
    }
    int r = n / 28;
    boxBlur(mask, n, r);
    boxBlur(mask, n, r);
    return mask;
  }

  static int[] resize(Image img, int n) {
    int[] out = new int[n * n];
    double sx = img.width() / (double) n;
    double sy = img.height() / (double) n;
    for (int v = 0; v < n; v++) {
      for (int u = 0; u < n; u++) {
        out[v * n + u] = Pixels.bilinear(img.argb(), img.width(), img.height(), (u + 0.5) * sx - 0.5, (v + 0.5) * sy - 0.5);
      }
    }
    return out;
  }

  /** ARGB → Y, Cb, Cr planes (BT.601, 0..255). */
  static float[][] ycc(int[] argb) {
    float[][] p = new float[3][argb.length];
    for (int i = 0; i < argb.length; i++) {
      int r = (argb[i] >> 16) & 255;
      int g = (argb[i] >> 8) & 255;
      int b = argb[i] & 255;
      p[0][i] = 0.299f * r + 0.587f * g + 0.114f * b;
      p[1][i] = 128 - 0.168736f * r - 0.331264f * g + 0.5f * b;
      p[2][i] = 128 + 0.5f * r - 0.418688f * g - 0.081312f * b;
    }
    return p;
  }

  static int rgb(double y, double cb, double cr) {
    int r = clamp(y + 1.402 * (cr - 128));
    int g = clamp(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
    int b = clamp(y + 1.772 * (cb - 128));
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /** Mean and standard deviation, weighted by {@code weight} (null: all equal). */
  static double[] stats(float[] values, float[] weight) {
    double sum = 0;
    double sq = 0;
    double total = 0;
    for (int i = 0; i < values.length; i++) {
      double w = weight == null ? 1 : weight[i];
      sum += w * values[i];
      sq += w * values[i] * values[i];
      total += w;
    }
    if (total < 1e-6) {
      return new double[] {128, 50};
    }
    double mean = sum / total;
    return new double[] {mean, Math.max(1, Math.sqrt(Math.max(0, sq / total - mean * mean)))};
  }

  /** The detail finer than {@code r} pixels: the value minus its local mean. */
  static float[] highPass(float[] plane, int n, int r) {
    float[] blurred = plane.clone();
    boxBlur(blurred, n, r);
    float[] out = new float[plane.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = plane[i] - blurred[i];
    }
    return out;
  }

  /** In place: a box blur of radius {@code r}, rows then columns, edges clamped. */
  static void boxBlur(float[] p, int n, int r) {
    float[] line = new float[n];
    for (int pass = 0; pass < 2; pass++) {
      for (int a = 0; a < n; a++) {
        double acc = 0;
        for (int k = -r; k <= r; k++) {
          acc += at(p, n, pass, a, Math.max(0, Math.min(n - 1, k)));
        }
        for (int b = 0; b < n; b++) {
          line[b] = (float) (acc / (2 * r + 1));
          int add = Math.min(n - 1, b + r + 1);
          int drop = Math.max(0, b - r);
          acc += at(p, n, pass, a, add) - at(p, n, pass, a, drop);
        }
        for (int b = 0; b < n; b++) {
          if (pass == 0) {
            p[a * n + b] = line[b];
          } else {
            p[b * n + a] = line[b];
          }
        }
      }
    }
  }

  private static float at(float[] p, int n, int pass, int a, int b) {
    return pass == 0 ? p[a * n + b] : p[b * n + a];
  }
}
