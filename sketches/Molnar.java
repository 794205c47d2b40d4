import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mishmash.grid.Painter;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.live.Live;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.sketch.MishmashSketch;
import processing.core.PImage;

/**
 * After Vera Molnár's "(Dés)Ordres" (1974): a grid of one creature, and one knob, disorder, that
 * lets each cell stray from its neighbours — in latent space (what it is) and on the paper (where it
 * sits, how it turns). At 0 every cell is the same creature in its place; at 1 each is its own.
 *
 *   mvn -q compile exec:java -Dsketch=Molnar -Dargs="--window 1280x720"
 *   oscsend localhost 8000 /mishmash/molnar/disorder f 0.3
 */
public class Molnar extends MishmashSketch {

  @Live(min = 0, max = 1, smooth = 0.3) float disorder = 0.1f; // 0: order, every cell alike; 1: chaos
  @Live(min = 1, max = 16) int columns = 8;
  @Live(min = 1, max = 9) int rows = 5;
  @Live(min = 0, max = 1.5) float psi = 0.7f;                  // truncation: 0 = the average creature

  Painter painter;
  long seed;                                  // the creature and each cell's own way to stray
  List<Image> cells = new ArrayList<>();      // each cell's creature, at the model's size
  List<PImage> shown = new ArrayList<>();
  String asked = "";                          // what the pictures were last asked for

  public void settings() {
    screen(JAVA2D);
  }

  public void setup() {
    Generator gan = loadModel();
    if (gan == null) {
      return;
    }
    painter = new Painter(gan, !headless());
    seed = seed();
  }

  /** Another creature, and other ways to stray: a button, or /mishmash/molnar/reroll. */
  @Live void reroll() {
    seed += 1000;
  }

  /** Cell i's creature: the grid's own, turned {@code disorder} of the way towards one of its own. */
  Genome cell(int i) {
    Generator gan = painter.generator();
    return Genomes.fresh(gan, seed).slerp(Genomes.fresh(gan, seed + 1 + i), disorder);
  }

  public void draw() {
    if (painter == null) {
      showProblem();
      return;
    }
    painter.update();
    float s = min((width - 40f) / columns, (height - 40f) / rows) * 0.8f; // a cell, with room to stray
    String ask = disorder + " " + psi + " " + columns + "x" + rows + " " + seed + " " + (int) s;
    if (!ask.equals(asked)) { // something changed: draw the grid anew (off the animation thread)
      asked = ask;
      List<Genome> genomes = new ArrayList<>();
      for (int i = 0; i < columns * rows; i++) {
        genomes.add(cell(i));
      }
      painter.paint("grid", genomes, psi, p -> {
        cells = List.of(p);
        shown = new ArrayList<>();
        for (Image c : p) {
          shown.add(picture(c, (int) s, (int) s));
        }
      });
    }
    background(236, 232, 220); // paper
    float pitch = s / 0.8f;
    float left = (width - columns * pitch) / 2;
    float top = (height - rows * pitch) / 2;
    for (int i = 0; i < min(shown.size(), columns * rows); i++) {
      Random stray = new Random(seed * 31 + i); // each cell strays its own way, the same every frame
      float dx = disorder * pitch * 0.25f * (float) stray.nextGaussian();
      float dy = disorder * pitch * 0.25f * (float) stray.nextGaussian();
      float turn = disorder * radians(25) * (float) stray.nextGaussian();
      pushMatrix();
      translate(left + (i % columns + 0.5f) * pitch + dx, top + (i / columns + 0.5f) * pitch + dy);
      rotate(turn);
      image(shown.get(i), -s / 2, -s / 2);
      popMatrix();
    }
    fill(90);
    textSize(14);
    textAlign(LEFT, BOTTOM);
    text("disorder " + nf(disorder, 1, 2), 20, height - 12);
    warning(painter.warning());
  }

  public static void main(String[] args) {
    run(Molnar.class, args);
  }
}
