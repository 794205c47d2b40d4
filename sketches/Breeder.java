import java.util.ArrayList;
import java.util.List;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.grid.Painter;
import mishmash.latent.Breeding;
import mishmash.latent.Genomes;
import mishmash.live.Live;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.sketch.MishmashSketch;
import processing.core.PImage;

/**
 * Breeding, as in Artbreeder: click two creatures of the top row and a row of their children is
 * born below, from the first parent's side to the second's. Click a child and it joins the parents.
 * Press K (or /mishmash/breeder/keep) to send the chosen one into the archive: a running grid shows
 * it a few seconds later, and its parents are kept in the archive's index.
 *
 *   mvn -q compile exec:java -Dsketch=Breeder -Dargs="--window 1280x720"
 */
public class Breeder extends MishmashSketch {

  @Live(min = 0, max = 1) float mutation = 0.15f;        // how far children stray from the path between their parents
  @Live(min = 0, max = 1.5) float psi = 0.8f;            // truncation: 0 = the average creature
  @Live(min = 2, max = 10) int children = 6;             // children in a litter

  Painter painter;
  Archive archive;                                       // the grid's: data/archive, or --archive DIR
  List<Creature> parents = new ArrayList<>();            // the top row
  List<Creature> litter = new ArrayList<>();             // the row below
  List<PImage> parentPictures = new ArrayList<>();
  List<PImage> litterPictures = new ArrayList<>();
  List<Image> litterImages = new ArrayList<>();          // at the model's size, for the archive
  Creature first, second;                                // the two chosen parents
  Creature chosen;                                       // the last one clicked
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
    for (int i = 0; i < 6; i++) {
      parents.add(new Creature(seed() + i, Genomes.fresh(gan, seed() + i), new long[0], 0, Creature.Source.RANDOM, 0,
          gan.manifest().name(), ""));
    }
    paintParents();
  }

  float size() {
    return max(8, min((width - 40f) / (children + 2), (height - 160) / 2f) - 16);
  }

  /** Where column i starts: eight columns, the litter between its parents, centred. */
  float x(int i) {
    return (width - (children + 2) * (size() + 16)) / 2 + 8 + i * (size() + 16);
  }

  float top() {
    return (height - 2 * size() - 100) / 2;
  }

  float below() {
    return top() + size() + 60;
  }

  public void draw() {
    if (painter == null) {
      showProblem();
      return;
    }
    painter.update();
    background(18, 17, 15);
    float s = size();
    for (int i = 0; i < parents.size(); i++) {
      show(parents.get(i), i < parentPictures.size() ? parentPictures.get(i) : null, x(i + 1), top(), s);
    }
    for (int i = 0; i < litter.size(); i++) {
      show(litter.get(i), i < litterPictures.size() ? litterPictures.get(i) : null, x(i + 1), below(), s);
    }
    if (second != null && !litter.isEmpty()) { // the parents at either end of their litter
      show(first, pictureOf(first), x(0), below(), s);
      show(second, pictureOf(second), x(children + 1), below(), s);
    }
    fill(200, 194, 170);
    textSize(16);
    textAlign(LEFT, BOTTOM);
    text(said, 20, height - 20);
    warning(painter.warning() != null ? painter.warning() : archive.warning());
  }

  PImage pictureOf(Creature c) {
    int i = parents.indexOf(c);
    return i >= 0 && i < parentPictures.size() ? parentPictures.get(i) : null;
  }

  void show(Creature c, PImage picture, float x, float y, float s) {
    if (picture != null) {
      image(picture, x, y);
    }
    noFill();
    strokeWeight(c == first || c == second ? 4 : 1);
    stroke(c == first || c == second ? color(255, 196, 90) : color(80));
    rect(x - 2, y - 2, s + 4, s + 4);
    fill(150);
    textSize(12);
    textAlign(LEFT, TOP);
    text("No. " + c.seed() + "\ngen " + c.generation(), x, y + s + 6);
  }

  public void mousePressed() {
    if (painter == null) {
      return;
    }
    float s = size();
    int column = floor((mouseX - x(0)) / (s + 16));
    boolean inside = mouseX - x(column) < s;
    if (inside && mouseY >= top() && mouseY < top() + s && column >= 1 && column <= parents.size()) {
      choose(parents.get(column - 1));
    } else if (inside && mouseY >= below() && mouseY < below() + s && column >= 1 && column <= litter.size()) {
      Creature child = litter.get(column - 1);
      if (parents.contains(child)) {
        choose(child);
        return;
      }
      parents.set(parents.indexOf(first == null ? parents.get(0) : first), child); // it takes its older parent's place
      first = second = null;
      paintParents();
      choose(child);
    }
  }

  /** A parent clicked: with two chosen, their litter is born. */
  void choose(Creature c) {
    chosen = c;
    if (first == null || first == c || second != null) {
      first = c;
      second = null;
      said = "No. " + c.seed() + lineage(c) + " — now click its partner. K keeps it in the archive.";
      return;
    }
    second = c;
    litter.clear();
    for (int i = 0; i < children; i++) {
      float t = (i + 1f) / (children + 1);   // from the first parent's side to the second's
      long seed = Math.floorMod(seed() * 1_000_003L + ++births, 1_000_000_000_000L);
      litter.add(new Creature(seed, Breeding.between(first.genome(), second.genome(), t, seed, mutation),
          new long[] {first.seed(), second.seed()}, System.currentTimeMillis(), Creature.Source.BRED,
          1 + max(first.generation(), second.generation()), first.model(), ""));
    }
    painter.paint("litter", litter.stream().map(Creature::genome).toList(), psi, p -> {
      litterImages = List.of(p);
      litterPictures = pictures(p);
    });
    said = "The children of No. " + first.seed() + " and No. " + second.seed() + ". Click one to make it a parent.";
  }

  String lineage(Creature c) {
    return c.parents().length == 2 ? ", child of No. " + c.parents()[0] + " and No. " + c.parents()[1] : "";
  }

  /** The chosen one, into the archive: K, or /mishmash/breeder/keep. */
  @Live void keep() {
    if (chosen != null && litter.contains(chosen) && litter.size() == litterImages.size()) {
      painter.save(archive, chosen, litterImages.get(litter.indexOf(chosen)));
      said = "No. " + chosen.seed() + " went into the archive.";
    } else if (chosen != null) {
      painter.paint("keep", List.of(chosen.genome()), psi, p -> painter.save(archive, chosen, p[0]));
      said = "No. " + chosen.seed() + " went into the archive.";
    }
  }

  public void keyPressed() {
    if (key == 'k' || key == 'K') {
      keep();
    }
  }

  void paintParents() {
    painter.paint("parents", parents.stream().map(Creature::genome).toList(), psi, p -> parentPictures = pictures(p));
  }

  List<PImage> pictures(Image[] images) {
    List<PImage> out = new ArrayList<>();
    for (Image i : images) {
      out.add(picture(i, (int) size(), (int) size()));
    }
    return out;
  }

  public static void main(String[] args) {
    run(Breeder.class, args);
  }
}
