package mishmash.invert;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import mishmash.face.Face;
import mishmash.features.PictureFeatures;
import mishmash.mlp.Mlp;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.MadeFor;
import mishmash.model.Manifest;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.Pixels;
import mishmash.model.Resize;
import mishmash.model.Styles;

/**
 * The way back from a picture to the latent space of one generator: given a picture, the styles
 * (w per layer) from which the generator would draw something like it. Made by
 * {@link TrainInverter} for one generator from that generator's own samples, kept in a model folder
 * of {@code "kind": "encoder"} ({@code models/<model>-inverter}) whose model.json names the
 * generator by name and fingerprint: beside any other generator it is refused.
 *
 * <p>Two paths:
 * <ul>
 *   <li>the <b>picture path</b>, {@link #fromPicture}: the picture's {@link PictureFeatures} →
 *       a network → w. For a creature it finds the creature again;</li>
 *   <li>the <b>face path</b>, {@link #fromFace}: a face's {@link FaceFeatures} (landmarks,
 *       expression, age, gender, colours at the landmarks) → a network → w. A real face looks nothing
 *       like a creature, but its landmarks say how it is turned and how it smiles, and the creature it
 *       lands on has that pose and expression. Present when the generator draws faces the face
 *       detector finds.</li>
 * </ul>
 * {@link #refine} then moves a result closer to a picture by a short optimisation through the
 * generator (the mirror's still mode), within a time limit.
 *
 * <p>Each network gives one w per band of layers (coarse, middle, fine), the shape of the
 * creatures it learned from; {@link Styles} has them repeated over each band's layers. Thread-safe.
 */
public final class Inverter implements AutoCloseable {
  public static final String KIND = "encoder";
  static final String TYPE = "inverter";
  static final int VERSION = 1;

  /**
   * Where a face sits in the generator's face pictures, as fractions of the picture: the centre of
   * the box around its landmarks (padded by 20%) and that box's larger side. The mirror cuts the
   * viewer's face out of a camera frame to sit the same way.
   */
  public record FaceFrame(float centreX, float centreY, float side) {}

  private final Manifest manifest;
  private final MadeFor madeFor;
  private final int layers;
  private final int dim;
  private final int[] groupOf;
  private final int groups;
  private final Mlp picture;
  private final Mlp face;
  private final FaceFrame faceFrame;
  private final JsonObject json;
  private PictureFeatures features;

  private Inverter(Manifest manifest, MadeFor madeFor, int layers, int dim, int[] groupOf, Mlp picture, Mlp face,
                   FaceFrame faceFrame, JsonObject json) {
    this.manifest = manifest;
    this.madeFor = madeFor;
    this.layers = layers;
    this.dim = dim;
    this.groupOf = groupOf;
    int g = 0;
    for (int v : groupOf) {
      g = Math.max(g, v + 1);
    }
    this.groups = g;
    this.picture = picture;
    this.face = face;
    this.faceFrame = faceFrame;
    this.json = json;
  }

  /** The folder the inverter of a generator is made in and looked for: {@code models/<model>-inverter}. */
  public static Path folderFor(Manifest generator) {
    return Models.directory().resolve(generator.folder().getFileName() + "-inverter");
  }

  /** The command that makes the inverter of a model, for messages. */
  public static String remake(String model) {
    return "mvn -q -pl lib compile exec:java -Pinvert -Dexec.args=\"--model " + model + "\"";
  }

  /** The inverter made for {@code gan}, from {@link #folderFor}. */
  public static Inverter load(Generator gan) {
    Path folder = folderFor(gan.manifest());
    if (!Files.isDirectory(folder)) {
      throw new ModelException(folder, "no inverter for model \"" + gan.manifest().name() + "\" yet. Make it with "
          + remake(gan.manifest().folder().getFileName().toString()) + " (minutes on a laptop).");
    }
    return load(folder, gan);
  }

  /**
   * Loads an inverter folder and checks that it was made for {@code gan}.
   *
   * @throws ModelException naming the file and saying what to do
   */
  public static Inverter load(Path folder, Generator gan) {
    Manifest m = Manifest.read(folder);
    Path file = folder.resolve(Manifest.FILE_NAME);
    String remake = remake(gan.manifest().folder().getFileName().toString());
    if (m.kind() != Manifest.Kind.ENCODER) {
      throw new ModelException(file, "says \"kind\": \"" + m.kind().label() + "\": it is not an inverter (\"kind\": \""
          + KIND + "\"). The inverter of model \"" + gan.manifest().name() + "\" is made with " + remake);
    }
    JsonObject json;
    try {
      json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (IOException | RuntimeException e) {
      throw new ModelException(file, "cannot be read (" + e.getMessage() + ").", e);
    }
    MadeFor made = MadeFor.read(json, file, remake);
    made.check(gan, file, "the inverter", remake);
    JsonObject arch = m.architecture();
    int layers;
    int dim;
    int[] groupOf;
    FaceFrame frame = null;
    try {
      if (!TYPE.equals(arch.get("type").getAsString()) || arch.get("version").getAsInt() != VERSION) {
        throw new ModelException(file, "is not an inverter of this Mishmash's kind (architecture type \"" + TYPE
            + "\", version " + VERSION + "). Make it again: " + remake);
      }
      layers = arch.get("style_layers").getAsInt();
      dim = arch.get("style_size").getAsInt();
      JsonArray g = arch.getAsJsonArray("groups");
      groupOf = new int[g.size()];
      for (int i = 0; i < groupOf.length; i++) {
        groupOf[i] = g.get(i).getAsInt();
      }
      if (arch.has("picture_features") && arch.get("picture_features").getAsInt() != PictureFeatures.SIZE) {
        throw new ModelException(file, "reads " + arch.get("picture_features") + " picture features; this Mishmash "
            + "computes " + PictureFeatures.SIZE + ". Make it again: " + remake);
      }
      if (arch.has("face_frame")) {
        JsonObject f = arch.getAsJsonObject("face_frame");
        frame = new FaceFrame(f.get("centre_x").getAsFloat(), f.get("centre_y").getAsFloat(), f.get("side").getAsFloat());
      }
    } catch (ModelException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ModelException(file, "has no usable \"architecture\" (" + e.getMessage() + "). Make it again: " + remake, e);
    }
    if (layers != gan.styleLayers() || dim != gan.styleSize() || groupOf.length != layers) {
      throw new ModelException(file, "gives styles of " + layers + "x" + dim + ", but model \"" + gan.manifest().name()
          + "\" takes " + gan.styleLayers() + "x" + gan.styleSize() + ". Make it again: " + remake);
    }
    Mlp picture = null;
    Mlp face = null;
    try {
      picture = net(m, "picture", remake);
      face = m.hasFile("face") ? net(m, "face", remake) : null;
      Inverter inv = new Inverter(m, made, layers, dim, groupOf, picture, face, frame, json);
      inv.checkShapes(remake);
      return inv;
    } catch (RuntimeException e) {
      if (picture != null) {
        picture.close();
      }
      if (face != null) {
        face.close();
      }
      throw e;
    }
  }

  private static Mlp net(Manifest m, String role, String remake) {
    Path f = m.file(role);
    if (!Files.isRegularFile(f)) {
      throw new ModelException(f, "missing. model.json names it under \"files\"; make the inverter again: " + remake);
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
      return Mlp.read(in);
    } catch (IOException e) {
      throw new ModelException(f, "cannot be read: " + e.getMessage() + ". Make the inverter again: " + remake, e);
    }
  }

  private void checkShapes(String remake) {
    if (picture.layout().inputs() != PictureFeatures.SIZE || picture.layout().outputs() != groups * dim) {
      throw new ModelException(manifest.file("picture"), "does not fit model.json's architecture. Make it again: " + remake);
    }
    if (face != null && (face.layout().inputs() != FaceFeatures.SIZE || face.layout().outputs() != groups * dim)) {
      throw new ModelException(manifest.file("face"), "does not fit model.json's architecture. Make it again: " + remake);
    }
  }

  public Manifest manifest() {
    return manifest;
  }

  public MadeFor madeFor() {
    return madeFor;
  }

  /** model.json as written: provenance and the round trip measured when it was made. */
  public JsonObject json() {
    return json.deepCopy();
  }

  /** True when there is a face path: the generator draws faces the detector finds. */
  public boolean hasFacePath() {
    return face != null;
  }

  /** Where faces sit in the generator's pictures, when there is a face path. */
  public Optional<FaceFrame> faceFrame() {
    return Optional.ofNullable(faceFrame);
  }

  /** The picture path: styles from which the generator draws something like {@code picture} (any size). */
  public Styles fromPicture(Image picture) {
    return fromPictureFeatures(features().of(picture));
  }

  /** The picture path on features already measured ({@link PictureFeatures#of}). */
  public Styles fromPictureFeatures(float[] features) {
    return expand(picture.predict(features));
  }

  /** The face path: styles of a creature with this face's pose, expression and colours. */
  public Styles fromFace(Face face, Image frame) {
    return fromFaceFeatures(FaceFeatures.of(face, frame));
  }

  /** The face path on features already measured ({@link FaceFeatures#of}). */
  public Styles fromFaceFeatures(float[] features) {
    if (face == null) {
      throw new IllegalStateException("this inverter has no face path (its generator draws no faces the detector finds)");
    }
    return expand(face.predict(features));
  }

  /** One w per group → one per layer. */
  Styles expand(float[] perGroup) {
    float[] w = new float[layers * dim];
    for (int l = 0; l < layers; l++) {
      System.arraycopy(perGroup, groupOf[l] * dim, w, l * dim, dim);
    }
    return new Styles(1, layers, dim, w);
  }

  private synchronized PictureFeatures features() {
    if (features == null) {
      features = PictureFeatures.load();
    }
    return features;
  }

  /**
   * Still mode: moves {@code start} toward styles whose picture looks like {@code target} — its
   * pixels at the generator's size and (for a 128×128 generator) its {@link PictureFeatures} — for at most {@code millis}
   * milliseconds of Adam steps through the generator, each layer free to move on its own, held near
   * where it started. {@code progress} (may be null) sees the styles after every step. Where the
   * generator gives no gradients (TorchScript, ONNX), {@code start} comes back unchanged.
   */
  public Styles refine(Generator gan, Styles start, Image target, long millis, Consumer<Styles> progress) {
    Optional<Generator.Differentiable> g = gan.differentiable();
    if (g.isEmpty() || millis <= 0) {
      return start;
    }
    long deadline = System.nanoTime() + millis * 1_000_000L;
    PictureFeatures f = features();
    Image sized = Resize.to(target, gan.width(), gan.height());
    Image forFeatures = Resize.to(target, PictureFeatures.SIDE, PictureFeatures.SIDE);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      NDArray want = m.create(Pixels.toPlanes(sized, 0f, 1f), new Shape(1, 3, gan.height(), gan.width()));
      NDArray wantFeatures = f.forward(m.create(Pixels.toPlanes(forFeatures, 0f, 1f),
          new Shape(1, 3, PictureFeatures.SIDE, PictureFeatures.SIDE)));
      NDArray origin = m.create(start.data(), new Shape(1, layers, dim));
      NDArray s = origin.duplicate();
      s.setRequiresGradient(true);
      NDArray mean = m.zeros(s.getShape());
      NDArray var = m.zeros(s.getShape());
      float rate = 0.02f;
      double spread = std(start.data());
      Styles best = start;
      boolean sameSide = gan.width() == PictureFeatures.SIDE && gan.height() == PictureFeatures.SIDE;
      for (int step = 1; System.nanoTime() < deadline; step++) {
        try (NDManager sm = m.newSubManager()) {
          NDArray picture;
          NDArray pixels;
          NDArray feat;
          NDArray prior;
          NDArray loss;
          try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
            picture = g.get().synthesize(s);
            pixels = picture.sub(want).square().mean();
            feat = sameSide ? f.forward(picture).sub(wantFeatures).square().mean() : pixels.zerosLike();
            prior = s.sub(origin).square().mean().div((float) (spread * spread + 1e-6));
            loss = pixels.add(feat.mul(0.1f)).add(prior.mul(0.05f));
            c.backward(loss);
          } // the update is made with the recording closed: an in-place change of a recorded leaf is refused
          NDArray grad = s.getGradient();
          mean.muli(0.9f).addi(grad.mul(0.1f));
          var.muli(0.999f).addi(grad.square().mul(0.001f));
          float c1 = 1 - (float) Math.pow(0.9, step);
          float c2 = 1 - (float) Math.pow(0.999, step);
          NDArray update = mean.div(c1).div(var.div(c2).sqrt().add(1e-8f)).mul(rate * (float) spread);
          s.subi(update);
          grad.subi(grad);
          sm.attachAll(picture, pixels, feat, prior, loss, update);
        }
        best = new Styles(1, layers, dim, s.toFloatArray());
        if (progress != null) {
          progress.accept(best);
        }
      }
      return best;
    }
  }

  private static double std(float[] v) {
    double m = 0;
    for (float x : v) {
      m += x / (double) v.length;
    }
    double s = 0;
    for (float x : v) {
      s += (x - m) * (x - m) / v.length;
    }
    return Math.sqrt(s);
  }

  /** How many values of w each network gives: one per band of layers. */
  public int groups() {
    return groups;
  }

  static JsonElement groupsJson(int[] groupOf) {
    JsonArray a = new JsonArray();
    for (int v : groupOf) {
      a.add(v);
    }
    return a;
  }

  @Override
  public synchronized void close() {
    picture.close();
    if (face != null) {
      face.close();
    }
    if (features != null) {
      features.close();
    }
  }
}
