package mishmash.dials;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import mishmash.features.PictureFeatures;
import mishmash.files.AtomicFile;
import mishmash.mlp.Args;
import mishmash.mlp.Mlp;
import mishmash.mlp.MlpTrainer;
import mishmash.mlp.Resumable;
import mishmash.mlp.Rows;
import mishmash.model.Image;
import mishmash.model.Manifest;
import mishmash.model.NativeTuning;
import mishmash.model.Resize;

/**
 * The attribute reader's training command: learns from the specimens and the parameters they were
 * drawn from ({@code attributes.jsonl} beside each folder's pictures) to read those parameters back
 * from a picture.
 *
 * <pre>
 * mvn -q -pl lib compile exec:java -Pattributes                       data/specimens → models/specimen-attributes
 * mvn -q -pl lib compile exec:java -Pattributes -Dexec.args="--data my/faces my/machines --out models/my-attributes"
 * </pre>
 *
 * Every numeric attribute that at least 80% of a folder's pictures have is learned (yes/no ones as a
 * probability, counts with a long tail as log(1 + n)), and for every domain whether a picture shows
 * it. Each specimen is seen twice: as drawn, and softened (shrunk to half and back), because the
 * generator's creatures it will read are softer than the specimens. A tenth of each folder is held
 * out and scored at the end (R² for numbers, accuracy for yes/no), and the table goes into model.json.
 * Features are kept in {@code --cache} and the training checkpoints there, so a stopped run resumes.
 */
public final class TrainAttributes {
  static final String USAGE = String.join("\n",
      "usage: attributes [options]",
      "  --data DIR...           specimen folders, one per domain, each with attributes.jsonl (default: the",
      "                          folders under data/specimens)",
      "  --out DIR               the model folder to write (models/specimen-attributes)",
      "  --cache DIR             where features and the checkpoint are kept (data/attributes)",
      "  --steps N               training steps (4000)",
      "  --hidden N              units of the hidden layer (256)",
      "  --seed N                random seed (1)",
      "  --license TEXT          the license of the specimens, recorded in model.json (CC0-1.0)");
  /** Least share of a folder's pictures that must have an attribute for it to be learned. */
  static final double COVERAGE = 0.8;
  static final double HELD_OUT = 0.1;
  static final int CHUNK = 200;

  private TrainAttributes() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("attributes: " + e.getMessage());
      System.exit(2);
    }
  }

  /** One specimen folder: its domain (the folder's name), its pictures and their attributes. */
  record Folder(Path path, String domain, List<String> files, List<JsonObject> values) {}

  public static Path run(String[] args) throws IOException {
    long began = System.nanoTime();
    Args a = Args.parse(args, USAGE);
    List<Path> dirs = new ArrayList<>();
    a.strings("--data").forEach(s -> dirs.add(Paths.get(s)));
    if (dirs.isEmpty()) {
      Path root = Paths.get("data", "specimens");
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("no --data given and " + root + " does not exist: draw the specimens first "
            + "(mvn -q compile exec:java -Dsketch=Specimens -Dargs=\"--out data/specimens --count 3000 --size 128\")");
      }
      try (var s = Files.list(root)) {
        s.filter(Files::isDirectory).sorted().forEach(dirs::add);
      }
    }
    Path out = Paths.get(a.string("--out", "models/" + AttributeReader.DEFAULT));
    Path cache = Paths.get(a.string("--cache", "data/attributes"));
    int steps = a.integer("--steps", 4000, 1);
    int hidden = a.integer("--hidden", 256, 1);
    long seed = a.longValue("--seed", 1);
    String license = a.string("--license", "CC0-1.0");
    NativeTuning.apply();

    List<Folder> folders = new ArrayList<>();
    for (Path d : dirs) {
      folders.add(read(d));
    }
    List<Attribute> attributes = columns(folders);
    System.err.println("attributes: learning " + attributes.size() + " outputs from " + folders.stream()
        .mapToInt(f -> f.files().size()).sum() + " specimens in " + folders.size() + " folders");

    // rows: every specimen as drawn and softened, folder by folder
    List<Path> pictures = new ArrayList<>();
    List<float[]> targets = new ArrayList<>();
    List<float[]> masks = new ArrayList<>();
    List<Boolean> heldOut = new ArrayList<>();
    for (Folder f : folders) {
      int n = f.files().size();
      for (int i = 0; i < n; i++) {
        float[][] tm = target(f, f.values().get(i), attributes);
        for (int copy = 0; copy < 2; copy++) {
          pictures.add(f.path().resolve(f.files().get(i)));
          targets.add(tm[0]);
          masks.add(tm[1]);
          heldOut.add(i >= n - Math.max(1, (int) Math.round(n * HELD_OUT)));
        }
      }
    }
    float[][] x;
    try (PictureFeatures features = PictureFeatures.load()) {
      x = Rows.get(cache, "attributes " + PictureFeatures.SIZE + " " + digest(folders), pictures.size(), CHUNK,
          "features of the specimens", (from, count) -> {
            List<Image> batch = new ArrayList<>();
            for (int r = from; r < from + count; r++) {
              Image img = load(pictures.get(r));
              batch.add(r % 2 == 0 ? img : soften(img));
            }
            return features.of(batch);
          });
    }
    MlpTrainer.Data train = subset(x, targets, masks, heldOut, false);
    MlpTrainer.Data test = subset(x, targets, masks, heldOut, true);
    boolean[] binary = new boolean[attributes.size()];
    for (int k = 0; k < binary.length; k++) {
      binary[k] = attributes.get(k).binary();
    }
    ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) seed);
    try (Mlp net = Mlp.create(new Mlp.Layout(PictureFeatures.SIZE, new int[] {hidden}, attributes.size(), binary))) {
      MlpTrainer trainer = new MlpTrainer(net, train, new MlpTrainer.Settings(1e-3f, 2e-4f, 128));
      String key = "attributes " + digest(folders) + " " + steps + " " + hidden + " " + seed;
      Resumable.train(cache.resolve("checkpoint.bin"), key, trainer, steps, seed, "training the attribute reader");
      Map<String, JsonObject> scores = score(net, test, attributes, heldOut);
      write(out, net, attributes, folders, scores, args, seed, steps, license, (System.nanoTime() - began) / 1e9);
      System.out.print(table(attributes, scores));
      System.out.println("attribute reader in " + out);
      return out;
    }
  }

  /** Reads a folder's attributes.jsonl; its pictures are the lines whose file exists. */
  static Folder read(Path dir) throws IOException {
    Path file = dir.resolve("attributes.jsonl");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + " is not a folder: name specimen folders with --data");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(dir + " has no attributes.jsonl, the parameters each picture was drawn from. "
          + "Draw the specimens with Mishmash's Specimens sketch, which writes it (see the README, \"The specimens\").");
    }
    List<String> files = new ArrayList<>();
    List<JsonObject> values = new ArrayList<>();
    int line = 0;
    int missing = 0;
    for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line++;
      if (text.isBlank()) {
        continue;
      }
      JsonObject o;
      try {
        o = JsonParser.parseString(text).getAsJsonObject();
      } catch (RuntimeException e) {
        System.err.println("attributes: " + file + " line " + line + " is not a JSON object; skipped");
        continue;
      }
      if (!o.has("file") || !Files.isRegularFile(dir.resolve(o.get("file").getAsString()))) {
        missing++;
        continue;
      }
      files.add(o.get("file").getAsString());
      values.add(o);
    }
    if (missing > 0) {
      System.err.println("attributes: " + dir + ": " + missing + " lines name no picture in the folder; skipped");
    }
    if (files.size() < 20) {
      throw new IllegalArgumentException(dir + " has " + files.size() + " pictures with attributes; at least 20 are "
          + "needed (draw more specimens)");
    }
    return new Folder(dir, dir.getFileName().toString(), files, values);
  }

  /** The attributes to learn: presence of each domain, then each folder's numeric attributes. */
  static List<Attribute> columns(List<Folder> folders) {
    List<Attribute> out = new ArrayList<>();
    for (Folder f : folders) {
      out.add(new Attribute(Attribute.PRESENCE, f.domain(), true, false));
    }
    for (Folder f : folders) {
      Map<String, List<Double>> seen = new LinkedHashMap<>();
      for (JsonObject o : f.values()) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
          if (e.getKey().equals("file") || e.getKey().equals("seed") || !e.getValue().isJsonPrimitive()
              || !e.getValue().getAsJsonPrimitive().isNumber()) {
            continue;
          }
          seen.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue().getAsDouble());
        }
      }
      for (Map.Entry<String, List<Double>> e : seen.entrySet()) {
        List<Double> v = e.getValue();
        if (v.size() < COVERAGE * f.values().size()) {
          continue;
        }
        boolean binary = v.stream().allMatch(d -> d == 0 || d == 1);
        boolean whole = v.stream().allMatch(d -> d >= 0 && d == Math.rint(d));
        double max = v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        out.add(new Attribute(f.domain(), e.getKey(), binary, !binary && whole && max > 20));
      }
    }
    return out;
  }

  /** A specimen's targets and their mask: its own domain's attributes count, the others' do not. */
  static float[][] target(Folder f, JsonObject values, List<Attribute> attributes) {
    float[] y = new float[attributes.size()];
    float[] m = new float[attributes.size()];
    for (int k = 0; k < y.length; k++) {
      Attribute a = attributes.get(k);
      if (a.domain().equals(Attribute.PRESENCE)) {
        y[k] = a.name().equals(f.domain()) ? 1 : 0;
        m[k] = 1;
      } else if (a.domain().equals(f.domain()) && values.has(a.name())) {
        double v = values.get(a.name()).getAsDouble();
        y[k] = (float) (a.log() ? Math.log1p(v) : v);
        m[k] = 1;
      }
    }
    return new float[][] {y, m};
  }

  static Image load(Path file) {
    try {
      BufferedImage b = ImageIO.read(file.toFile());
      if (b == null) {
        throw new IllegalArgumentException(file + " is not a picture ImageIO can read");
      }
      return Image.of(b);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** Shrunk to half its side and back: as soft as the generator's pictures. */
  static Image soften(Image img) {
    return Resize.to(Resize.to(img, Math.max(1, img.width() / 2), Math.max(1, img.height() / 2)), img.width(),
        img.height());
  }

  /** What the rows are made from: every folder's attributes.jsonl, byte for byte. */
  static String digest(List<Folder> folders) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Folder f : folders) {
        sha.update(f.domain().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f.path().resolve("attributes.jsonl")));
        sha.update(String.join(",", f.files()).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static MlpTrainer.Data subset(float[][] x, List<float[]> y, List<float[]> m, List<Boolean> heldOut, boolean test) {
    List<float[]> xs = new ArrayList<>();
    List<float[]> ys = new ArrayList<>();
    List<float[]> ms = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (heldOut.get(i) == test) {
        xs.add(x[i]);
        ys.add(y.get(i));
        ms.add(m.get(i));
      }
    }
    return new MlpTrainer.Data(xs.toArray(float[][]::new), ys.toArray(float[][]::new), ms.toArray(float[][]::new));
  }

  /** Held-out scores per attribute: R² for numbers, accuracy for yes/no; as drawn and softened apart. */
  static Map<String, JsonObject> score(Mlp net, MlpTrainer.Data test, List<Attribute> attributes, List<Boolean> heldOut) {
    float[][] p = net.predict(test.x());
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (int k = 0; k < attributes.size(); k++) {
      JsonObject o = new JsonObject();
      for (int version = 0; version < 2; version++) {
        double sum = 0;
        double sq = 0;
        double err = 0;
        int n = 0;
        int right = 0;
        for (int i = version; i < test.size(); i += 2) { // rows come in pairs: as drawn, softened
          if (test.mask()[i][k] == 0) {
            continue;
          }
          double y = test.y()[i][k];
          n++;
          sum += y;
          sq += y * y;
          err += (p[i][k] - y) * (p[i][k] - y);
          right += (p[i][k] >= 0.5) == (y >= 0.5) ? 1 : 0;
        }
        double var = n == 0 ? 0 : sq / n - (sum / n) * (sum / n);
        double value = attributes.get(k).binary() ? (double) right / Math.max(1, n) : 1 - err / n / Math.max(var, 1e-12);
        o.addProperty(version == 0 ? "drawn" : "softened", Math.round(value * 1000) / 1000.0);
        o.addProperty("n", n);
      }
      out.put(attributes.get(k).id(), o);
    }
    return out;
  }

  static String table(List<Attribute> attributes, Map<String, JsonObject> scores) {
    StringBuilder s = new StringBuilder("| attribute | measure | held-out, as drawn | held-out, softened | n |\n|---|---|---|---|---|\n");
    for (Attribute a : attributes) {
      JsonObject o = scores.get(a.id());
      s.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %d |%n", a.id(), a.binary() ? "accuracy" : "R²",
          o.get("drawn").getAsDouble(), o.get("softened").getAsDouble(), o.get("n").getAsInt()));
    }
    return s.toString();
  }

  private static void write(Path out, Mlp net, List<Attribute> attributes, List<Folder> folders,
                            Map<String, JsonObject> scores, String[] args, long seed, int steps, String license,
                            double seconds) throws IOException {
    Files.createDirectories(out);
    String weights = "attributes.params";
    AtomicFile.write(out.resolve(weights), stream -> {
      DataOutputStream data = new DataOutputStream(new BufferedOutputStream(stream));
      net.write(data);
      data.flush();
    });
    JsonObject m = new JsonObject();
    m.addProperty("name", out.getFileName().toString());
    m.addProperty("kind", AttributeReader.KIND);
    m.addProperty("format", "djl");
    m.addProperty("description", "Reads the specimens' attributes (a face's age, smile, head turn, glasses; a "
        + "machine's gears and parts; a culture's density) and which domain a picture shows, from its PictureFeatures "
        + "(MobileNetV2). Used to fit the semantic dials.");
    JsonObject files = new JsonObject();
    files.addProperty("weights", weights);
    m.add("files", files);
    JsonObject arch = new JsonObject();
    arch.addProperty("type", "mlp");
    arch.addProperty("features", "mishmash.features.PictureFeatures: MobileNetV2 taps at 128x128 (models/mobilenet-v2)");
    arch.addProperty("feature_size", PictureFeatures.SIZE);
    arch.addProperty("hidden", net.layout().hidden()[0]);
    arch.add("attributes", AttributeReader.toJson(attributes));
    m.add("architecture", arch);
    JsonObject p = new JsonObject();
    p.addProperty("command", "mvn -q -pl lib compile exec:java -Pattributes -Dexec.args=\"" + String.join(" ", args) + "\"");
    com.google.gson.JsonArray data = new com.google.gson.JsonArray();
    for (Folder f : folders) {
      JsonObject d = new JsonObject();
      d.addProperty("folder", f.path().toString());
      d.addProperty("pictures", f.files().size());
      data.add(d);
    }
    p.add("data", data);
    p.addProperty("seed", seed);
    p.addProperty("steps", steps);
    p.addProperty("weights", net.weights());
    p.addProperty("wall_time_seconds", Math.round(seconds));
    JsonObject held = new JsonObject();
    scores.forEach(held::add);
    p.add("held_out", held);
    p.addProperty("license", license);
    m.add("provenance", p);
    AtomicFile.writeString(out.resolve(Manifest.FILE_NAME), new GsonBuilder().setPrettyPrinting().create().toJson(m) + "\n");
  }
}
