import mishmash.latent.Latents;
import mishmash.model.Generator;
import mishmash.model.ModelException;
import mishmash.model.Models;
import processing.core.PApplet;
import processing.core.PImage;

/**
 * The archive grid: a wall of GAN-made creatures, one of them reborn every second.
 *
 * Run it with {@code mvn -q compile exec:java}; pick another model with
 * {@code -Dargs="--model my-stylegan"}.
 */
public class ArchiveGrid extends PApplet {

  int columns = 8;          // specimens across
  int rows = 5;             // specimens down
  float interval = 1.0f;    // seconds between births
  float psi = 0.7f;         // truncation: 0 = the average creature, 1 = anything goes

  Generator gan;
  String problem;           // shown instead of the grid when the model cannot be loaded
  PImage[] creatures;
  long[] seeds;
  long nextSeed;
  float lastBirth;

  public void settings() {
    size(1280, 720);
  }

  public void setup() {
    surface.setTitle("Mishmash: the archive grid");
    try {
      gan = Models.load(option("--model", "default"));
    } catch (ModelException e) {
      problem = e.getMessage();
      return;
    }
    nextSeed = (long) random(1_000_000);
    seeds = new long[columns * rows];
    creatures = new PImage[columns * rows];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = nextSeed++;
    }
    var images = gan.generate(Latents.batch(seeds[0], seeds.length, gan.latentSize()), psi);
    for (int i = 0; i < images.length; i++) {
      creatures[i] = new PImage(images[i].toBufferedImage());
    }
  }

  public void draw() {
    background(12);
    if (problem != null) {
      showProblem();
      return;
    }
    if (millis() / 1000f - lastBirth > interval) {
      lastBirth = millis() / 1000f;
      int cell = (int) random(creatures.length);
      seeds[cell] = nextSeed++;
      creatures[cell] = new PImage(gan.generate(Latents.of(seeds[cell], gan.latentSize())).toBufferedImage());
    }
    float w = width / (float) columns;
    float h = height / (float) rows;
    float side = min(w, h) * 0.86f;
    textAlign(CENTER, TOP);
    textSize(11);
    for (int i = 0; i < creatures.length; i++) {
      float x = (i % columns) * w + (w - side) / 2;
      float y = (i / columns) * h + (h - side) / 2 - 6;
      image(creatures[i], x, y, side, side);
      fill(200);
      text("No. " + seeds[i], x + side / 2, y + side + 2);
    }
  }

  void showProblem() {
    fill(255, 120, 90);
    textAlign(CENTER, CENTER);
    textSize(18);
    text("The model could not be loaded.\n\n" + problem, width * 0.1f, 0, width * 0.8f, height);
  }

  /** The value after {@code flag} on the command line, or {@code fallback}. */
  String option(String flag, String fallback) {
    if (args != null) {
      for (int i = 0; i < args.length - 1; i++) {
        if (args[i].equals(flag)) {
          return args[i + 1];
        }
      }
    }
    return fallback;
  }

  public static void main(String[] args) {
    PApplet.main(ArchiveGrid.class, args);
  }
}
