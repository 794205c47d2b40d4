package mishmash.sketch;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import mishmash.bench.Stats;
import mishmash.capture.Frame;
import mishmash.dials.AttributeReader;
import mishmash.dials.Dials;
import mishmash.face.FaceAnalyzer;
import mishmash.features.PictureFeatures;
import mishmash.invert.Inverter;
import mishmash.mirror.Reflector;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.Styles;
import mishmash.specimens.FaceClip;

/**
 * The mirror's responsiveness and calm, on drawn faces whose truth is known ({@link FaceClip}): a
 * face turning its head and smiling, and a face holding still. Each frame goes through the
 * mirror's own machinery ({@link Reflector}, worked frame by frame at the clip's times), and:
 * <ul>
 *   <li>responsiveness: the correlation, over the frames with the face, between what the face does
 *       (its head turn, its smile) and what the reflection does — the reflection's w along the
 *       model's yaw and smile dials, and the attribute reader's yaw and smile of the reflection's
 *       picture;</li>
 *   <li>calm: on the still face, once settled, how far the reflection moves from one frame to the
 *       next — in w (relative to how far apart two creatures are) and in the picture (levels of 255)
 *       — with the one-euro filter and the glide in w, and with neither;</li>
 *   <li>the work per frame on the worker: face, inverter, generator.</li>
 * </ul>
 *
 * <pre>mvn -q compile exec:java -Dsketch=mishmash.sketch.MirrorBench [-Dargs="--model creatures --seconds 12"]</pre>
 */
public final class MirrorBench {
  private MirrorBench() {}

  public static void main(String[] args) throws Exception {
    String model = Models.DEFAULT;
    double seconds = 12;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--model") && i + 1 < args.length) {
        model = args[++i];
      } else if (args[i].equals("--seconds") && i + 1 < args.length) {
        seconds = Double.parseDouble(args[++i]);
      } else {
        System.err.println("MirrorBench: unknown option " + args[i] + " (it takes --model NAME and --seconds S)");
        System.exit(2);
      }
    }
    System.setProperty("ai.djl.pytorch.num_threads", "1");
    int fps = 15;
    List<FaceClip.Shot> turning = FaceClip.shots(3, seconds, fps, 0, false, 640, 480);
    List<FaceClip.Shot> still = FaceClip.shots(3, 6, fps, 0, true, 640, 480);
    try (Generator gan = Models.load(model); Inverter inverter = Inverter.load(gan);
         FaceAnalyzer faces = FaceAnalyzer.load(Models.directory().resolve("face-api"), new FaceAnalyzer.Options(416, 0.5f, 40));
         AttributeReader reader = AttributeReader.load(AttributeReader.DEFAULT);
         PictureFeatures features = PictureFeatures.load()) {
      Dials dials = Dials.of(gan).orElse(null);
      Run turn = run(gan, inverter, faces, turning, fps, true);
      Run calm = run(gan, inverter, faces, still, fps, true);
      Run raw = run(gan, inverter, faces, still, fps, false);

      double[] yaw = turning.stream().mapToDouble(FaceClip.Shot::yaw).toArray();
      double[] smile = turning.stream().mapToDouble(FaceClip.Shot::smile).toArray();
      float[][] read = reader.read(features.of(turn.pictures));
      int ry = reader.index("faces.yaw");
      int rs = reader.index("faces.smile");
      System.out.println();
      System.out.println("| clip | frames | reflections of the face | follows the head turn: w along the yaw dial | "
          + "reader's yaw of the reflection | follows the smile: w along the smile dial | reader's smile of the reflection |");
      System.out.println("|---|---|---|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| a drawn face turning ±34° every 4 s and smiling every 3 s (%.0f s, %d fps) | %d | %d "
              + "| %s | %.2f | %s | %.2f |%n", seconds, fps, turning.size(), turn.viewer,
          along(dials, "yaw", turn.styles, yaw), correlation(yaw, column(read, ry)),
          along(dials, "smile", turn.styles, smile), correlation(smile, column(read, rs)));
      System.out.println();
      System.out.println("| a still face (6 s, 15 fps), after 2 s | w moves per frame (share of the distance between two"
          + " creatures) | picture moves per frame (levels of 255) | picture p99 |");
      System.out.println("|---|---|---|---|");
      double apart = apart(gan);
      System.out.println(calm.jitterRow("one-euro filter on the face's features and a 0.25 s glide in w (the mirror)", fps,
          apart));
      System.out.println(raw.jitterRow("neither (each frame's features straight through)", fps, apart));
      System.out.println();
      System.out.println("| work per camera frame (worker thread, 1 model thread) | frames | median ms | p99 ms | peak RSS MB |");
      System.out.println("|---|---|---|---|---|");
      double[] all = concat(turn.ms, calm.ms);
      System.out.printf(Locale.ROOT, "| face (tracked; the detector every 8th frame), inverter, generator | %d | %.1f | %.1f | %.0f |%n",
          all.length, Stats.median(all), Stats.percentile(all, 99), Stats.peakRssMb());
    }
  }

  /** What the mirror did with a clip, frame by frame. */
  static final class Run {
    final List<Styles> styles = new ArrayList<>();
    final List<Image> pictures = new ArrayList<>();
    double[] ms;
    int viewer;

    /** Mean frame-to-frame change after the first two seconds; w relative to the distance between two creatures. */
    String jitterRow(String what, int fps, double apart) {
      double w = 0;
      List<Double> px = new ArrayList<>();
      int from = 2 * fps;
      for (int i = from + 1; i < styles.size(); i++) {
        w += distance(styles.get(i), styles.get(i - 1));
        px.add(mishmash.invert.TrainInverter.levelsApart(pictures.get(i), pictures.get(i - 1)));
      }
      int n = Math.max(1, styles.size() - from - 1);
      double[] p = px.stream().mapToDouble(Double::doubleValue).toArray();
      return String.format(Locale.ROOT, "| %s | %.4f | %.2f | %.2f |", what, w / n / apart,
          p.length == 0 ? 0 : Arrays.stream(p).average().orElse(0), p.length == 0 ? 0 : Stats.percentile(p, 99));
    }
  }

  /** The mean distance in w between two of the generator's creatures. */
  static double apart(Generator gan) {
    Styles s = new mishmash.invert.InverterSamples(gan, 1).styles(7, 0, 32);
    double d = 0;
    for (int i = 0; i < 16; i++) {
      d += distance(s.get(2 * i), s.get(2 * i + 1));
    }
    return d / 16;
  }

  static Run run(Generator gan, Inverter inverter, FaceAnalyzer faces, List<FaceClip.Shot> shots, int fps, boolean smooth) {
    Run r = new Run();
    try (Reflector mirror = new Reflector(gan, inverter, faces, null, null, 9, false)) {
      Reflector.Settings s = Reflector.Settings.DEFAULT;
      mirror.settings(new Reflector.Settings(s.likeness(), smooth ? s.calm() : 0, s.psi(), s.wander(), 0.2f, null, smooth));
      r.ms = new double[shots.size()];
      for (int i = 0; i < shots.size(); i++) {
        BufferedImage b = shots.get(i).picture();
        int[] px = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        long t0 = System.nanoTime();
        mirror.offer(new Frame(px, b.getWidth(), b.getHeight(), i + 1, t0), i / (double) fps);
        r.ms[i] = (System.nanoTime() - t0) / 1e6;
        Reflector.Reflection x = mirror.latest();
        r.styles.add(x.styles());
        r.pictures.add(x.picture());
        r.viewer += x.face() != null ? 1 : 0;
      }
    }
    return r;
  }

  /** Correlation of the truth with the reflection's w along a dial ("" without the dial). */
  static String along(Dials dials, String name, List<Styles> styles, double[] truth) {
    int k = dials == null ? -1 : dials.index(name);
    if (k < 0) {
      return "(no " + name + " dial)";
    }
    Dials.Dial d = dials.dials().get(k);
    double[] v = new double[styles.size()];
    for (int i = 0; i < v.length; i++) {
      Styles s = styles.get(i);
      int n = 0;
      for (int l = 0; l < s.layers(); l++) {
        if (d.layers()[l]) {
          float[] w = s.layer(0, l);
          for (int j = 0; j < w.length; j++) {
            v[i] += w[j] * d.w()[j];
          }
          n++;
        }
      }
      v[i] /= Math.max(1, n);
    }
    return String.format(Locale.ROOT, "%.2f", correlation(truth, v));
  }

  static double[] column(float[][] rows, int k) {
    double[] c = new double[rows.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = k < 0 ? 0 : rows[i][k];
    }
    return c;
  }

  static double correlation(double[] a, double[] b) {
    int n = Math.min(a.length, b.length);
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i] / n;
      mb += b[i] / n;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
  }

  static double distance(Styles a, Styles b) {
    double s = 0;
    for (int i = 0; i < a.data().length; i++) {
      s += (a.data()[i] - b.data()[i]) * (a.data()[i] - b.data()[i]);
    }
    return Math.sqrt(s);
  }

  static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
