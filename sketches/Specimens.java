import java.util.Arrays;
import mishmash.specimens.Attributes;
import mishmash.specimens.Dataset;
import mishmash.specimens.Sheet;
import mishmash.specimens.Specimen;
import processing.core.PApplet;
import processing.core.PGraphics;

/**
 * Specimens: the three kinds of pictures the GAN learns from, drawn by hand in code —
 * a human face, a machine, and human cells under a microscope.
 *
 * Every picture comes from a seed: the same seed always draws the same picture, pixel for pixel.
 * The drawings themselves are in {@code mishmash/specimens/}: {@code Faces.java},
 * {@code Machines.java} and {@code Cells.java} — open one and change a palette or a range.
 *
 * Look at them: {@code mvn -q compile exec:java -Dsketch=Specimens}
 * (space: new seeds, 1 faces, 2 machines, 3 cells, 0 all three; click one to print what decided it).
 *
 * Make the training set (no window):
 * {@code mvn -q compile exec:java -Dsketch=Specimens -Dargs="--out data/specimens --count 3000 --size 128 --seed 1"}
 * writes data/specimens/faces/00000.png … and the same for machines and cells, and in each folder
 * attributes.jsonl: one line per picture with what decided it (a face's age, head turn, smile…).
 * Pictures that are already there are skipped, so an interrupted run carries on where it stopped.
 *
 * A contact sheet of 64 of one kind:
 * {@code -Dargs="--sheet faces.png --kind faces --seed 1"}.
 */
public class Specimens extends PApplet {

  int columns = 8;
  int rows = 5;
  int only = -1;                     // -1: all three kinds; 0, 1, 2: faces, machines or cells only
  PGraphics[] tiles;                 // one small canvas per specimen in the grid
  long[] seeds;                      // the seed each tile was drawn from
  int[] kinds;                       // 0 face, 1 machine, 2 cell
  Attributes[] about;                // what decided each tile's picture
  long nextSeed;

  public void settings() {
    size(1200, 800);
    smooth(8);
  }

  public void setup() {
    surface.setTitle("Mishmash: specimens (space = new seeds, 1 faces, 2 machines, 3 cells, 0 all)");
    int tile = min(width / columns, (height - 30) / rows) - 10;
    tiles = new PGraphics[columns * rows];
    seeds = new long[tiles.length];
    kinds = new int[tiles.length];
    about = new Attributes[tiles.length];
    for (int i = 0; i < tiles.length; i++) {
      tiles[i] = createGraphics(tile, tile);
    }
    nextSeed = (long) random(1_000_000);
    newSpecimens();
  }

  public void draw() {
    background(18);
    float w = width / (float) columns;
    float h = (height - 30) / (float) rows;
    textAlign(CENTER, TOP);
    textSize(11);
    for (int i = 0; i < tiles.length; i++) {
      float x = (i % columns) * w + (w - tiles[i].width) / 2;
      float y = (i / columns) * h + 4;
      image(tiles[i], x, y);
      fill(170);
      text(Specimen.DOMAINS[kinds[i]] + " " + seeds[i], x + tiles[i].width / 2f, y + tiles[i].height + 1);
    }
    fill(120);
    text("space: new seeds    1: faces    2: machines    3: cells    0: all three", width / 2f, height - 22);
  }

  public void mousePressed() {
    int column = (int) (mouseX / (width / (float) columns));
    int row = (int) (mouseY / ((height - 30) / (float) rows));
    int i = row * columns + column;
    if (column < columns && row < rows && i < tiles.length) {
      println(Specimen.DOMAINS[kinds[i]] + " " + seeds[i] + ": " + about[i]);
    }
  }

  public void keyPressed() {
    if (key >= '1' && key <= '3') {
      only = key - '1';
    } else if (key == '0') {
      only = -1;
    }
    newSpecimens();
  }

  /** Draws a fresh specimen into every tile of the grid: the next seed, and a face, machine or cell in turn. */
  void newSpecimens() {
    for (int i = 0; i < tiles.length; i++) {
      kinds[i] = only >= 0 ? only : i % 3;
      seeds[i] = nextSeed++;
      about[i] = Specimen.draw(tiles[i], kinds[i], seeds[i]);
    }
  }

  public static void main(String[] args) {
    try {
      if (Arrays.asList(args).contains("--out")) {
        Dataset.write(args);         // no window: draw the data set and stop
        return;
      }
      if (Arrays.asList(args).contains("--sheet")) {
        Sheet.write(args);           // no window: one contact sheet
        return;
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("Specimens: " + e.getMessage());
      System.exit(2);
    }
    PApplet.main(Specimens.class, args);
  }
}
