package mishmash.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.features.FeatureNet;
import mishmash.features.PictureFeatures;
import mishmash.invert.FaceFeatures;
import mishmash.invert.Inverter;
import mishmash.invert.InverterSamples;
import mishmash.invert.TrainInverter;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.Styles;
import mishmash.train.Progress;

/**
 * The inverter's round trip on creatures it never saw: for each, w → G(w) → the inverter → ŵ →
 * G(ŵ), and the same distances for a random creature's w as the baseline (what "no idea" scores):
 * the latent error (mean squared, per value of w), the picture error in levels of 255, and the
 * distance of the pictures in InceptionV3's features (a network neither the generator nor the
 * inverter ever saw; cosine distance of the pooled mixed10 features). The face path is measured on
 * face creatures in which face-api.js finds a face, and also by how far the landmarks of its
 * creature's face are from the original's.
 *
 * <pre>mvn -q -pl lib compile exec:java -Pinvert-bench [-Dexec.args="--model creatures --samples 1000"]</pre>
 */
public final class InverterBench {
  private InverterBench() {}

  public static void main(String[] args) throws Exception {
    String model = Models.DEFAULT;
    int n = 1000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--model") && i + 1 < args.length) {
        model = args[++i];
      } else if (args[i].equals("--samples") && i + 1 < args.length) {
        n = Integer.parseInt(args[++i]);
      } else {
        System.err.println("invert-bench: unknown option " + args[i] + " (it takes --model NAME and --samples N)");
        System.exit(2);
      }
    }
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", "2");
    }
    try (Generator gan = Models.load(model); Inverter inverter = Inverter.load(gan);
         PictureFeatures pictures = PictureFeatures.load();
         FeatureNet inception = FeatureNet.load("inception-v3", "embedding");
         FaceAnalyzer faces = InverterSamples.faceReader(gan)) {
      InverterSamples samples = new InverterSamples(gan, 1);
      Row picture = new Row("picture → w (" + gan.manifest().name() + ")");
      Row face = new Row("face → w (" + gan.manifest().name() + ")");
      Progress progress = new Progress("round trips", 2L * n);
      for (int from = 0; from < n; from += 16) {
        int count = Math.min(16, n - from);
        Styles w = samples.styles(7, from, count);
        Styles random = samples.styles(8, from, count);
        Image[] original = gan.synthesize(w);
        float[][] f = pictures.of(Arrays.asList(original));
        List<Styles> found = new ArrayList<>();
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
          long t0 = System.nanoTime();
          found.add(inverter.fromPictureFeatures(f[i]));
          ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        picture.add(w, Styles.concat(found), random, original, gan, inception, null, faces);
        picture.times(ms);
        progress.step(count);

        Styles fw = samples.faceStyles(6, from, count);
        Styles frandom = samples.faceStyles(5, from, count);
        Image[] fo = gan.synthesize(fw);
        List<Integer> seen = new ArrayList<>();
        List<Styles> ff = new ArrayList<>();
        List<float[]> marks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          List<Face> read = faces.analyze(fo[i].argb(), fo[i].width(), fo[i].height());
          if (!read.isEmpty()) {
            seen.add(i);
            float[] ffeat = FaceFeatures.of(read.get(0), fo[i]);
            marks.add(ffeat);
            ff.add(inverter.hasFacePath() ? inverter.fromFaceFeatures(ffeat) : inverter.fromPicture(fo[i]));
          }
        }
        if (!seen.isEmpty()) {
          face.add(pick(fw, seen), Styles.concat(ff), pick(frandom, seen), pickImages(fo, seen), gan, inception,
              marks, faces);
        }
        progress.step(count);
      }
      progress.done();
      System.out.println();
      System.out.println("| path | creatures | w error (MSE) | random w | picture error (levels of 255) | random w |"
          + " InceptionV3 distance | random w | face landmarks error | random w | inversion median ms | p99 ms |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
      System.out.println(picture.line());
      System.out.println(face.line());
    }
  }

  static Styles pick(Styles s, List<Integer> rows) {
    List<Styles> out = new ArrayList<>();
    rows.forEach(i -> out.add(s.get(i)));
    return Styles.concat(out);
  }

  static Image[] pickImages(Image[] a, List<Integer> rows) {
    return rows.stream().map(i -> a[i]).toArray(Image[]::new);
  }

  /** Sums of one path's distances. */
  static final class Row {
    final String name;
    int n;
    double latent;
    double latentRandom;
    double pixels;
    double pixelsRandom;
    double features;
    double featuresRandom;
    double marks;
    double marksRandom;
    int marked;
    long values;
    final List<Double> ms = new ArrayList<>();

    Row(String name) {
      this.name = name;
    }

    void add(Styles truth, Styles found, Styles random, Image[] original, Generator gan, FeatureNet inception,
             List<float[]> faceFeatures, FaceAnalyzer faces) {
      Image[] back = gan.synthesize(found);
      Image[] other = gan.synthesize(random);
      float[][] fa = inception.embed(Arrays.asList(original), 16);
      float[][] fb = inception.embed(Arrays.asList(back), 16);
      float[][] fc = inception.embed(Arrays.asList(other), 16);
      int per = truth.layers() * truth.dim();
      for (int i = 0; i < truth.count(); i++) {
        for (int j = 0; j < per; j++) {
          double t = truth.data()[i * per + j];
          latent += sq(found.data()[i * per + j] - t);
          latentRandom += sq(random.data()[i * per + j] - t);
        }
        pixels += TrainInverter.levelsApart(original[i], back[i]);
        pixelsRandom += TrainInverter.levelsApart(original[i], other[i]);
        features += cosineDistance(fa[i], fb[i]);
        featuresRandom += cosineDistance(fa[i], fc[i]);
        if (faceFeatures != null) {
          List<Face> b = faces.analyze(back[i].argb(), back[i].width(), back[i].height());
          List<Face> c = faces.analyze(other[i].argb(), other[i].width(), other[i].height());
          if (!b.isEmpty() && !c.isEmpty()) {
            marks += landmarkDistance(faceFeatures.get(i), FaceFeatures.of(b.get(0), back[i]));
            marksRandom += landmarkDistance(faceFeatures.get(i), FaceFeatures.of(c.get(0), other[i]));
            marked++;
          }
        }
      }
      n += truth.count();
      values += (long) truth.count() * per;
    }

    void times(double[] t) {
      for (double v : t) {
        ms.add(v);
      }
    }

    String line() {
      int k = Math.max(1, n);
      long v = Math.max(1, values);
      double[] t = ms.stream().mapToDouble(Double::doubleValue).toArray();
      return String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.2f | %.2f | %.3f | %.3f | %s | %s | %s | %s |", name, n,
          latent / v, latentRandom / v, pixels / k, pixelsRandom / k, features / k, featuresRandom / k,
          marked == 0 ? "" : String.format(Locale.ROOT, "%.3f (%d)", marks / marked, marked),
          marked == 0 ? "" : String.format(Locale.ROOT, "%.3f", marksRandom / marked),
          t.length == 0 ? "" : String.format(Locale.ROOT, "%.2f", Stats.median(t)),
          t.length == 0 ? "" : String.format(Locale.ROOT, "%.2f", Stats.percentile(t, 99)));
    }
  }

  static double sq(double v) {
    return v * v;
  }

  static double cosineDistance(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return 1 - dot / Math.sqrt(na * nb + 1e-12);
  }

  /** Mean distance of the 68 landmarks, in units of the face's size. */
  static double landmarkDistance(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < 68; k++) {
      s += Math.hypot(a[2 * k] - b[2 * k], a[2 * k + 1] - b[2 * k + 1]);
    }
    return s / 68;
  }
}
