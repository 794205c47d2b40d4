import java.util.List;
import mishmash.grid.Painter;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.latent.Loop;
import mishmash.live.Live;
import mishmash.model.Generator;
import mishmash.sketch.MishmashSketch;
import processing.core.PImage;

/**
 * A latent walk: one creature slowly turning into others and back, along a circle in latent space,
 * a perfect loop. At the end of every turn it sends /mishmash/latentwalk/loop N over OSC, so a
 * musician's patch can play in time with it (or drive `speed` to follow the music).
 *
 *   mvn -q compile exec:java -Dsketch=LatentWalk -Dargs="--window 1280x720"
 *   oscsend localhost 8000 /mishmash/latentwalk/radius f 1.0       a wider loop
 *   oscdump 9000                                                    the loop's beat (after you sent it something)
 */
public class LatentWalk extends MishmashSketch {

  @Live(min = 0, max = 1, unit = " loops/s", smooth = 0.5) float speed = 0.1f; // turns of the loop per second
  @Live(min = 0, max = 1, smooth = 0.5) float radius = 0.5f;   // 0: one creature, still; 1: the widest loop
  @Live(min = 0, max = 1.5, smooth = 0.5) float psi = 0.8f;    // truncation: 0 = the average creature

  Painter painter;   // the model draws off the animation thread
  Genome creature;   // the loop's centre: its layers and what it is made of
  Loop loop;         // the circle through latent space
  PImage shown;
  double phase;      // how far round the loop we are: 0 … 1
  int loops;         // completed turns
  double last;       // sketch time of the last frame

  public void settings() {
    screen(JAVA2D);
  }

  public void setup() {
    Generator gan = loadModel(); // --model NAME, or models/DEFAULT
    if (gan == null) {
      return;
    }
    painter = new Painter(gan, !headless());
    another(seed());
    last = now();
  }

  /** A new creature and a new loop around it: a button, a pad, or /mishmash/latentwalk/next. */
  @Live void next() {
    if (painter != null) {
      another(seed() + loops + (long) (1000 * now()));
    }
  }

  void another(long seed) {
    creature = Genomes.fresh(painter.generator(), seed);
    loop = new Loop(seed, painter.generator().latentSize());
  }

  public void draw() {
    if (painter == null) {
      showProblem(); // the model is missing: the screen says which and what to do
      return;
    }
    phase += speed * (now() - last);
    last = now();
    if (phase >= 1) {
      loops += (int) phase;
      phase -= Math.floor(phase);
      send("loop", loops); // musicians sync to this
    }
    int side = min(width, height) - 60;
    painter.update();
    painter.paint("walk", List.of(loop.at(creature, phase, radius)), psi, p -> shown = picture(p[0], side, side, shown));

    background(12);
    if (shown != null) {
      image(shown, (width - shown.width) / 2, (height - shown.height) / 2);
    }
    // the loop as a clock in the corner, filled as far round as we have come
    float r = 16;
    noFill();
    strokeWeight(3);
    stroke(60);
    ellipse(width - 40, height - 40, r * 2, r * 2);
    stroke(255, 196, 90);
    arc(width - 40, height - 40, r * 2, r * 2, -HALF_PI, -HALF_PI + TWO_PI * (float) phase);
    fill(150);
    textAlign(LEFT, BOTTOM);
    textSize(14);
    text("loop " + (loops + 1) + "   speed " + nf(speed, 1, 2) + "   radius " + nf(radius, 1, 2) + "   psi "
        + nf(psi, 1, 2), 20, height - 16);
    warning(painter.warning());
  }

  public static void main(String[] args) {
    run(LatentWalk.class, args);
  }
}
