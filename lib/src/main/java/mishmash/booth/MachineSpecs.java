package mishmash.booth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mishmash.face.Expression;
import mishmash.face.Face;
import mishmash.face.Point;

/**
 * The profile's attributes: fictional and a little absurd, as befits a human–machine hybrid
 * (engine power, top speed, weight...). Each is a smooth function of what the face analysis saw
 * (the geometry of the landmarks, the expression, the estimated age) and of the creature the visitor
 * was mixed with, so the same visitor with the same creature gets the same card, and a slightly
 * different photo gives slightly different numbers, not a new card.
 *
 * <p>Real demographic readings (estimated age, gender) are not shown unless {@code demographics}
 * is on: they are guesses of a classifier about a real person.
 */
public final class MachineSpecs {
  /** One line of the card. */
  public record Spec(String label, String value) {}

  private MachineSpecs() {}

  public static List<Spec> of(Face face, long creatureSeed, boolean demographics) {
    Features f = Features.of(face);
    // the creature tunes each attribute: a factor 0.7..1.3 per line, fixed by its seed
    double[] k = new double[12];
    long h = creatureSeed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < k.length; i++) {
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 32;
      k[i] = 0.7 + 0.6 * ((h >>> 11) * 0x1.0p-53);
    }
    double happy = f.expression(Expression.HAPPY);
    double surprised = f.expression(Expression.SURPRISED);
    double angry = f.expression(Expression.ANGRY);
    double sad = f.expression(Expression.SAD);
    double neutral = f.expression(Expression.NEUTRAL);
    double fear = f.expression(Expression.FEARFUL) + f.expression(Expression.DISGUSTED);
    List<Spec> specs = new ArrayList<>();
    specs.add(new Spec("Engine power", fmt("%,d hp", Math.round((60 + 940 * (0.35 * happy + 0.25 * surprised
        + 0.4 * f.mouthWidth / 0.5)) * k[0]))));
    specs.add(new Spec("Top speed", fmt("%,d km/h", Math.round((40 + 420 * clamp01((f.eyeGap - 0.3) / 0.2)) * k[1]))));
    specs.add(new Spec("Dry weight", fmt("%,d kg", Math.round((180 + 900 * clamp01((f.faceRatio - 0.9) / 0.5)
        + 4 * f.age) * k[2]))));
    specs.add(new Spec("Torque", fmt("%,d Nm", Math.round((90 + 1400 * (angry + 0.3 * f.browLift / 0.3)) * k[3]))));
    specs.add(new Spec("Cell count", fmt("%.1f billion", (2 + 48 * clamp01(f.mouthWidth / 0.6)) * k[4])));
    specs.add(new Spec("Coolant of sorrow", fmt("%d %%", Math.round(100 * clamp01((0.15 + 0.85 * sad) * k[5])))));
    specs.add(new Spec("Rust resistance", fmt("%d %%", Math.round(100 * clamp01((0.3 + 0.6 * neutral) * k[6])))));
    specs.add(new Spec("Servo count", fmt("%d", Math.round((8 + 120 * clamp01(f.jawCurve)) * k[7]))));
    specs.add(new Spec("Firmware", fmt("v%d.%d", 1 + (int) (f.age / 12 * k[8]), (int) (f.mouthOpen * 97 * k[9]) % 10)));
    specs.add(new Spec("Mode", mode(f.dominant, fear)));
    if (demographics) {
      specs.add(new Spec("Estimated age (classifier)", fmt("%d", Math.round(face.age()))));
      specs.add(new Spec("Gender (classifier)", fmt("%s, %d %%", face.gender().name().toLowerCase(Locale.ROOT),
          Math.round(100 * face.genderProbability()))));
    }
    return specs;
  }

  private static String mode(Expression e, double fear) {
    if (fear > 0.5) {
      return "Hazard protocol";
    }
    return switch (e) {
      case HAPPY -> "Overdrive";
      case SAD -> "Brooding idle";
      case ANGRY -> "Combat";
      case SURPRISED -> "Alarm";
      case FEARFUL -> "Hazard protocol";
      case DISGUSTED -> "Purge cycle";
      default -> "Standby";
    };
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }

  static double clamp01(double v) {
    return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
  }

  /** Scale-free measurements of a face, from its 68 landmarks. */
  record Features(double eyeGap, double mouthWidth, double mouthOpen, double browLift, double faceRatio,
      double jawCurve, double age, Expression dominant, double[] expressions) {

    double expression(Expression e) {
      return expressions[e.ordinal()];
    }

    static Features of(Face face) {
      List<Point> p = face.landmarks();
      double width = dist(p.get(0), p.get(16));
      double height = dist(p.get(27), p.get(8));
      double w = Math.max(width, 1e-3);
      Point leftEye = centre(p, 36, 42);
      Point rightEye = centre(p, 42, 48);
      Point brows = centre(p, 17, 27);
      Point eyes = centre(p, 36, 48);
      double jawDepth = Math.abs(p.get(8).y() - (p.get(0).y() + p.get(16).y()) / 2) / w;
      double[] ex = new double[Expression.values().length];
      face.expressions().forEach((k, v) -> ex[k.ordinal()] = v);
      return new Features(dist(leftEye, rightEye) / w, dist(p.get(48), p.get(54)) / w,
          dist(p.get(62), p.get(66)) / Math.max(height, 1e-3), (eyes.y() - brows.y()) / Math.max(height, 1e-3),
          height / w, clamp01(jawDepth), Math.max(0, face.age()), face.expression(), ex);
    }

    private static Point centre(List<Point> p, int from, int to) {
      double x = 0;
      double y = 0;
      for (int i = from; i < to; i++) {
        x += p.get(i).x();
        y += p.get(i).y();
      }
      return new Point((float) (x / (to - from)), (float) (y / (to - from)));
    }

    private static double dist(Point a, Point b) {
      return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
  }
}
