import java.util.List;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.dials.DialBoard;
import mishmash.grid.Cell;
import mishmash.grid.DeathPolicy;
import mishmash.grid.Grid;
import mishmash.grid.Nursery;
import mishmash.latent.Bands;
import mishmash.live.Live;
import mishmash.model.Generator;
import mishmash.sketch.Fit;
import mishmash.sketch.Labels;
import mishmash.sketch.MishmashSketch;
import mishmash.sketch.Options;
import mishmash.sketch.Pictures;
import processing.core.PFont;
import processing.core.PImage;

/**
 * The archive grid: a wall of GAN-made creatures kept like specimens in a biological archive.
 * Every second one of them dies and a newborn, bred from two creatures on the wall, morphs into
 * its place. The others breathe. Every creature is stored as <seed>.png in data/archive.
 *
 *   mvn -q compile exec:java                                   fullscreen, the default model
 *   mvn -q compile exec:java -Dargs="--window 1280x720"        in a window
 *   mvn -q compile exec:java -Dargs="--model my-stylegan"      another model from models/
 *   mvn -q compile exec:java -Dargs="--frames 90 --out frames --seed 7"   render frames to PNG
 *
 * Live: every @Live line below is playable over OSC (/mishmash/grid/mutation 0.8), MIDI (learn it
 * in the panel), the panel (key P) and the keyboard (TAB picks, arrows move). See the README.
 */
@Options({"--max N                 creatures the archive keeps at most (10000)",
    "--link                  take visitors from booths on other machines: run the MQTT broker they connect to",
    "--link-port N           the broker's port (1883)",
    "--broker URL            use an existing MQTT broker instead, such as tcp://broker.local:1883"})
public class ArchiveGrid extends MishmashSketch {

  @Live(min = 0.1, max = 10, unit = " s") float interval = 1.0f;  // seconds between births
  @Live(min = 0, max = 2, smooth = 0.3) float mutation = 0.35f;    // how far a child strays from its parents
  @Live(min = 0, max = 1, smooth = 0.3) float randomness = 0.10f;  // chance of a completely new creature
  @Live(min = 0, max = 1.5, smooth = 0.5) float psi = 0.90f;       // truncation: 0 = the average creature
  @Live(min = 0, max = 5, unit = " s") float morph = 1.5f;         // seconds a newborn takes to arrive
  @Live(min = 0, max = 1) float breath = 0.30f;                    // how far the others drift as they breathe
  @Live DeathPolicy death = DeathPolicy.LEAST_RECENT;              // who makes way for the newborn
  @Live(min = 0, max = 2, smooth = 0.5) float kind = 1.0f;        // human 0 ↔ machine 1 ↔ cell 2: where newborns lean
  @Live(min = 0, max = 1) float pull = 0.0f;                       // how strongly newborns follow the kind dial
  @Live(min = 1, max = 16) int columns = 8;
  @Live(min = 1, max = 9) int rows = 5;
  @Live boolean labels = true;
  @Live DialBoard dial = dials();  // the model's semantic dials: /mishmash/grid/dial/age 0.3 ages every newborn

  Nursery nursery;
  List<String> domains;  // what the model draws: faces, machines, cells
  Pictures pictures;
  Labels names = new Labels();
  PFont mono;

  public void settings() {
    screen(JAVA2D); // without a GPU, Java2D draws this grid faster than software OpenGL
  }

  public void setup() {
    Generator gan = loadModel();
    mono = createFont("Monospaced", 13, true);
    if (gan == null) {
      return;
    }
    Archive archive = openArchive(); // --archive DIR, --max N
    if (archive == null) {
      return; // another grid breeds into it: the screen says which
    }
    domains = gan.domains();
    nursery = new Nursery(gan, archive, this::now, !headless());
    nursery.open(columns, rows, seed(), psi);
    pictures = new Pictures(this);
    report("births", nursery::births); // on the status page, http://localhost:8001/status
    every(() -> interval, this::breed);
    controls().onLatent(nursery::steer);  // /mishmash/grid/latent/<i> steers every newborn
    nursery.steerBy(dial::latentOffset);  // and so do the dials
  }

  /** A birth now, on top of the regular ones: a button, a pad, or /mishmash/grid/breed. */
  @Live void breed() {
    if (nursery != null) {
      nursery.breed(death, mutation, randomness, psi, morph);
    }
  }

  @Override
  public String name() {
    return "grid"; // OSC addresses /mishmash/grid/..., data/presets/grid/
  }

  public void draw() {
    if (nursery == null) {
      showProblem();
      return;
    }
    background(14, 15, 13);
    nursery.update();
    nursery.lean(kind, pull);
    nursery.breathe(breath, psi);
    Grid grid = nursery.resize(columns, rows, psi);
    labelSize = labels ? labelSize(grid) : 0;
    String warning = nursery.warning(); // a full disk, a failing model: in a strip below the labels
    grid.layout(width, height - warningHeight(warning), labelSize * 3.7f);
    for (Cell cell : grid) {
      image(pictures.of(cell, now(), (int) cell.w, (int) cell.h), cell.x, cell.y);
      frame(cell);
      if (labelSize > 0) {
        label(cell);
      }
    }
    warning(warning);
  }

  /** A thin specimen frame, glowing warm for a moment around a newborn. */
  void frame(Cell cell) {
    float glow = cell.newborn(now(), 2.5);
    noFill();
    strokeWeight(1 + 3 * glow);
    stroke(lerpColor(color(70, 72, 66), color(255, 196, 90), glow));
    rect(cell.x - 3, cell.y - 3, cell.w + 6, cell.h + 6);
  }

  float labelSize;  // the labels' text size this frame; 0: none

  /**
   * Labels as large as the cells allow: 13 px, smaller where 16 typewriter characters ("No. " and a
   * twelve-digit seed) would not fit a cell's slot, none below 7 px, where nobody could read them.
   */
  float labelSize(Grid grid) {
    float slot = (float) width / grid.columns() - 8;
    float size = Math.min(13, slot / (16 * 0.62f));
    return size >= 7 ? size : 0;
  }

  /**
   * Specimen number, what it is made of (a face's form with a machine's skin), generation and
   * origin, typed like a museum label, never wider than its cell's slot.
   */
  void label(Cell cell) {
    Creature c = cell.creature();
    float room = (float) width / nursery.grid().columns() - 8;
    textFont(mono);
    textSize(labelSize);
    textAlign(LEFT, TOP);
    fill(222, 218, 200);
    float y = cell.y + cell.h + 0.55f * labelSize;
    text(Fit.line(this, "No. " + c.seed(), room), cell.x - 3, y);
    fill(190, 176, 140);
    text(Fit.line(this, Bands.describe(c.genome().bands(), domains), room), cell.x - 3, y + 1.1f * labelSize);
    fill(140, 138, 124);
    if (c.name().isEmpty()) {
      text(Fit.line(this, "gen " + c.generation() + " · " + c.source().label(), room), cell.x - 3, y + 2.2f * labelSize);
    } else { // a booth visitor goes by name, as typed, in any script
      PImage name = names.of("gen " + c.generation() + " · " + c.name(), labelSize * 0.92f, color(140, 138, 124));
      image(name, cell.x - 5, y + 2.05f * labelSize, Math.min(name.width, room), name.height * Math.min(1, room / name.width));
    }
  }

  public static void main(String[] args) {
    run(ArchiveGrid.class, args);
  }
}
