import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.grid.Painter;
import mishmash.latent.Breeding;
import mishmash.latent.Genomes;
import mishmash.live.Live;
import mishmash.model.Generator;
import mishmash.sketch.MishmashSketch;
import processing.core.PImage;

/**
 * Breeding, as in Artbreeder: click two creatures of the top row and a row of their children is
 * born below, from the first parent's side to the second's. Click a child and it becomes a parent,
 * in its first parent's place. Press K (or send /mishmash/breeder/keep) to put the one you chose
 * into the archive: a running grid shows it a few seconds later, its parents kept in the index.
 *
 *   mvn -q compile exec:java -Dsketch=Breeder -Dargs="--window 1280x720"
 */
public class Breeder extends MishmashSketch {

  @Live(min = 0, max = 1) float mutation = 0.15f;   // how far children stray from the path between their parents
  @Live(min = 0, max = 1.5) float psi = 0.8f;       // truncation: 0 = the average creature
  @Live(min = 2, max = 10) int children = 6;        // children in a litter

  Painter painter;
  Archive archive;                                  // the grid's: data/archive, or --archive DIR
  List<Creature> parents = new ArrayList<>();       // the top row
  List<Creature> litter = new ArrayList<>();        // the row below
  Map<Creature, PImage> pictures = new IdentityHashMap<>();
  Creature first, second;                           // the two parents chosen
  Creature chosen;                                  // the last one clicked
  String said = "Click two creatures to breed them.";
  long births;

  public void settings() {
    screen(JAVA2D);
  }

  public void setup() {
    Generator gan = loadModel();
    if (gan == null) {
      return;
    }
    painter = new Painter(gan, !headless());
    archive = shareArchive();
    long base = seed() * 1000;
    for (int i = 0; i < 6; i++) {
      long seed = base + i;
      parents.add(new Creature(seed, Genomes.fresh(gan, seed), new long[0], System.currentTimeMillis(),
          Creature.Source.RANDOM, 0, gan.manifest().name(), ""));
    }
    paint("parents", parents);
  }

  // the layout: two rows of children + 2 columns, the litter between its parents, centred
  float size() {
    return max(8, min((width - 40f) / (children + 2), (height - 160) / 2f) - 16);
  }

  float x(int column) {
    return (width - (children + 2) * (size() + 16)) / 2 + 8 + column * (size() + 16);
  }

  float y(int row) { // 0: the parents, 1: the litter
    return (height - 2 * size() - 100) / 2 + row * (size() + 60);
  }

  public void draw() {
    if (painter == null) {
      showProblem();
      return;
    }
    painter.update();
    background(18, 17, 15);
    for (int i = 0; i < parents.size(); i++) {
      show(parents.get(i), x(i + 1), y(0));
    }
    for (int i = 0; i < litter.size(); i++) {
      show(litter.get(i), x(i + 1), y(1));
    }
    if (second != null && !litter.isEmpty()) { // the parents at either end of their litter
      show(first, x(0), y(1));
      show(second, x(litter.size() + 1), y(1));
    }
    fill(200, 194, 170);
    textSize(16);
    textAlign(LEFT, BOTTOM);
    text(said, 20, height - 20);
    warning(painter.warning() != null ? painter.warning() : archive.warning());
  }

  void show(Creature c, float x, float y) {
    float s = size();
    if (pictures.containsKey(c)) {
      image(pictures.get(c), x, y);
    }
    boolean parent = c == first || c == second;
    noFill();
    strokeWeight(parent ? 4 : 1);
    stroke(parent ? color(255, 196, 90) : color(80));
    rect(x - 2, y - 2, s + 4, s + 4);
    fill(150);
    textSize(12);
    textAlign(LEFT, TOP);
    text("No. " + c.seed() + "\ngen " + c.generation(), x, y + s + 6);
  }

  public void mousePressed() {
    int column = floor((mouseX - x(0)) / (size() + 16));
    if (painter == null || column < 1 || mouseX - x(column) > size()) {
      return;
    }
    if (mouseY >= y(0) && mouseY < y(0) + size() && column <= parents.size()) {
      choose(parents.get(column - 1));
    } else if (mouseY >= y(1) && mouseY < y(1) + size() && column <= litter.size()) {
      Creature child = litter.get(column - 1);
      if (!parents.contains(child)) {
        parents.set(parents.indexOf(first), child); // in its first parent's place
        first = second = null;
      }
      choose(child);
    }
  }

  /** A creature clicked: the first parent, or the second, and then their litter is born. */
  void choose(Creature c) {
    chosen = c;
    if (first == null || first == c || second != null) {
      first = c;
      second = null;
      said = "No. " + c.seed() + (c.parents().length == 2 ? ", child of No. " + c.parents()[0] + " and No. "
          + c.parents()[1] : "") + ". Now click its partner, or press K to keep it in the archive.";
      return;
    }
    second = c;
    litter.clear();
    for (int i = 0; i < children; i++) {
      float t = (i + 1f) / (children + 1); // from the first parent's side to the second's
      long seed = Math.floorMod(first.seed() * 31 + second.seed() * 17 + ++births, 1_000_000_000_000L);
      litter.add(new Creature(seed, Breeding.between(first.genome(), second.genome(), t, seed, mutation),
          new long[] {first.seed(), second.seed()}, System.currentTimeMillis(), Creature.Source.BRED,
          1 + max(first.generation(), second.generation()), first.model(), ""));
    }
    paint("litter", litter);
    said = "The children of No. " + first.seed() + " and No. " + second.seed() + ". Click one to make it a parent.";
  }

  /** The chosen one, into the archive: K, or /mishmash/breeder/keep. */
  @Live void keep() {
    Creature c = chosen;
    if (c != null) {
      painter.paint(c, List.of(c.genome()), psi, p -> painter.save(archive, c, p[0]));
      said = "No. " + c.seed() + " went into the archive.";
    }
  }

  public void keyPressed() {
    if (key == 'k' || key == 'K') {
      keep();
    }
  }

  void paint(String row, List<Creature> creatures) {
    List<Creature> these = List.copyOf(creatures);
    int s = (int) size();
    painter.paint(row, these.stream().map(Creature::genome).toList(), psi, p -> {
      pictures.keySet().removeIf(c -> !parents.contains(c) && !litter.contains(c)); // only those on screen
      for (int i = 0; i < p.length; i++) {
        pictures.put(these.get(i), picture(p[i], s, s));
      }
    });
  }

  public static void main(String[] args) {
    run(Breeder.class, args);
  }
}
