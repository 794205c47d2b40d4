package mishmash.evaluate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import mishmash.features.FeatureNet;
import mishmash.files.AtomicFile;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.latent.Latents;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.train.Progress;

/**
 * The evaluation command: scores generator folders against the specimen sets and prints one table.
 *
 * <pre>
 * mvn -q -pl lib compile exec:java -Pevaluate -Dexec.args="--models creatures,creatures-2"
 * </pre>
 *
 * For every domain of a model (faces, machines, cells) it draws {@code --samples} pictures of that
 * domain alone and compares them with as many specimens of it, in the features of a pretrained
 * network the training never sees (InceptionV3, {@code models/inception-v3}): KID, precision and
 * recall ({@link Metrics}), and variety as a share of the specimens' own. Then it draws as many
 * creatures as the archive grid makes them by default ({@link Genomes#fresh}, ψ {@code --psi}) and
 * reads each with a {@link DomainReader} trained on the specimens: how many read as two or more
 * domains at once, and how many as none; and as many even blends of the domains, from the same
 * seeds (how the first default model's grid drew every creature). Every model gets the same latents
 * and seeds.
 *
 * <p>The specimens' features and the reader are computed once and cached in {@code --cache}
 * (default data/evaluation), under names that change when the specimens do. A row
 * "specimens (held-out)" compares other specimens of each domain with the same reference: it is
 * what a perfect generator would score with this many pictures.
 */
public final class Evaluate {
  /** Fewest pictures per set for the metrics to mean anything (k-nearest-neighbour balls, KID). */
  static final int MIN_PICTURES = 10;
  static final String USAGE = String.join("\n",
      "usage: evaluate --models NAME[,NAME...] [options]",
      "  --models a,b            generator folders under models/ (or paths), scored side by side",
      "  --data DIR [DIR...]     specimen folders, one per domain, named like the model's domains",
      "                          (default: data/specimens/<domain> for each domain of the first model)",
      "  --samples 500           pictures per set (generated, and specimens as reference)",
      "  --seed 1                latents and creatures come from this seed, the same for every model",
      "  --psi 0.9               truncation of the grid's creatures (the archive grid's default)",
      "  --cache DIR             where specimen features and the domain reader are kept (data/evaluation)",
      "  --calibrate             add rows for blurred specimens and for noise (what bad looks like)",
      "  --out FILE              also write the table to FILE (Markdown)");

  /** One line of the table. NaN where a number does not apply. */
  public record Row(String model, String pictures, int n, double kid, double precision, double recall,
                    double variety, double asOwn, double twoOrMore, double none) {}

  /** The whole evaluation: its rows, how well the reader reads held-out specimens, the printed table. */
  public record Report(List<Row> rows, double readerAccuracy, String table) {}

  record Options(List<String> models, List<Path> data, int samples, long seed, float psi, Path cache, Path out,
                 boolean calibrate) {}

  private Evaluate() {}

  public static void main(String[] args) {
    try {
      Report r = run(args);
      System.out.print(r.table());
    } catch (IllegalArgumentException | ModelException | IOException e) {
      System.err.println("evaluate: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Runs the command; throws with a message that says what to fix. */
  public static Report run(String[] args) throws IOException {
    Options o = parse(args);
    List<Generator> gans = new ArrayList<>();
    try {
      for (String name : o.models()) {
        gans.add(Models.load(name));
      }
      return evaluate(o, gans);
    } finally {
      gans.forEach(Generator::close);
    }
  }

  private static Report evaluate(Options o, List<Generator> gans) throws IOException {
    List<String> domains = gans.get(0).domains();
    List<Path> folders = o.data();
    if (folders.isEmpty()) {
      if (domains.isEmpty()) {
        throw new IllegalArgumentException("model \"" + o.models().get(0) + "\" has no domains: name the specimen "
            + "folders it was trained on with --data DIR [DIR...]");
      }
      folders = domains.stream().map(d -> Paths.get("data", "specimens", d)).toList();
    }
    List<DataSet> sets = new ArrayList<>();
    for (Path f : folders) {
      sets.add(DataSet.open(f, o.samples()));
    }
    FeatureCache cache = new FeatureCache(o.cache());
    Random random = new Random(o.seed());
    try (FeatureNet net = FeatureNet.load("inception-v3", "embedding")) {
      Featurizer features = new Featurizer(net, cache, estimateWork(o, gans, sets, cache, net));
      List<float[][]> reference = new ArrayList<>();
      List<float[][]> heldOut = new ArrayList<>();
      for (DataSet s : sets) {
        reference.add(features.ofFiles(s.name() + " specimens", s.reference()));
        heldOut.add(features.ofFiles(s.name() + " held-out specimens", s.heldOut()));
      }
      DomainReader reader = features.reader(sets, reference, o.seed());
      double accuracy = readerAccuracy(reader, heldOut);
      float[][] pooledReference = pool(reference, o.samples());

      List<Row> rows = new ArrayList<>();
      for (int d = 0; d < sets.size(); d++) {
        rows.add(row("specimens (held-out)", sets.get(d).name(), reference.get(d), heldOut.get(d), reader, d));
      }
      if (o.calibrate()) {
        for (int d = 0; d < sets.size(); d++) {
          List<Image> pictures = DataSet.load(sets.get(d).heldOut());
          List<Image> blurred = pictures.stream().map(p -> Pictures.blur(p, p.width() / 48.0)).toList();
          rows.add(row("specimens blurred", sets.get(d).name(), reference.get(d),
              features.of(sets.get(d).name() + " blurred", blurred), reader, d));
        }
        List<Image> noise = new ArrayList<>();
        for (int i = 0; i < o.samples(); i++) {
          noise.add(Pictures.noise(128, 1 << random.nextInt(5), random));
        }
        rows.add(row("noise", "all", pooledReference, features.of("noise", noise), reader, POOLED));
      }
      for (int g = 0; g < gans.size(); g++) {
        Generator gan = gans.get(g);
        String model = o.models().get(g);
        for (int d = 0; d < sets.size(); d++) {
          int domain = gan.domains().indexOf(sets.get(d).name());
          if (domain < 0) {
            continue;
          }
          List<Image> pictures = pure(gan, domain, o.samples(), o.seed() * 7919 + d);
          rows.add(row(model, sets.get(d).name(), reference.get(d), features.of(model + " " + sets.get(d).name(),
              pictures), reader, d));
        }
        List<Image> creatures = gridCreatures(gan, o.samples(), o.seed(), o.psi());
        rows.add(row(model, "grid creatures", pooledReference, features.of(model + " grid creatures", creatures),
            reader, -1));
        if (gan.domains().size() > 1) {
          List<Image> blends = evenBlends(gan, o.samples(), o.seed(), o.psi());
          rows.add(row(model, "even blends", pooledReference, features.of(model + " even blends", blends), reader, -1));
        }
      }
      features.done();
      String table = table(rows, accuracy, o);
      if (o.out() != null) {
        AtomicFile.writeString(o.out(), table);
      }
      return new Report(rows, accuracy, table);
    }
  }

  /** Pictures of one domain alone, from fixed latents, ψ = 1. */
  static List<Image> pure(Generator gan, int domain, int n, long seed) {
    float[] mix = new float[gan.domains().size()];
    mix[domain] = 1;
    float[][] z = Latents.batch(seed, n, gan.latentSize());
    List<Image> out = new ArrayList<>();
    for (int from = 0; from < n; from += 50) {
      float[][] part = java.util.Arrays.copyOfRange(z, from, Math.min(n, from + 50));
      out.addAll(List.of(gan.synthesize(gan.map(part, mix, 1f))));
    }
    return out;
  }

  /** Even blends of every domain from the grid creatures' seeds: how the first default model's grid drew them. */
  static List<Image> evenBlends(Generator gan, int n, long seed, float psi) {
    Random random = new Random(seed * 104729 + 17);
    List<Image> out = new ArrayList<>();
    for (int from = 0; from < n; from += 50) {
      List<Genome> genomes = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + 50); i++) {
        genomes.add(Genome.fresh(random.nextLong() & Long.MAX_VALUE, Genomes.layers(gan), gan.latentSize()));
      }
      out.addAll(List.of(Genomes.render(gan, genomes, psi)));
    }
    return out;
  }

  /** Creatures as the archive grid makes a new one: a fresh genome from its seed. */
  static List<Image> gridCreatures(Generator gan, int n, long seed, float psi) {
    Random random = new Random(seed * 104729 + 17);
    List<Image> out = new ArrayList<>();
    for (int from = 0; from < n; from += 50) {
      List<Genome> genomes = new ArrayList<>();
      for (int i = from; i < Math.min(n, from + 50); i++) {
        genomes.add(Genomes.fresh(gan, random.nextLong() & Long.MAX_VALUE));
      }
      out.addAll(List.of(Genomes.render(gan, genomes, psi)));
    }
    return out;
  }

  /** For {@link #row}: compare with every domain's specimens together, and read no domain as "its own". */
  static final int POOLED = -2;

  private static Row row(String model, String pictures, float[][] reference, float[][] f, DomainReader reader,
                         int domain) {
    double kid = Double.NaN;
    double precision = Double.NaN;
    double recall = Double.NaN;
    if (domain >= 0 || domain == POOLED) {
      kid = Metrics.kid(reference, f);
      double[] pr = Metrics.precisionRecall(reference, f);
      precision = pr[0];
      recall = pr[1];
    }
    double variety = Metrics.variety(f) / Metrics.variety(reference);
    int own = 0;
    int two = 0;
    int none = 0;
    for (float[] x : f) {
      double[] p = reader.read(x);
      int seen = DomainReader.seen(p);
      two += seen >= 2 ? 1 : 0;
      none += seen == 0 ? 1 : 0;
      own += domain >= 0 && p[domain] >= DomainReader.THRESHOLD ? 1 : 0;
    }
    return new Row(model, pictures, f.length, kid, precision, recall, variety,
        domain >= 0 ? own / (double) f.length : Double.NaN, two / (double) f.length, none / (double) f.length);
  }

  /** Share of held-out specimens whose most likely domain, for the reader, is their own. */
  static double readerAccuracy(DomainReader reader, List<float[][]> heldOut) {
    int right = 0;
    int all = 0;
    for (int d = 0; d < heldOut.size(); d++) {
      for (float[] x : heldOut.get(d)) {
        double[] p = reader.read(x);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
          best = p[k] > p[best] ? k : best;
        }
        right += best == d ? 1 : 0;
        all++;
      }
    }
    return right / (double) all;
  }

  /** An equal share of every domain's reference, n in all: what "the specimens" are for a creature of any kind. */
  private static float[][] pool(List<float[][]> sets, int n) {
    List<float[]> out = new ArrayList<>();
    int per = Math.max(1, n / sets.size());
    for (float[][] s : sets) {
      for (int i = 0; i < Math.min(per, s.length); i++) {
        out.add(s[i]);
      }
    }
    return out.toArray(new float[0][]);
  }

  static String table(List<Row> rows, double accuracy, Options o) {
    StringBuilder t = new StringBuilder();
    t.append("| model | pictures | n | KID ×10³ | precision | recall | variety | read as its domain | as two or more "
        + "domains | as none |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      t.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |%n", r.model(),
          r.pictures(), r.n(), number(r.kid() * 1000, 2), number(r.precision(), 3), number(r.recall(), 3),
          number(r.variety(), 2), percent(r.asOwn()), percent(r.twoOrMore()), percent(r.none())));
    }
    t.append(String.format(Locale.ROOT, "%nFeatures: InceptionV3 mixed10, pooled (2,048 a picture). Precision and recall "
        + "with k = %d. Variety: mean feature distance between two pictures, as a share of the specimens'. A domain is "
        + "read as present at p >= %.2f; for %.1f%% of held-out specimens the reader's likeliest domain is their own. "
        + "Seed %d, grid creatures at psi %.2f.%n", Metrics.K, DomainReader.THRESHOLD, 100 * accuracy, o.seed(),
        o.psi()));
    return t.toString();
  }

  private static String number(double v, int decimals) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  private static long estimateWork(Options o, List<Generator> gans, List<DataSet> sets, FeatureCache cache,
                                   FeatureNet net) {
    long work = 0;
    for (Generator g : gans) {
      work += (long) (sets.size() + (g.domains().size() > 1 ? 2 : 1)) * o.samples();
    }
    for (DataSet s : sets) {
      work += cache.features(Featurizer.key(net, s.name() + " specimens", s.reference())) == null ? s.reference().size() : 0;
      work += cache.features(Featurizer.key(net, s.name() + " held-out specimens", s.heldOut())) == null
          ? s.heldOut().size() : 0;
    }
    if (o.calibrate()) {
      work += (long) (sets.size() + 1) * o.samples();
    }
    boolean reader = cache.reader(Featurizer.readerKey(net, sets, o.seed())) != null;
    return work + (reader ? 0 : Featurizer.readerExamples(sets.size(), o.samples()));
  }

  static Options parse(String[] args) {
    List<String> models = new ArrayList<>();
    List<Path> data = new ArrayList<>();
    int samples = 500;
    long seed = 1;
    float psi = 0.9f;
    Path cache = Paths.get("data", "evaluation");
    Path out = null;
    boolean calibrate = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--models" -> {
          for (String m : value(args, ++i, a).split(",")) {
            if (!m.isBlank()) {
              models.add(m.trim());
            }
          }
        }
        case "--data" -> {
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            data.add(Paths.get(args[++i]));
          }
          if (data.isEmpty()) {
            throw new IllegalArgumentException("--data needs at least one folder");
          }
        }
        case "--samples" -> samples = (int) number(value(args, ++i, a), a, MIN_PICTURES, 100_000);
        case "--seed" -> seed = number(value(args, ++i, a), a, Long.MIN_VALUE, Long.MAX_VALUE);
        case "--psi" -> {
          String v = value(args, ++i, a);
          try {
            psi = Float.parseFloat(v);
          } catch (NumberFormatException e) {
            psi = Float.NaN;
          }
          if (!(psi >= 0 && psi <= 2)) {
            throw new IllegalArgumentException("--psi must be a number from 0 to 2, not " + v);
          }
        }
        case "--cache" -> cache = Paths.get(value(args, ++i, a));
        case "--out" -> out = Paths.get(value(args, ++i, a));
        case "--calibrate" -> calibrate = true;
        case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
        default -> throw new IllegalArgumentException("unknown option \"" + a + "\"\n" + USAGE);
      }
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException("--models is missing: name one or more generator folders, such as "
          + "--models creatures\n" + USAGE);
    }
    return new Options(List.copyOf(models), List.copyOf(data), samples, seed, psi, cache, out, calibrate);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static long number(String text, String option, long min, long max) {
    long v;
    try {
      v = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, not \"" + text + "\"");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ", not " + v
          + (option.equals("--samples") ? " (the metrics need at least " + MIN_PICTURES + " pictures a set)" : ""));
    }
    return v;
  }

  /** One specimen folder: its picture files in name order, split into a reference half and a held-out half. */
  record DataSet(Path folder, String name, List<Path> reference, List<Path> heldOut) {
    static final java.util.Set<String> EXTENSIONS = java.util.Set.of("png", "jpg", "jpeg", "gif", "bmp");

    static DataSet open(Path folder, int samples) {
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("specimen folder " + folder.toAbsolutePath() + " does not exist. Draw the "
            + "specimens first: mvn -q compile exec:java -Dsketch=Specimens -Dargs=\"--out data/specimens --count 3000 "
            + "--size 128\", or name the folders with --data.");
      }
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.filter(Files::isRegularFile).filter(f -> EXTENSIONS.contains(extension(f))).sorted().toList();
      } catch (IOException e) {
        throw new IllegalArgumentException("specimen folder " + folder + " cannot be listed (" + e.getMessage() + ")");
      }
      int per = Math.min(samples, files.size() / 2);
      if (per < MIN_PICTURES) {
        throw new IllegalArgumentException("specimen folder " + folder + " has " + files.size() + " pictures; the "
            + "evaluation needs at least " + 2 * MIN_PICTURES + " (half as reference, half held out). Draw more "
            + "specimens (--count) or point --data at a larger folder.");
      }
      String name = folder.toAbsolutePath().normalize().getFileName().toString();
      return new DataSet(folder, name, files.subList(0, per), files.subList(per, 2 * per));
    }

    private static String extension(Path f) {
      String n = f.getFileName().toString();
      int dot = n.lastIndexOf('.');
      return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The pictures of these files; one that cannot be read is named in the message. */
    static List<Image> load(List<Path> files) {
      List<Image> out = new ArrayList<>();
      for (Path f : files) {
        try {
          BufferedImage b = ImageIO.read(f.toFile());
          if (b == null) {
            throw new IllegalArgumentException("specimen " + f + " cannot be decoded as a picture; delete it or draw "
                + "the set again");
          }
          out.add(Image.of(b));
        } catch (IOException e) {
          throw new IllegalArgumentException("specimen " + f + " cannot be read (" + e.getMessage() + ")");
        }
      }
      return out;
    }
  }

  /** Features of pictures, with progress, cached where the pictures are specimens. */
  static final class Featurizer {
    static final int BATCH = 16;
    private final FeatureNet net;
    private final FeatureCache cache;
    private final Progress progress;

    Featurizer(FeatureNet net, FeatureCache cache, long work) {
      this.net = net;
      this.cache = cache;
      this.progress = new Progress("evaluating", work);
    }

    float[][] of(String what, List<Image> pictures) {
      float[][] out = new float[pictures.size()][];
      for (int from = 0; from < pictures.size(); from += BATCH) {
        int to = Math.min(pictures.size(), from + BATCH);
        float[][] part = net.embed(pictures.subList(from, to), BATCH);
        System.arraycopy(part, 0, out, from, part.length);
        progress.step(part.length, what);
      }
      return out;
    }

    float[][] ofFiles(String what, List<Path> files) throws IOException {
      String key = key(net, what, files);
      float[][] cached = cache.features(key);
      if (cached != null && cached.length == files.size()) {
        return cached;
      }
      float[][] f = new float[files.size()][];
      for (int from = 0; from < files.size(); from += 64) {
        List<Path> part = files.subList(from, Math.min(files.size(), from + 64));
        float[][] done = of(what, DataSet.load(part));
        System.arraycopy(done, 0, f, from, done.length);
      }
      cache.putFeatures(key, f);
      return f;
    }

    /** How many pictures the reader's examples add: cross-fades and pictures of nothing. */
    static int readerExamples(int domains, int samples) {
      return domains < 2 ? 0 : samples + samples / 2;
    }

    /**
     * The domain reader for these sets, trained on the reference specimens, cross-fades between
     * them and pictures of nothing (cached by the reference's files).
     */
    DomainReader reader(List<DataSet> sets, List<float[][]> reference, long seed) throws IOException {
      String key = readerKey(net, sets, seed);
      DomainReader cached = cache.reader(key);
      if (cached != null && cached.domains() == sets.size()) {
        return cached;
      }
      int k = sets.size();
      int n = reference.get(0).length;
      Random random = new Random(seed);
      List<DomainReader.Example> examples = new ArrayList<>();
      for (int d = 0; d < k; d++) {
        float[] present = new float[k];
        present[d] = 1;
        for (float[] f : reference.get(d)) {
          examples.add(new DomainReader.Example(f, present));
        }
      }
      if (k >= 2) {
        List<Image> fades = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          int a = random.nextInt(k);
          int b = (a + 1 + random.nextInt(k - 1)) % k;
          Image pa = DataSet.load(List.of(sets.get(a).reference().get(random.nextInt(n)))).get(0);
          Image pb = DataSet.load(List.of(sets.get(b).reference().get(random.nextInt(n)))).get(0);
          if (pa.width() != pb.width() || pa.height() != pb.height()) {
            pb = mishmash.model.Resize.to(pb, pa.width(), pa.height());
          }
          fades.add(Pictures.crossFade(pa, pb, 0.35 + 0.3 * random.nextDouble()));
          float[] present = new float[k];
          present[a] = 1;
          present[b] = 1;
          labels.add(present);
        }
        float[][] f = of("cross-fades for the domain reader", fades);
        for (int i = 0; i < f.length; i++) {
          examples.add(new DomainReader.Example(f[i], labels.get(i)));
        }
        List<Image> nothing = new ArrayList<>();
        for (int i = 0; i < n / 2; i++) {
          if (i % 2 == 0) {
            int d = random.nextInt(k);
            Image p = DataSet.load(List.of(sets.get(d).reference().get(random.nextInt(n)))).get(0);
            nothing.add(Pictures.blur(p, p.width() / 16.0));
          } else {
            nothing.add(Pictures.noise(128, 1 << random.nextInt(6), random));
          }
        }
        for (float[] x : of("pictures of nothing for the domain reader", nothing)) {
          examples.add(new DomainReader.Example(x, new float[k]));
        }
      }
      DomainReader reader = DomainReader.train(examples, k, seed);
      cache.putReader(key, reader);
      return reader;
    }

    static String readerKey(FeatureNet net, List<DataSet> sets, long seed) {
      List<Path> all = new ArrayList<>();
      sets.forEach(s -> all.addAll(s.reference()));
      return key(net, "domain reader " + seed, all);
    }

    void done() {
      progress.done();
    }

    static String key(FeatureNet net, String what, List<Path> files) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((net.manifest().name() + net.layers() + net.inputSize() + what).getBytes());
        for (Path f : files) {
          sha.update(f.getFileName().toString().getBytes());
          sha.update(Files.readAllBytes(f));
        }
        return FeatureCache.name(what.replaceAll("[^A-Za-z0-9]+", "-"), sha.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new IllegalArgumentException("specimen cannot be read (" + e.getMessage() + ")");
      }
    }
  }
}
