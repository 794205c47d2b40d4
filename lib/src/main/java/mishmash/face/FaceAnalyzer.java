package mishmash.face;

import mishmash.tfjs.TfLayers;
import mishmash.tfjs.TfWeights;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import mishmash.model.Manifest;
import mishmash.model.ModelException;
import mishmash.model.NativeTuning;

/**
 * Finds faces in a camera frame and reads each one: 68 landmarks, age, gender and expression.
 * A Java port of face-api.js (the {@code @vladmandic/face-api} weights in {@code models/face-api})
 * running on DJL's PyTorch engine, fully offline.
 *
 * <p>Per frame: the Tiny Face Detector on the frame padded to a square and scaled to
 * {@link Options#inputSize()}; for each face, the 68-point landmark net on the detector's box; then
 * on the box around the landmarks (padded 20%), the age/gender net and the expression net. The three
 * 112×112 nets run batched over all faces of the frame. Results agree with face-api.js 1.7.15 on
 * TensorFlow.js's CPU backend within the tolerances stated in {@code FaceNetsTest} (each net alone)
 * and {@code FaceAnalyzerTest} (the whole pipeline): boxes and landmarks within 0.01 px, age within
 * 0.01 years, probabilities within 0.0001; measured differences are a hundred times smaller.
 *
 * <p>Faces whose detected box is shorter than {@link Options#minFaceSize()} pixels on its shorter
 * side are left out: at that size the 112×112 nets see mostly blur and guess. Very dark or washed-out
 * frames are analysed like any other; they usually give no faces. {@link #analyze} returns the faces
 * largest first. One analyzer may be used from several threads; calls take turns.
 */
public final class FaceAnalyzer implements AutoCloseable {
  /** The {@code kind} in model.json. */
  public static final String KIND = "face-analysis";
  /** The roles under {@code files} in model.json: a TensorFlow.js weights manifest each. */
  public static final List<String> ROLES = List.of("detector", "landmarks", "age_gender", "expression");
  /** What to tell a person whose weight files are damaged or gone. */
  static final String RECOPY = "Copy the folder models/face-api again from the Mishmash repository "
      + "(or from the npm package @vladmandic/face-api 1.7.15, folder model/).";

  /**
   * How the analyzer looks.
   *
   * @param inputSize side the frame is scaled to for the detector, a multiple of 32 from 128 to 1024;
   *     bigger finds smaller faces and costs more (416, as face-api.js; 320 takes about half the
   *     detector's time, see {@code mishmash.bench.FaceBench}, and misses small faces sooner)
   * @param minScore the least detector confidence that counts as a face, above 0 and below 1 (0.5)
   * @param minFaceSize faces smaller than this many pixels on their shorter side are left out (32)
   */
  public record Options(int inputSize, float minScore, int minFaceSize) {
    public static final Options DEFAULT = new Options(416, 0.5f, 32);

    public Options {
      if (inputSize % 32 != 0 || inputSize < 128 || inputSize > 1024) {
        throw new IllegalArgumentException("inputSize must be a multiple of 32 from 128 to 1024, not " + inputSize);
      }
      if (!(minScore > 0 && minScore < 1)) {
        throw new IllegalArgumentException("minScore must be above 0 and below 1, not " + minScore);
      }
      if (minFaceSize < 1) {
        throw new IllegalArgumentException("minFaceSize must be at least 1 pixel, not " + minFaceSize);
      }
    }
  }

  /** What the three face nets say about one crop, before it becomes a {@link Face}. */
  record FaceNetOutput(float[] landmarks, float[] expressions, float age, float[] gender) {}

  private static final float ALIGN_PADDING = 0.2f;

  private final Options options;
  private final NDManager root;
  private final DetectorNet detector;
  private final DenseFaceNet landmarkNet;
  private final DenseFaceNet expressionNet;
  private final AgeGenderNet ageGenderNet;
  private boolean closed;

  private FaceAnalyzer(Options options, NDManager root, TfWeights[] w) {
    this.options = options;
    this.root = root;
    this.detector = new DetectorNet(w[0], root);
    this.landmarkNet = new DenseFaceNet(w[1], root, 136);
    this.ageGenderNet = new AgeGenderNet(w[2], root);
    this.expressionNet = new DenseFaceNet(w[3], root, Expression.values().length);
  }

  /** Loads the model folder (normally {@code models/face-api}) with the default options. */
  public static FaceAnalyzer load(Path folder) {
    return load(folder, Options.DEFAULT);
  }

  /**
   * Loads the model folder: its model.json must say {@code "kind": "face-analysis"} and name a
   * weights manifest for each of {@link #ROLES}.
   *
   * @throws ModelException naming the file that is missing or damaged and what to do
   */
  public static FaceAnalyzer load(Path folder, Options options) {
    System.setProperty("ai.djl.offline", "true");
    NativeTuning.apply();
    Manifest manifest = Manifest.read(folder);
    if (manifest.kind() != Manifest.Kind.FACE_ANALYSIS) {
      throw new ModelException(folder.resolve(Manifest.FILE_NAME), "is a \"" + manifest.kind().label()
          + "\" model, not \"" + KIND + "\". Pick the face-analysis model folder (models/face-api).");
    }
    TfWeights[] weights = new TfWeights[ROLES.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = TfWeights.read(manifest.file(ROLES.get(i)), RECOPY);
    }
    NDManager root = Engine.getEngine("PyTorch").newBaseManager();
    try {
      return new FaceAnalyzer(options, root, weights);
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
  }

  public Options options() {
    return options;
  }

  /**
   * Finds and reads every face in a frame.
   *
   * @param argb pixels row by row, 0xAARRGGBB (as Processing's {@code PImage.pixels}); alpha is ignored
   * @return the faces at least {@link Options#minFaceSize()} big, largest first; empty when there are none
   */
  public synchronized List<Face> analyze(int[] argb, int width, int height) {
    check(argb, width, height);
    try (NDManager m = root.newSubManager()) {
      return read(m, argb, width, height, detect(m, argb, width, height));
    }
  }

  /**
   * Reads a face known to be at {@code where} (a box the detector gave for an earlier frame, or one
   * predicted from its landmarks) without looking for faces: the landmark, age/gender and expression
   * nets only, about a third of {@link #analyze}'s time. For following one face from frame to frame;
   * the caller decides when to look again. The face's score is {@code score}, as given.
   *
   * @return the face, or empty when the box is smaller than {@link Options#minFaceSize()} or outside the frame
   */
  public synchronized List<Face> track(int[] argb, int width, int height, Box where, float score) {
    check(argb, width, height);
    try (NDManager m = root.newSubManager()) {
      return read(m, argb, width, height, List.of(new Detection(where, score)));
    }
  }

  private List<Face> read(NDManager m, int[] argb, int width, int height, List<Detection> found) {
    List<Detection> detections = new ArrayList<>();
    List<Box> crops = new ArrayList<>();
    for (Detection d : found) {
      Box crop = d.box().clipToPixels(width, height);
      if (d.box().minSide() >= options.minFaceSize() && crop.width() >= 1 && crop.height() >= 1) {
        detections.add(d);
        crops.add(crop);
      }
    }
    if (detections.isEmpty()) {
      return List.of();
    }
    List<float[]> marks = landmarks(faceBatch(m, argb, width, crops), crops);
    List<Box> aligned = new ArrayList<>();
    List<Box> alignedCrops = new ArrayList<>();
    List<List<Point>> landmarks = new ArrayList<>();
    for (int i = 0; i < detections.size(); i++) {
      List<Point> points = points(marks.get(i), landmarkFrame(detections.get(i).box(), crops.get(i)));
      Box box = Box.around(points).pad(ALIGN_PADDING);
      landmarks.add(points);
      aligned.add(box);
      Box crop = box.clipToPixels(width, height);
      // a crop of nothing (landmarks all outside the frame) falls back to the detector's box
      alignedCrops.add(crop.width() >= 1 && crop.height() >= 1 ? crop : crops.get(i));
    }
    List<FaceNetOutput> reads = read(faceBatch(m, argb, width, alignedCrops));
    List<Face> faces = new ArrayList<>();
    for (int i = 0; i < detections.size(); i++) {
      faces.add(face(detections.get(i), landmarks.get(i), aligned.get(i), reads.get(i)));
    }
    faces.sort(Comparator.comparingDouble((Face f) -> f.box().area()).reversed());
    return faces;
  }

  /** Only the detector: where the faces are (any size), best score first. */
  public synchronized List<Detection> detect(int[] argb, int width, int height) {
    check(argb, width, height);
    try (NDManager m = root.newSubManager()) {
      return detect(m, argb, width, height);
    }
  }

  private List<Detection> detect(NDManager m, int[] argb, int width, int height) {
    int size = options.inputSize();
    return BoxDecoder.decode(detectorOutput(m, argb, width, height), size / 32, size, width, height,
        options.minScore());
  }

  /** The detector's raw output for a frame, [25, grid, grid] channels first. For tests that compare nets alone. */
  synchronized float[] detectorOutput(int[] argb, int width, int height) {
    check(argb, width, height);
    try (NDManager m = root.newSubManager()) {
      return detectorOutput(m, argb, width, height);
    }
  }

  private float[] detectorOutput(NDManager m, int[] argb, int width, int height) {
    ensureOpen();
    int size = options.inputSize();
    float[] input = new float[3 * size * size];
    FaceInput.detector(argb, width, height, size, input, 0);
    return detector.forward(m.create(input, new Shape(1, 3, size, size))).toFloatArray();
  }

  /**
   * All three face nets on one crop; landmarks relative to the crop (0..1), as face-api.js's
   * {@code faceLandmark68Net.forward} gives them. For tests that compare nets alone.
   */
  synchronized FaceNetOutput faceNets(int[] argb, int width, int height, Box crop) {
    check(argb, width, height);
    try (NDManager m = root.newSubManager()) {
      Batch batch = faceBatch(m, argb, width, List.of(crop));
      FaceNetOutput reads = read(batch).get(0);
      return new FaceNetOutput(landmarks(batch, List.of(crop)).get(0), reads.expressions(), reads.age(), reads.gender());
    }
  }

  /** Face crops as one input batch [N, 3, 112, 112], and where each crop landed in its padded square. */
  private record Batch(NDArray x, FaceInput.Placement[] places) {}

  private Batch faceBatch(NDManager m, int[] argb, int width, List<Box> crops) {
    ensureOpen();
    int n = crops.size();
    int plane = 3 * FaceInput.FACE_SIZE * FaceInput.FACE_SIZE;
    float[] input = new float[n * plane];
    FaceInput.Placement[] places = new FaceInput.Placement[n];
    for (int i = 0; i < n; i++) {
      places[i] = FaceInput.face(argb, width, crops.get(i), input, i * plane);
    }
    return new Batch(m.create(input, new Shape(n, 3, FaceInput.FACE_SIZE, FaceInput.FACE_SIZE)), places);
  }

  /** The landmark net on a batch: per crop, 68 (x, y) relative to the crop (0..1), as face-api.js gives them. */
  private List<float[]> landmarks(Batch batch, List<Box> crops) {
    float[] raw = landmarkNet.forward(batch.x()).toFloatArray();
    List<float[]> out = new ArrayList<>();
    for (int i = 0; i < crops.size(); i++) {
      Box c = crops.get(i);
      FaceInput.Placement p = batch.places()[i];
      // face-api.js takes the padding before the crop as half the difference of its sides, half a
      // pixel more than was padded when the difference is odd; we follow it, see landmarkFrame
      float padLeft = c.width() < c.height() ? (c.height() - c.width()) / 2f : 0;
      float padTop = c.height() < c.width() ? (c.width() - c.height()) / 2f : 0;
      float[] rel = new float[136];
      for (int k = 0; k < 68; k++) {
        rel[2 * k] = (raw[i * 136 + 2 * k] * p.side() - padLeft) / c.width();
        rel[2 * k + 1] = (raw[i * 136 + 2 * k + 1] * p.side() - padTop) / c.height();
      }
      out.add(rel);
    }
    return out;
  }

  /** The expression and the age/gender nets on the same batch (no landmarks in what they return). */
  private List<FaceNetOutput> read(Batch batch) {
    NDArray x = batch.x();
    float[] expressions = expressionNet.forward(x).softmax(1).toFloatArray();
    NDList ageGender = ageGenderNet.forward(x);
    float[] ages = ageGender.get(0).toFloatArray();
    float[] genders = ageGender.get(1).toFloatArray();
    int e = Expression.values().length;
    List<FaceNetOutput> out = new ArrayList<>();
    for (int i = 0; i < ages.length; i++) {
      float[] ex = new float[e];
      System.arraycopy(expressions, i * e, ex, 0, e);
      out.add(new FaceNetOutput(null, ex, ages[i], new float[] {genders[2 * i], genders[2 * i + 1]}));
    }
    return out;
  }

  /**
   * Where relative landmarks are measured from. The crop the landmark net saw starts at the whole
   * pixel at or below the detector box's corner; face-api.js nevertheless places the landmarks from
   * the box's fractional corner, up to 1 px further right and down. We do the same, because the box
   * around the landmarks is the crop that age, gender and expression read, and a one-pixel shift of a
   * 50-pixel face moves the age by a year: this way those match face-api.js exactly. Where the box
   * sticks out of the frame we start from the frame's edge (face-api.js would start outside it).
   */
  private static Box landmarkFrame(Box detected, Box crop) {
    return new Box(Math.max(detected.x(), 0), Math.max(detected.y(), 0), crop.width(), crop.height());
  }

  /** Relative landmarks (0..1 of the crop) → image pixels. */
  private static List<Point> points(float[] relative, Box crop) {
    List<Point> points = new ArrayList<>(68);
    for (int k = 0; k < 68; k++) {
      points.add(new Point(crop.x() + relative[2 * k] * crop.width(), crop.y() + relative[2 * k + 1] * crop.height()));
    }
    return points;
  }



  private static Face face(Detection d, List<Point> landmarks, Box aligned, FaceNetOutput read) {
    Map<Expression, Float> ex = new EnumMap<>(Expression.class);
    for (Expression e : Expression.values()) {
      ex.put(e, read.expressions()[e.ordinal()]);
    }
    float male = read.gender()[0];
    Gender gender = male > 0.5f ? Gender.MALE : Gender.FEMALE;
    return new Face(d.box(), d.score(), landmarks, aligned, read.age(), gender, Math.max(male, 1 - male), ex);
  }

  private static void check(int[] argb, int width, int height) {
    if (argb == null) {
      throw new IllegalArgumentException("no pixels: argb is null");
    }
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("the frame must be at least 1×1 pixels, not " + width + "×" + height);
    }
    if ((long) width * height != argb.length) {
      throw new IllegalArgumentException("a " + width + "×" + height + " frame has " + (long) width * height
          + " pixels, but argb holds " + argb.length);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this FaceAnalyzer is closed");
    }
  }

  /** Frees the native memory of the weights. Later calls fail with IllegalStateException. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      root.close();
    }
  }
}
