import java.nio.file.Path;
import java.util.List;
import mishmash.feed.Loudness;
import mishmash.feed.Recording;
import mishmash.grid.Painter;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.latent.Loop;
import mishmash.live.Live;
import mishmash.model.Generator;
import mishmash.sketch.MishmashSketch;
import mishmash.sketch.Options;
import processing.core.PImage;

/**
 * Data drives a walk through latent space, as Klingemann's music or Ridler's market prices did: any
 * OSC stream sent to /mishmash/datawalk/input (0 … 1), or the sound input's loudness, moves the
 * creature faster and further, and opens the truncation dial. With nothing coming in it plays a
 * recorded stream. It sends out what it uses (/mishmash/datawalk/value, /psi, /radius).
 *
 *   mvn -q compile exec:java -Dsketch=DataWalk -Dargs="--window 1280x720"
 *   mvn -q compile exec:java -Dsketch=DataWalk -Dargs="--input sound"        the microphone
 *   oscsend localhost 8000 /mishmash/datawalk/input f 0.9                   any stream, by hand
 */
@Options({"--input SOURCE          osc (OSC to /mishmash/datawalk/input; until it comes, the recording), sound, or a file of seconds,value lines"})
public class DataWalk extends MishmashSketch {

  @Live(min = 0, max = 1, smooth = 0.1) float input = 0;     // the data: send any stream here
  @Live(min = 0, max = 1) float speed = 0.25f;               // turns of the walk per second at full input
  @Live(min = 0, max = 1) float depth = 0.8f;                // how strongly the data opens radius and psi

  Painter painter;
  Genome creature;
  Loop loop;
  Recording recording;       // what plays when nothing comes in: data/datawalk/example.csv
  Loudness sound;            // --input sound
  double heard = -1e9;       // when the input last changed (OSC, MIDI, the panel)
  double phase, last;
  float value;               // what drives the walk this frame
  float[] trace = new float[300];
  PImage shown;
  String from = "";
  String problem;            // a missing microphone or a broken file: said on screen, the walk goes on

  public void settings() {
    screen(JAVA2D);
  }

  public void setup() {
    Generator gan = loadModel();
    if (gan == null) {
      return;
    }
    painter = new Painter(gan, !headless());
    creature = Genomes.fresh(gan, seed());
    loop = new Loop(seed(), gan.latentSize());
    String source = option("--input", "osc");
    Path file = source.equals("osc") || source.equals("sound") ? dataFolder("datawalk/example.csv") : Path.of(source);
    try {
      recording = Recording.read(file);
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
    if (source.equals("sound")) {
      try {
        sound = Loudness.open();
      } catch (IllegalStateException e) {
        problem = e.getMessage();
      }
    }
    controls().addListener((param, cause) -> heard = param.name().equals("input") ? now() : heard);
    last = now();
  }

  public void draw() {
    if (painter == null) {
      showProblem();
      return;
    }
    if (sound != null) {
      value = (float) sound.value();
      from = "the sound input";
    } else if (now() - heard < 5 || recording == null) {
      value = input;
      from = "OSC /mishmash/" + name() + "/input";
    } else {
      value = (float) recording.at(now());
      from = "the recording (send OSC to /mishmash/" + name() + "/input to play it yourself)";
    }
    float radius = 0.2f + 0.7f * depth * value;
    float psi = 0.5f + 0.7f * depth * value;
    phase += (0.01 + speed * value) * (now() - last);
    last = now();
    send("value", value);
    send("psi", psi);
    send("radius", radius);

    int side = min(width - 40, height - 160);
    painter.update();
    painter.paint("walk", List.of(loop.at(creature, phase, radius)), psi, p -> shown = picture(p[0], side, side, shown));
    background(10, 12, 16);
    if (shown != null) {
      image(shown, (width - shown.width) / 2, 20);
    }
    System.arraycopy(trace, 1, trace, 0, trace.length - 1); // the last 300 frames of data, as a line
    trace[trace.length - 1] = value;
    noFill();
    stroke(255, 196, 90);
    strokeWeight(2);
    beginShape();
    for (int i = 0; i < trace.length; i++) {
      vertex(20 + i * (width - 40f) / trace.length, height - 30 - trace[i] * 90);
    }
    endShape();
    fill(160);
    textSize(14);
    textAlign(LEFT, BOTTOM);
    text("value " + nf(value, 1, 2) + "   radius " + nf(radius, 1, 2) + "   psi " + nf(psi, 1, 2) + "   from " + from,
        20, height - 8);
    warning(problem != null ? problem : painter.warning());
  }

  public static void main(String[] args) {
    run(DataWalk.class, args);
  }
}
