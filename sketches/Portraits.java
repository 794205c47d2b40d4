import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.capture.Frame;
import mishmash.capture.FrameSource;
import mishmash.capture.Sources;
import mishmash.dials.DialBoard;
import mishmash.dials.Dials;
import mishmash.dials.Sweep;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.invert.Inverter;
import mishmash.latent.Genomes;
import mishmash.live.Live;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.Styles;
import mishmash.sketch.MishmashSketch;
import mishmash.sketch.Options;
import mishmash.sketch.Strip;
import processing.core.PFont;
import processing.core.PImage;

/**
 * Capricious Portraits: one creature swept along the semantic dials — a row of ages, of smiles, of
 * glasses on and off — the same face changing from one end of each row to the other. Every
 * {@code interval} seconds another creature from the archive sits for it; with {@code --photo} (or
 * {@code --camera}), a visitor does, through the inverter.
 *
 *   mvn -q compile exec:java -Dsketch=Portraits                                     the archive's creatures
 *   mvn -q compile exec:java -Dsketch=Portraits -Dargs="--photo me.jpg"             a visitor's photo
 *   mvn -q compile exec:java -Dsketch=Portraits -Dargs="--camera camera"            whoever stands in front of it
 *   mvn -q compile exec:java -Dsketch=Portraits -Dargs="--strip age.png --rows age --seed 7"   a print, then exit
 *
 * Live: span, steps, interval, the dials (held for every portrait: /mishmash/portraits/dial/smile 1)
 * and next (a new sitter now).
 */
@Options({
    "--rows NAME,...        the dials to sweep, one row each (default: every named dial)",
    "--photo FILE           a visitor's photo as the sitter, through the inverter",
    "--camera SOURCE        the visitor in front of the camera sits whenever there is a face (camera, file:, folder:)",
    "--subject SEED         this archive creature (or the creature of this seed) as the sitter",
    "--domain NAME          sitters drawn wholly as one of the model's domains (faces, machines, cells)",
    "--strip FILE           write a print-ready strip (PNG, 300 dpi) of the sitter, then exit",
    "--cell PX              the side of each portrait in the strip (400)"})
public class Portraits extends MishmashSketch {

  @Live(min = 0.5, max = 3) float span = 2;                 // the dials run from -span to +span along a row
  @Live(min = 3, max = 9) int steps = 5;                    // portraits per row
  @Live(min = 2, max = 120, unit = " s") float interval = 15; // seconds a sitter sits
  @Live(min = 0, max = 1.5) float psi = 0.8f;               // truncation of the archive's creatures
  @Live boolean labels = true;
  @Live DialBoard dial = dials();                           // held for every portrait: /mishmash/portraits/dial/age

  Generator gan;
  Archive archive;
  FrameSource camera;          // with --camera: a visitor in view sits next
  Inverter inverter;
  FaceAnalyzer faces;
  Dials dials;
  int[] rows;
  Styles sitter;
  String sitterName = "";
  CompletableFuture<Sheet> working;
  Sheet sheet;
  PFont type;
  long nextSeed;

  /** The pictures of one sweep, with what they show. */
  record Sheet(String sitter, List<String> rows, float[] values, PImage[][] pictures) {}

  public void settings() {
    screen(JAVA2D);
  }

  public void setup() {
    type = createFont("DejaVu Sans", 18, true);
    gan = loadModel();
    if (gan == null) {
      return;
    }
    dials = dial.dials();
    if (dials == null) {
      problem(dial.problem() != null ? dial.problem() : "model \"" + gan.manifest().name() + "\" has no dials");
      gan = null;
      return;
    }
    try {
      rows = rows(option("--rows", null));
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      gan = null;
      return;
    }
    archive = Archive.open(archiveFolder());
    nextSeed = seed();
    try {
      if (option("--camera", null) != null || option("--photo", null) != null) {
        inverter = Inverter.load(gan);
        faces = FaceAnalyzer.load(Models.directory().resolve("face-api"));
      }
      if (option("--camera", null) != null) {
        camera = Sources.open(option("--camera", null), 640, 480);
      }
      sitter = option("--photo", null) != null ? visitor(Paths.get(option("--photo", null))) : creature();
    } catch (ModelException | IllegalArgumentException | IllegalStateException | IOException e) {
      problem(e.getMessage());
      gan = null;
      return;
    }
    if (option("--strip", null) != null) {
      strip(Paths.get(option("--strip", null)), (int) option("--cell", 400));
      gan = null; // a print alone: nothing more to draw
      return;
    }
    sheet = sweep(); // the first one at once, so there is something to show
    every(() -> interval, this::next);
  }

  public void draw() {
    if (gan == null) {
      if (problem() != null) {
        showProblem();
      }
      return;
    }
    if (working != null && working.isDone()) {
      sheet = working.join();
      working = null;
    }
    background(236, 232, 222);
    float labelW = labels ? width * 0.1f : 0;
    float head = labels ? height * 0.08f : height * 0.03f;
    int cols = sheet.values().length;
    float side = min((width - labelW - 40) / cols, (height - head - 30) / sheet.rows().size());
    float left = (width - labelW - side * cols) / 2 + labelW;
    textFont(type);
    for (int r = 0; r < sheet.rows().size(); r++) {
      float y = head + r * side;
      for (int c = 0; c < cols; c++) {
        image(sheet.pictures()[r][c], left + c * side + 3, y + 3, side - 6, side - 6);
      }
      if (labels) {
        fill(40, 38, 34);
        textAlign(RIGHT, CENTER);
        textSize(max(12, side / 9));
        text(sheet.rows().get(r), left - 12, y + side / 2);
      }
    }
    if (labels) {
      fill(40, 38, 34);
      textAlign(CENTER, BOTTOM);
      textSize(max(12, head / 3.2f));
      for (int c = 0; c < cols; c++) {
        text(String.format("%+.1f", sheet.values()[c]), left + c * side + side / 2, head - 6);
      }
      textAlign(LEFT, BOTTOM);
      text(sheet.sitter(), 20, head - 6);
    }
  }

  /** A new sitter now: a button, or /mishmash/portraits/next. */
  @Live void next() {
    if (gan == null || working != null) {
      return;
    }
    Frame frame = camera == null ? null : camera.latest();
    Image seen = frame == null ? null : new Image(frame.width(), frame.height(), frame.pixels().clone());
    if (seen == null && option("--photo", null) == null) {
      sitter = creature();
    }
    Styles who = sitter;
    java.util.function.Supplier<Sheet> work = () -> {
      Styles visitor = seen == null ? null : face(seen);
      if (visitor == null && seen != null) {
        return sweep(creature()); // nobody in front of the camera: a creature sits
      }
      return sweep(visitor != null ? visitor : who);
    };
    working = headless() ? CompletableFuture.completedFuture(work.get()) : CompletableFuture.supplyAsync(work);
  }

  Sheet sweep() {
    return sweep(sitter);
  }

  Sheet sweep(Styles who) {
    float[] values = Sweep.values(span, steps);
    Image[][] pictures = Sweep.of(gan, dials, who, rows, values, dial.values());
    PImage[][] shown = new PImage[pictures.length][];
    for (int r = 0; r < pictures.length; r++) {
      shown[r] = new PImage[pictures[r].length];
      for (int c = 0; c < pictures[r].length; c++) {
        shown[r][c] = new PImage(pictures[r][c].toBufferedImage());
      }
    }
    List<String> names = new ArrayList<>();
    for (int r : rows) {
      names.add(dials.dials().get(r).name());
    }
    return new Sheet(sitterName, names, values, shown);
  }

  /** The next creature of the archive (or of a seed, with an empty archive): its styles. */
  Styles creature() {
    List<Creature> all = archive.all().stream().filter(c -> c.genome().layers() == Genomes.layers(gan)
        && c.genome().size() == gan.latentSize()).toList();
    String chosen = option("--subject", null);
    long seed = chosen != null ? Long.parseLong(chosen.trim()) : nextSeed++;
    Creature c = archive.get(seed).orElse(chosen == null && !all.isEmpty()
        ? all.get((int) Math.floorMod(seed, all.size())) : null);
    String domain = option("--domain", null);
    if (domain != null) { // a sitter of one domain: the creature of the seed, all face (or machine, or cell)
      int d = gan.domains().indexOf(domain);
      if (d < 0) {
        throw new IllegalArgumentException("--domain " + domain + ": model \"" + gan.manifest().name() + "\" has "
            + (gan.domains().isEmpty() ? "no domains" : "the domains " + String.join(", ", gan.domains())));
      }
      sitterName = "No. " + seed + " · " + domain;
      return Genomes.styles(gan, List.of(Genomes.pure(gan, seed, d)), psi);
    }
    sitterName = c != null ? "No. " + c.seed() + (c.name().isEmpty() ? "" : " · " + c.name()) : "No. " + seed;
    return Genomes.styles(gan, List.of(c != null ? c.genome() : Genomes.fresh(gan, seed)), psi);
  }

  /** A visitor's photo through the inverter's face path (or its picture path without a face). */
  Styles visitor(Path photo) throws IOException {
    BufferedImage read = javax.imageio.ImageIO.read(photo.toFile());
    if (read == null) {
      throw new IllegalArgumentException(photo + " is not a picture (PNG, JPEG, BMP or GIF)");
    }
    Image picture = Image.of(read);
    sitterName = photo.getFileName().toString();
    Styles s = face(picture);
    if (s == null) {
      System.err.println("mishmash: no face found in " + photo + "; the picture path reads the whole photo");
      return inverter.fromPicture(picture);
    }
    return s;
  }

  /** The largest face in a picture through the inverter, or null when there is none. */
  Styles face(Image picture) {
    List<Face> found = faces.analyze(picture.argb(), picture.width(), picture.height());
    if (found.isEmpty()) {
      return null;
    }
    if (camera != null) {
      sitterName = "a visitor, " + java.time.LocalTime.now().withNano(0);
    }
    return inverter.hasFacePath() ? inverter.fromFace(found.get(0), picture) : inverter.fromPicture(picture);
  }

  /** The dials of --rows, or every named dial (the unnamed ones with none named). */
  int[] rows(String names) {
    List<Integer> out = new ArrayList<>();
    if (names != null) {
      for (String n : names.split(",")) {
        int i = dials.index(n.trim());
        if (i < 0) {
          throw new IllegalArgumentException("--rows " + n.trim() + ": model \"" + gan.manifest().name()
              + "\" has no such dial; it has " + String.join(", ", dials.dials().stream().map(Dials.Dial::name).toList()));
        }
        out.add(i);
      }
    } else {
      for (int i = 0; i < dials.size(); i++) {
        if (dials.dials().get(i).kind().equals("supervised")) {
          out.add(i);
        }
      }
      if (out.isEmpty()) {
        for (int i = 0; i < dials.size(); i++) {
          out.add(i);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The print: the sweep of the sitter at {@code cell} px a portrait, labelled, 300 dpi. */
  void strip(Path file, int cell) {
    float[] values = Sweep.values(span, steps);
    Image[][] pictures = Sweep.of(gan, dials, sitter, rows, values, dial.values());
    List<String> names = new ArrayList<>();
    for (int r : rows) {
      names.add(dials.dials().get(r).name());
    }
    try {
      Strip.write(file, pictures, names, values, sitterName + "  ·  " + gan.manifest().name(), cell);
      System.out.println("wrote " + file);
    } catch (IOException e) {
      problem("cannot write " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void dispose() {
    if (camera != null) {
      camera.close();
    }
    super.dispose();
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--strip") && !List.of(args).contains("--frames")) {
      // a print alone needs no window: set up headless, write it, and end after one empty frame
      // (into a folder of its own that goes when the program ends)
      Path scratch;
      try {
        scratch = java.nio.file.Files.createTempDirectory("mishmash-portraits");
      } catch (IOException e) {
        System.err.println("mishmash: cannot make a temporary folder (" + e.getMessage() + ")");
        System.exit(2);
        return;
      }
      scratch.toFile().deleteOnExit();
      scratch.resolve("frame-00000.png").toFile().deleteOnExit();
      String[] more = java.util.Arrays.copyOf(args, args.length + 4);
      more[args.length] = "--frames";
      more[args.length + 1] = "1";
      more[args.length + 2] = "--out";
      more[args.length + 3] = scratch.toString();
      args = more;
    }
    run(Portraits.class, args);
  }
}
