package mishmash.dials;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mishmash.face.Expression;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.features.PictureFeatures;
import mishmash.files.AtomicFile;
import mishmash.latent.Bands;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.mlp.Args;
import mishmash.mlp.Rows;
import mishmash.model.Fingerprint;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.MadeFor;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.NativeTuning;
import mishmash.model.Styles;
import mishmash.train.Progress;

/**
 * The dials command: finds a generator's semantic dials and writes them into its folder as
 * {@code dials.json}.
 *
 * <pre>
 * mvn -q -pl lib compile exec:java -Pdials                                  the default model
 * mvn -q -pl lib compile exec:java -Pdials -Dexec.args="--model my-stylegan"
 * </pre>
 *
 * <ol>
 *   <li>It draws {@code --samples} creatures of each of the model's domains and reads each with the
 *       {@link AttributeReader} (and, for faces, with face-api.js's age and expression nets).</li>
 *   <li><b>Named dials</b> (InterFaceGAN): for each attribute of {@code --names}, a linear
 *       regression of its scores on w gives the direction along which it grows; the other named
 *       dials of the same domain are projected out of it, so that turning one moves one thing.</li>
 *   <li><b>Unnamed dials</b>: the principal directions of w (GANSpace) and the closed-form
 *       directions of the style layers' weights (SeFa, where the engine exposes them), named 1, 2, …</li>
 *   <li>Every dial also gets a direction in z (the regression of its w coordinate on z), for genomes.</li>
 *   <li><b>Calibration</b>: each dial's step is set so that one unit changes a picture by
 *       {@code --levels} levels of 255 on average, in w and in z alike.</li>
 *   <li><b>Measurement</b> on {@code --test} other creatures: how much one unit moves the dial's own
 *       attribute and how much the others (in standard deviations of each), printed as a table and
 *       kept in the file.</li>
 * </ol>
 * Drawn creatures and their scores are kept in {@code --cache}, so a stopped run resumes.
 */
public final class MakeDials {
  static final String USAGE = String.join("\n",
      "usage: dials [options]",
      "  --model NAME            the generator (default: the default model)",
      "  --attributes NAME       the attribute reader (specimen-attributes)",
      "  --names ID...           the named dials, as attribute ids (default: a list per domain, see docs/dials.md)",
      "  --samples N             creatures drawn per domain to fit the dials on (2000)",
      "  --test N                other creatures per domain to measure the dials on (500)",
      "  --unsupervised N        unnamed dials, from GANSpace and SeFa (6)",
      "  --levels L              levels of 255 one unit changes a picture by, on average (8)",
      "  --psi P                 truncation of the creatures the dials are fitted on (1)",
      "  --seed N                random seed (1)",
      "  --cache DIR             where drawn creatures and their scores are kept (data/dials)",
      "  --out FILE              the dials file (models/<model>/dials.json)");

  /** The named dials made when --names is not given, where the model and the reader have them. */
  static final List<String> DEFAULT_NAMES = List.of("faces.age", "faces.smile", "faces.mouthOpen", "faces.glasses",
      "faces.yaw", "faces.pitch", "faces.hairLength", "faces.skinTone", "faces.masculine", "faces.beard",
      "machines.gears", "machines.parts", "machines.scale", "cells.density", "cells.cells", "cells.mitoses");
  /** A named dial whose attribute w explains less than this share of (held out) is not made. */
  static final double MIN_FIT = 0.05;
  /** Least pictures of a domain the reader must recognise for its dials to be fitted. */
  static final int MIN_RECOGNISED = 100;
  /** Pictures the calibration measures each step on. */
  static final int CALIBRATION = 24;
  /** Test pictures that face-api.js reads, per face dial. */
  static final int FACE_API_TEST = 200;

  private MakeDials() {}

  public static void main(String[] args) {
    try {
      System.out.print(run(args).table());
    } catch (IllegalArgumentException | ModelException | IOException e) {
      System.err.println("dials: " + e.getMessage());
      System.exit(2);
    }
  }

  /** What the command made: the file, and the table of the dials' measured effects. */
  public record Result(Path file, Dials dials, String table) {}

  /** The samples of one domain: seeds, z, w (averaged over layers), attribute scores, face-api reads. */
  record Samples(String domain, int index, long[] seeds, float[][] z, float[][] w, float[][] attributes, float[][] faceApi) {
    int size() {
      return seeds.length;
    }
  }

  /** A dial on its way into the file. */
  static final class Draft {
    String name;
    String kind;
    String attribute = "";
    String method;
    int domain = -1; // where it is measured and calibrated; -1: every domain
    float[] w;
    float[] z;
    double wStep;
    double zStep;
    double fit = Double.NaN;
    boolean[] layers; // the layers it moves: every one unless a band moves its attribute more
    String band = "all layers";
    JsonObject measured = new JsonObject();
    String description;
  }

  public static Result run(String[] args) throws IOException {
    long began = System.nanoTime();
    Args a = Args.parse(args, USAGE);
    String model = a.string("--model", Models.DEFAULT);
    int samples = a.integer("--samples", 2000, 50);
    int test = a.integer("--test", 500, 10);
    int unsupervised = a.integer("--unsupervised", 6, 0);
    double levels = a.real("--levels", 8, 0.5, 64);
    float psi = (float) a.real("--psi", 1, 0, 2);
    long seed = a.longValue("--seed", 1);
    Path cache = Paths.get(a.string("--cache", "data/dials"));
    NativeTuning.apply();
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", "1"); // the other core is the GAN training's, or the sketch's
    }
    try (Generator gan = Models.load(model);
         AttributeReader reader = AttributeReader.load(a.string("--attributes", AttributeReader.DEFAULT));
         PictureFeatures features = PictureFeatures.load();
         FaceAnalyzer faces = FaceAnalyzer.load(Models.directory().resolve("face-api"),
             new FaceAnalyzer.Options(128, 0.4f, 24))) {
      Path out = a.has("--out") ? Paths.get(a.string("--out", null)) : gan.manifest().folder().resolve(Dials.FILE);
      List<String> names = a.has("--names") ? a.strings("--names") : DEFAULT_NAMES;
      for (String id : names) {
        if (reader.index(id) < 0) {
          if (a.has("--names")) {
            throw new IllegalArgumentException("--names " + id + ": the attribute reader does not read it; it reads "
                + String.join(", ", reader.attributes().stream().map(Attribute::id).toList()));
          }
        }
      }
      Maker maker = new Maker(gan, reader, features, faces, psi, seed, levels, cache);
      List<Samples> fitting = maker.sample(samples, 0, "fit");
      List<Draft> drafts = new ArrayList<>();
      drafts.addAll(maker.named(fitting, names));
      drafts.addAll(maker.unnamed(fitting, unsupervised));
      for (Draft d : drafts) {
        maker.zDirection(d, fitting);
      }
      maker.calibrate(drafts);
      List<Samples> testing = maker.sample(test, 1, "test");
      maker.measure(drafts, testing);
      JsonObject json = maker.json(drafts, args, samples, test, (System.nanoTime() - began) / 1e9);
      String table = table(drafts, levels);
      json.getAsJsonObject("provenance").addProperty("table", table);
      Files.createDirectories(out.toAbsolutePath().getParent());
      AtomicFile.writeString(out, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
      Dials dials = Dials.read(out, gan);
      System.err.println("dials: " + dials.size() + " dials in " + out);
      return new Result(out, dials, table);
    }
  }

  /** The work, with the networks it needs at hand. */
  static final class Maker {
    final Generator gan;
    final AttributeReader reader;
    final PictureFeatures features;
    final FaceAnalyzer faces;
    final float psi;
    final long seed;
    final double levels;
    final Path cache;
    final List<String> domains;
    final int faceDomain;
    final double[] spread; // each attribute's standard deviation over the fitting samples of its domain

    Maker(Generator gan, AttributeReader reader, PictureFeatures features, FaceAnalyzer faces, float psi, long seed,
          double levels, Path cache) {
      this.gan = gan;
      this.reader = reader;
      this.features = features;
      this.faces = faces;
      this.psi = psi;
      this.seed = seed;
      this.levels = levels;
      this.cache = cache;
      this.domains = Genomes.domains(gan) > 0 ? gan.domains() : List.of("all");
      this.faceDomain = domains.indexOf("faces");
      this.spread = new double[reader.attributes().size()];
    }

    /** The genome of sample {@code i} of a domain. */
    Genome genome(int domain, long s) {
      return domains.size() > 1 || Genomes.domains(gan) > 0 ? Genomes.pure(gan, s, domain) : Genomes.fresh(gan, s);
    }

    /** Seeds of a set (0: fitting, 1: testing) in a domain: disjoint from one another. */
    long seedOf(int set, int domain, int i) {
      return seed * 1_000_003L + set * 100_000_000L + domain * 10_000_000L + i;
    }

    List<Samples> sample(int n, int set, String what) throws IOException {
      List<Samples> out = new ArrayList<>();
      int za = gan.latentSize();
      int wa = gan.styleSize();
      int aa = reader.attributes().size();
      for (int d = 0; d < domains.size(); d++) {
        int domain = d;
        String key = String.join(" ", "dials", MadeFor.of(gan).fingerprint(),
            Fingerprint.of(reader.manifest()), domains.get(d), Integer.toString(set), Long.toString(seed),
            Float.toString(psi), Integer.toString(PictureFeatures.SIZE));
        float[][] rows = Rows.get(cache, key, n, 100, what + ": " + domains.get(d) + " drawn and read", (from, count) -> {
          List<Genome> genomes = new ArrayList<>();
          for (int i = from; i < from + count; i++) {
            genomes.add(genome(domain, seedOf(set, domain, i)));
          }
          Styles styles = Genomes.styles(gan, genomes, psi);
          Image[] pictures = gan.synthesize(styles);
          float[][] scores = reader.read(features.of(Arrays.asList(pictures)));
          float[][] made = new float[count][];
          for (int i = 0; i < count; i++) {
            float[] row = new float[za + wa + aa + 4];
            System.arraycopy(genomes.get(i).layer(0), 0, row, 0, za);
            float[] w = meanLayer(styles, i);
            System.arraycopy(w, 0, row, za, wa);
            System.arraycopy(scores[i], 0, row, za + wa, aa);
            if (domain == faceDomain) {
              System.arraycopy(faceApi(pictures[i]), 0, row, za + wa + aa, 4);
            }
            made[i] = row;
          }
          return made;
        });
        long[] seeds = new long[n];
        float[][] z = new float[n][];
        float[][] w = new float[n][];
        float[][] s = new float[n][];
        float[][] f = new float[n][];
        for (int i = 0; i < n; i++) {
          seeds[i] = seedOf(set, d, i);
          z[i] = Arrays.copyOfRange(rows[i], 0, za);
          w[i] = Arrays.copyOfRange(rows[i], za, za + wa);
          s[i] = Arrays.copyOfRange(rows[i], za + wa, za + wa + aa);
          f[i] = Arrays.copyOfRange(rows[i], za + wa + aa, za + wa + aa + 4);
        }
        out.add(new Samples(domains.get(d), d, seeds, z, w, s, f));
      }
      return out;
    }

    /** face-api.js on a creature: found (1/0), age in years, happy, surprised. */
    float[] faceApi(Image picture) {
      List<Face> found = faces.analyze(picture.argb(), picture.width(), picture.height());
      if (found.isEmpty()) {
        return new float[4];
      }
      Face f = found.get(0);
      return new float[] {1, f.age(), f.expressions().get(Expression.HAPPY), f.expressions().get(Expression.SURPRISED)};
    }

    static float[] meanLayer(Styles styles, int i) {
      float[] w = new float[styles.dim()];
      for (int l = 0; l < styles.layers(); l++) {
        float[] layer = styles.layer(i, l);
        for (int j = 0; j < w.length; j++) {
          w[j] += layer[j] / styles.layers();
        }
      }
      return w;
    }

    /** The domain index of an attribute, or -1 when the model does not have that domain. */
    int domainOf(Attribute attribute) {
      return domains.size() == 1 && domains.get(0).equals("all") ? 0 : domains.indexOf(attribute.domain());
    }

    /** Which samples of a domain the reader recognises as that domain. */
    boolean[] recognised(Samples s, String domain) {
      int presence = reader.index(Attribute.PRESENCE + "." + domain);
      boolean[] ok = new boolean[s.size()];
      for (int i = 0; i < ok.length; i++) {
        ok[i] = presence < 0 || s.attributes()[i][presence] >= 0.5f;
      }
      return ok;
    }

    /** InterFaceGAN: a regression direction per named attribute, the others of its domain projected out. */
    List<Draft> named(List<Samples> fitting, List<String> names) {
      spreads(fitting);
      List<Draft> out = new ArrayList<>();
      for (String id : names) {
        int k = reader.index(id);
        if (k < 0) {
          continue;
        }
        Attribute attribute = reader.attributes().get(k);
        int d = domainOf(attribute);
        if (d < 0) {
          continue;
        }
        Samples s = fitting.get(d);
        boolean[] ok = recognised(s, attribute.domain());
        List<float[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
          if (ok[i]) {
            x.add(s.w()[i]);
            y.add((double) s.attributes()[i][k]);
          }
        }
        if (x.size() < MIN_RECOGNISED) {
          System.err.println("dials: " + id + " skipped: the reader recognises only " + x.size() + " of " + s.size()
              + " of the model's " + attribute.domain());
          continue;
        }
        double lambda = bestPenalty(x, y);
        double fit = heldOutFit(x, y, lambda);
        if (!(fit >= MIN_FIT)) {
          System.err.printf(Locale.ROOT, "dials: %s skipped: w explains %.3f of it on held-out creatures (at least %.2f"
              + " is needed): the model does not draw it in a way the reader can see%n", id, fit, MIN_FIT);
          continue;
        }
        Draft draft = new Draft();
        draft.name = attribute.name();
        draft.kind = "supervised";
        draft.attribute = id;
        draft.method = "InterFaceGAN: ridge regression of the attribute on w, the domain's other named dials projected out";
        draft.domain = d;
        draft.w = Linear.unit(Linear.ridge(x.toArray(float[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray(),
            lambda));
        draft.fit = fit;
        draft.description = attribute.domain() + ": " + (attribute.binary() ? "more likely " + attribute.name()
            : "more " + attribute.name()) + " (turn down for less)";
        out.add(draft);
      }
      // names must be unique: a name two domains share gets its domain in front
      for (Draft d : out) {
        long same = out.stream().filter(o -> o.name.equals(d.name)).count();
        if (same > 1) {
          d.name = domains.get(d.domain) + "-" + d.name;
        }
      }
      // conditioning: project the domain's other named dials out of each
      List<float[]> raw = out.stream().map(d -> d.w).toList();
      for (int i = 0; i < out.size(); i++) {
        List<float[]> others = new ArrayList<>();
        for (int j = 0; j < out.size(); j++) {
          if (j != i && out.get(j).domain == out.get(i).domain) {
            others.add(raw.get(j));
          }
        }
        float[] conditioned = Linear.without(raw.get(i), others);
        if (Linear.norm(conditioned) >= 0.3) {
          out.get(i).w = Linear.unit(conditioned);
        } else {
          out.get(i).method = "InterFaceGAN: ridge regression of the attribute on w (too entangled with the other dials"
              + " to project them out)";
        }
      }
      return out;
    }

    /** Each attribute's standard deviation over the fitting creatures of its domain (all of them for presence). */
    void spreads(List<Samples> fitting) {
      for (int k = 0; k < spread.length; k++) {
        Attribute a = reader.attributes().get(k);
        int d = a.domain().equals(Attribute.PRESENCE) ? -1 : domainOf(a);
        List<Double> v = new ArrayList<>();
        for (Samples s : fitting) {
          if (d >= 0 && s.index() != d) {
            continue;
          }
          for (float[] row : s.attributes()) {
            v.add((double) row[k]);
          }
        }
        spread[k] = Math.max(1e-6, std(v));
      }
    }

    /** The ridge penalty that explains the held-out fifth best. */
    static double bestPenalty(List<float[]> x, List<Double> y) {
      double best = 1e-3;
      double bestFit = Double.NEGATIVE_INFINITY;
      for (double lambda : new double[] {1e-3, 1e-2, 0.1, 1, 10}) {
        double fit = heldOutFit(x, y, lambda);
        if (fit > bestFit) {
          bestFit = fit;
          best = lambda;
        }
      }
      return best;
    }

    /** R² on the last fifth of the samples of a regression fitted on the first four fifths. */
    static double heldOutFit(List<float[]> x, List<Double> y, double lambda) {
      int n = x.size();
      int cut = n * 4 / 5;
      float[][] xt = x.subList(0, cut).toArray(float[][]::new);
      double[] yt = y.subList(0, cut).stream().mapToDouble(Double::doubleValue).toArray();
      double[] beta = Linear.ridge(xt, yt, lambda);
      double[] mx = Linear.mean(xt);
      double my = Arrays.stream(yt).average().orElse(0);
      double se = 0;
      double ss = 0;
      double mv = y.subList(cut, n).stream().mapToDouble(Double::doubleValue).average().orElse(0);
      for (int i = cut; i < n; i++) {
        double p = my;
        for (int j = 0; j < beta.length; j++) {
          p += beta[j] * (x.get(i)[j] - mx[j]);
        }
        se += (p - y.get(i)) * (p - y.get(i));
        ss += (y.get(i) - mv) * (y.get(i) - mv);
      }
      return ss == 0 ? 0 : 1 - se / ss;
    }

    static double std(List<Double> y) {
      double m = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double v = y.stream().mapToDouble(d -> (d - m) * (d - m)).average().orElse(0);
      return Math.sqrt(v);
    }

    /** GANSpace (principal directions of w) and SeFa (of the style weights), numbered. */
    List<Draft> unnamed(List<Samples> fitting, int count) {
      List<float[]> found = new ArrayList<>();
      List<String> methods = new ArrayList<>();
      if (count == 0) {
        return List.of();
      }
      List<float[]> all = new ArrayList<>();
      fitting.forEach(s -> all.addAll(Arrays.asList(s.w())));
      List<float[][]> weights = gan.styleWeights();
      int fromPca = weights.isEmpty() ? count : (count + 1) / 2;
      float[][] pcs = Linear.topEigenvectors(Linear.covariance(all.toArray(float[][]::new)), count, seed);
      for (int i = 0; i < fromPca; i++) {
        found.add(pcs[i]);
        methods.add("GANSpace: principal direction " + (i + 1) + " of w");
      }
      if (!weights.isEmpty()) {
        int d = gan.styleSize();
        double[][] m = new double[d][d];
        for (float[][] a : weights) {
          double frob = 0;
          for (float[] row : a) {
            frob += Linear.dot(row, row);
          }
          for (float[] row : a) {
            for (int i = 0; i < d; i++) {
              for (int j = i; j < d; j++) {
                m[i][j] += row[i] * row[j] / frob;
              }
            }
          }
        }
        for (int i = 0; i < d; i++) {
          for (int j = 0; j < i; j++) {
            m[i][j] = m[j][i];
          }
        }
        float[][] sefa = Linear.topEigenvectors(m, 3 * count, seed + 1);
        for (int i = 0; i < sefa.length && found.size() < count; i++) {
          boolean fresh = true;
          for (float[] f : found) {
            fresh &= Math.abs(Linear.dot(f, sefa[i])) < 0.7;
          }
          if (fresh) {
            found.add(sefa[i]);
            methods.add("SeFa: closed-form direction " + (i + 1) + " of the style layers' weights");
          }
        }
      }
      for (int i = fromPca; i < count && found.size() < count; i++) {
        found.add(pcs[i]);
        methods.add("GANSpace: principal direction " + (i + 1) + " of w");
      }
      List<Draft> out = new ArrayList<>();
      for (int i = 0; i < found.size(); i++) {
        Draft d = new Draft();
        d.name = Integer.toString(i + 1);
        d.kind = "unsupervised";
        d.method = methods.get(i);
        d.w = found.get(i);
        out.add(d);
      }
      return out;
    }

    /** The z direction that moves w along the dial: the regression of w's coordinate along it on z. */
    void zDirection(Draft d, List<Samples> fitting) {
      List<float[]> z = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (Samples s : fitting) {
        if (d.domain >= 0 && s.index() != d.domain) {
          continue;
        }
        for (int i = 0; i < s.size(); i++) {
          z.add(s.z()[i]);
          y.add(Linear.dot(s.w()[i], d.w));
        }
      }
      d.z = Linear.unit(Linear.ridge(z.toArray(float[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray(), 0.01));
    }

    /** The calibration genomes of a dial: its domain's, or some of every domain's for an unnamed one. */
    List<Genome> calibrationGenomes(Draft d) {
      List<Genome> g = new ArrayList<>();
      for (int i = 0; i < CALIBRATION; i++) {
        int domain = d.domain >= 0 ? d.domain : i % domains.size();
        g.add(genome(domain, seedOf(2, domain, i)));
      }
      return g;
    }

    void calibrate(List<Draft> drafts) {
      Progress progress = new Progress("calibrating the dials", drafts.size());
      for (Draft d : drafts) {
        List<Genome> genomes = calibrationGenomes(d);
        Styles base = Genomes.styles(gan, genomes, psi);
        Image[] before = gan.synthesize(base);
        d.layers = all(gan.styleLayers());
        d.wStep = wStep(d, base, before, d.layers);
        if (!d.attribute.isEmpty()) {
          chooseBand(d, base, before);
        }
        Image[] plain = Genomes.render(gan, genomes, psi);
        d.zStep = solveStep(s -> {
          Image[] up = Genomes.render(gan, shifted(genomes, d.z, (float) s, d.layers), psi);
          Image[] down = Genomes.render(gan, shifted(genomes, d.z, (float) -s, d.layers), psi);
          return (difference(plain, up) + difference(plain, down)) / 2;
        }, 0.5);
        progress.step(1, d.name + " (" + d.band + ")");
      }
      progress.done();
    }

    double wStep(Draft d, Styles base, Image[] before, boolean[] layers) {
      return solveStep(s -> {
        Image[] up = gan.synthesize(shift(base, d.w, s, layers));
        Image[] down = gan.synthesize(shift(base, d.w, -s, layers));
        return (difference(before, up) + difference(before, down)) / 2;
      }, 1.0);
    }

    /**
     * The band of layers (coarse, middle, fine, or two neighbouring ones, or all) in which one unit
     * of the dial — the same change of the picture — changes its attribute most: there it moves its
     * attribute and little else (GANSpace's layer ranges, chosen by the attribute).
     */
    void chooseBand(Draft d, Styles base, Image[] before) {
      int layers = gan.styleLayers();
      if (layers < Bands.COUNT) {
        return;
      }
      int k = reader.index(d.attribute);
      int[][] bands = {{0, 1, 2}, {0}, {1}, {2}, {0, 1}, {1, 2}};
      String[] names = {"all layers", "coarse layers", "middle layers", "fine layers", "coarse and middle layers",
          "middle and fine layers"};
      double best = Double.NEGATIVE_INFINITY;
      for (int b = 0; b < bands.length; b++) {
        boolean[] mask = new boolean[layers];
        for (int l = 0; l < layers; l++) {
          for (int band : bands[b]) {
            mask[l] |= Bands.of(l, layers) == band;
          }
        }
        double step = b == 0 ? d.wStep : wStep(d, base, before, mask);
        float[][] up = reader.read(features.of(Arrays.asList(gan.synthesize(shift(base, d.w, step, mask)))));
        float[][] down = reader.read(features.of(Arrays.asList(gan.synthesize(shift(base, d.w, -step, mask)))));
        double score = score(d, k, up, down);
        if (b == 0 || score > best + 0.05) { // a band must do clearly better than all layers to be chosen
          best = score;
          d.layers = mask;
          d.wStep = step;
          d.band = names[b];
        }
      }
    }

    /**
     * How well a unit of the dial does: its own attribute's change (in standard deviations) less the
     * largest change of another attribute of its domain that the reader reads reliably.
     */
    double score(Draft d, int own, float[][] up, float[][] down) {
      double mine = 0;
      double worst = 0;
      for (int k = 0; k < spread.length; k++) {
        Attribute a = reader.attributes().get(k);
        boolean same = a.domain().equals(domains.get(d.domain)) || domains.size() == 1;
        if (k != own && (!same || !reader.reliable(k))) {
          continue;
        }
        double change = 0;
        for (int i = 0; i < up.length; i++) {
          change += (up[i][k] - down[i][k]) / 2;
        }
        change /= up.length * spread[k];
        if (k == own) {
          mine = change;
        } else {
          worst = Math.max(worst, Math.abs(change));
        }
      }
      return mine - worst;
    }

    static boolean[] all(int n) {
      boolean[] on = new boolean[n];
      Arrays.fill(on, true);
      return on;
    }

    interface Change {
      double at(double step);
    }

    /** The step at which the picture changes by {@link #levels}: a few secant steps from {@code start}. */
    double solveStep(Change change, double start) {
      double s = start;
      for (int i = 0; i < 6; i++) {
        double c = change.at(s);
        if (!(c > 1e-3)) {
          s *= 4;
          continue;
        }
        double ratio = levels / c;
        if (Math.abs(ratio - 1) < 0.04) {
          break;
        }
        s *= Math.max(0.2, Math.min(5, ratio));
      }
      return s;
    }

    /** The styles moved {@code by} along {@code direction} in the layers {@code on}. */
    static Styles shift(Styles s, float[] direction, double by, boolean[] on) {
      float[] out = s.data().clone();
      int dim = s.dim();
      for (int k = 0; k < out.length; k++) {
        if (on[(k / dim) % s.layers()]) {
          out[k] += (float) (by * direction[k % dim]);
        }
      }
      return new Styles(s.count(), s.layers(), dim, out);
    }

    /** The genomes moved {@code by} along {@code direction} in the layers {@code on}. */
    static List<Genome> shifted(List<Genome> genomes, float[] direction, float by, boolean[] on) {
      int size = direction.length;
      float[] offset = new float[on.length * size];
      for (int l = 0; l < on.length; l++) {
        for (int j = 0; on[l] && j < size; j++) {
          offset[l * size + j] = direction[j] * by;
        }
      }
      return genomes.stream().map(g -> g.shifted(offset)).toList();
    }

    /** Mean absolute difference of the pictures' channels, in levels of 255. */
    static double difference(Image[] a, Image[] b) {
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum += levelsApart(a[i], b[i]);
      }
      return sum / a.length;
    }

    static double levelsApart(Image a, Image b) {
      long sum = 0;
      int[] p = a.argb();
      int[] q = b.argb();
      for (int i = 0; i < p.length; i++) {
        for (int shift = 0; shift < 24; shift += 8) {
          sum += Math.abs((p[i] >> shift & 0xFF) - (q[i] >> shift & 0xFF));
        }
      }
      return sum / (3.0 * p.length);
    }

    /**
     * Each dial's effect on fresh creatures: its own attribute's mean change per unit and every other
     * attribute's (those the reader reads reliably), in standard deviations of each over the model's
     * creatures. Signed means: what the dial does to every creature alike, not the scatter of
     * single reads.
     */
    void measure(List<Draft> drafts, List<Samples> testing) {
      int total = 0;
      for (Draft d : drafts) {
        total += d.domain >= 0 ? testing.get(d.domain).size() : testing.stream().mapToInt(Samples::size).sum();
      }
      Progress progress = new Progress("measuring the dials", total);
      for (Draft d : drafts) {
        List<Samples> on = d.domain >= 0 ? List.of(testing.get(d.domain)) : testing;
        double[] delta = new double[spread.length];
        double[] absDelta = new double[spread.length];
        double faceAge = 0;
        double happy = 0;
        int faceReads = 0;
        int n = 0;
        for (Samples s : on) {
          for (int from = 0; from < s.size(); from += 50) {
            int count = Math.min(50, s.size() - from);
            List<Genome> genomes = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
              genomes.add(genome(s.index(), s.seeds()[i]));
            }
            Styles base = Genomes.styles(gan, genomes, psi);
            Image[] up = gan.synthesize(shift(base, d.w, d.wStep, d.layers));
            Image[] down = gan.synthesize(shift(base, d.w, -d.wStep, d.layers));
            float[][] a = reader.read(features.of(Arrays.asList(up)));
            float[][] b = reader.read(features.of(Arrays.asList(down)));
            for (int i = 0; i < count; i++) {
              for (int k = 0; k < spread.length; k++) {
                double change = (a[i][k] - b[i][k]) / 2 / spread[k];
                delta[k] += change;
                absDelta[k] += Math.abs(change);
              }
              if (s.index() == faceDomain && d.domain == faceDomain && from + i < FACE_API_TEST) {
                float[] fu = faceApi(up[i]);
                float[] fd = faceApi(down[i]);
                if (fu[0] > 0 && fd[0] > 0) {
                  faceAge += (fu[1] - fd[1]) / 2;
                  happy += (fu[2] - fd[2]) / 2;
                  faceReads++;
                }
              }
            }
            n += count;
            progress.step(count, d.name);
          }
        }
        JsonObject m = new JsonObject();
        m.addProperty("samples", n);
        int own = d.attribute.isEmpty() ? -1 : reader.index(d.attribute);
        if (own >= 0) {
          m.addProperty("own_per_unit", round(delta[own] / n));
        }
        JsonObject others = new JsonObject();
        double leak = 0;
        int counted = 0;
        String largest = "";
        double largestValue = -1;
        for (int k = 0; k < spread.length; k++) {
          Attribute attr = reader.attributes().get(k);
          boolean mine = d.domain < 0 || attr.domain().equals(domains.get(d.domain))
              || attr.domain().equals(Attribute.PRESENCE);
          if (k == own || !mine || !reader.reliable(k)) {
            continue;
          }
          double v = Math.abs(delta[k] / n); // systematic change: what every creature of the dial does
          others.addProperty(attr.id(), round(delta[k] / n));
          leak += v;
          counted++;
          if (v > largestValue) {
            largestValue = v;
            largest = attr.id();
          }
        }
        m.addProperty("others_mean_per_unit", round(counted == 0 ? 0 : leak / counted));
        m.addProperty("largest_other", largest);
        m.addProperty("largest_other_per_unit", round(largestValue));
        if (faceReads > 0) {
          m.addProperty("face_api_age_years_per_unit", round(faceAge / faceReads));
          m.addProperty("face_api_happy_per_unit", round(happy / faceReads));
          m.addProperty("face_api_reads", faceReads);
        }
        m.add("others", others);
        d.measured = m;
        if (d.kind.equals("unsupervised")) {
          d.description = "dial " + d.name + " (" + d.method.substring(0, d.method.indexOf(':')) + "): mostly "
              + largest + describeSecond(others, largest);
        }
      }
      progress.done();
    }

    private static String describeSecond(JsonObject others, String largest) {
      String second = "";
      double v = -1;
      for (Map.Entry<String, com.google.gson.JsonElement> e : others.entrySet()) {
        if (!e.getKey().equals(largest) && Math.abs(e.getValue().getAsDouble()) > v) {
          v = Math.abs(e.getValue().getAsDouble());
          second = e.getKey();
        }
      }
      return second.isEmpty() ? "" : ", then " + second;
    }

    static double round(double v) {
      return Math.round(v * 1000) / 1000.0;
    }

    JsonObject json(List<Draft> drafts, String[] args, int samples, int test, double seconds) {
      JsonObject o = new JsonObject();
      o.addProperty("kind", Dials.KIND);
      o.addProperty("version", Dials.VERSION);
      o.add(MadeFor.FIELD, MadeFor.of(gan).toJson());
      o.addProperty("style_layers", gan.styleLayers());
      o.addProperty("style_size", gan.styleSize());
      o.addProperty("latent_size", gan.latentSize());
      JsonArray range = new JsonArray();
      range.add(-3);
      range.add(3);
      o.add("range", range);
      o.addProperty("levels_per_unit", levels);
      o.addProperty("unit", "one unit of any dial changes a picture by " + levels + " levels of 255 on average over "
          + "its pixels (in w and in z alike)");
      JsonArray list = new JsonArray();
      for (Draft d : drafts) {
        JsonObject j = new JsonObject();
        j.addProperty("name", d.name);
        j.addProperty("kind", d.kind);
        if (!d.attribute.isEmpty()) {
          j.addProperty("attribute", d.attribute);
        }
        j.addProperty("domain", d.domain >= 0 ? domains.get(d.domain) : "all");
        j.addProperty("method", d.method);
        j.addProperty("description", d.description);
        if (!Double.isNaN(d.fit)) {
          j.addProperty("fit_r2", round(d.fit));
        }
        j.addProperty("w", Dials.encode(d.w));
        j.addProperty("w_step", (float) d.wStep);
        if (!Arrays.equals(d.layers, all(gan.styleLayers()))) {
          JsonArray layers = new JsonArray();
          for (int l = 0; l < d.layers.length; l++) {
            if (d.layers[l]) {
              layers.add(l);
            }
          }
          j.add("layers", layers);
          j.addProperty("band", d.band);
        }
        j.addProperty("z", Dials.encode(d.z));
        j.addProperty("z_step", (float) d.zStep);
        j.add("measured", d.measured);
        list.add(j);
      }
      o.add("dials", list);
      JsonObject p = new JsonObject();
      p.addProperty("command", "mvn -q -pl lib compile exec:java -Pdials -Dexec.args=\"" + String.join(" ", args) + "\"");
      p.addProperty("attribute_reader", reader.manifest().name() + " (" + Fingerprint.of(reader.manifest()) + ")");
      p.addProperty("samples_per_domain", samples);
      p.addProperty("test_per_domain", test);
      p.addProperty("psi", psi);
      p.addProperty("seed", seed);
      p.addProperty("date", LocalDate.now().toString());
      p.addProperty("wall_time_seconds", Math.round(seconds));
      o.add("provenance", p);
      return o;
    }
  }

  /** The dials' measured effects, as a Markdown table. */
  static String table(List<Draft> drafts, double levels) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%nOne unit of each dial = %.0f levels of 255 of change in the picture, on average."
        + " Attribute changes per unit in standard deviations of the attribute over the model's creatures.%n%n", levels));
    s.append("| dial | kind | attribute | layers | fit R² | own change per unit | others, mean change per unit | largest other"
        + " | face-api age, years per unit | face-api happy per unit | samples |\n");
    s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Draft d : drafts) {
      JsonObject m = d.measured;
      s.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.3f | %s %.3f | %s | %s | %d |%n", d.name,
          d.kind, d.attribute.isEmpty() ? d.method.substring(0, d.method.indexOf(':')) : d.attribute, d.band,
          Double.isNaN(d.fit) ? "" : String.format(Locale.ROOT, "%.2f", d.fit),
          m.has("own_per_unit") ? String.format(Locale.ROOT, "%+.3f", m.get("own_per_unit").getAsDouble()) : "",
          m.get("others_mean_per_unit").getAsDouble(), m.get("largest_other").getAsString(),
          m.get("largest_other_per_unit").getAsDouble(),
          m.has("face_api_age_years_per_unit") ? String.format(Locale.ROOT, "%+.2f", m.get("face_api_age_years_per_unit")
              .getAsDouble()) : "",
          m.has("face_api_happy_per_unit") ? String.format(Locale.ROOT, "%+.3f", m.get("face_api_happy_per_unit")
              .getAsDouble()) : "",
          m.get("samples").getAsInt()));
    }
    return s.toString();
  }

  /** For tests and tools: the Maker's picture difference. */
  static double levelsApart(Image a, Image b) {
    return Maker.levelsApart(a, b);
  }
}
