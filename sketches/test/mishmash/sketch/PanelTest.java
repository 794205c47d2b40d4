package mishmash.sketch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mishmash.live.Live;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The panel's words stay inside it: button labels fit their buttons, messages wrap instead of being cut off. */
class PanelTest {
  enum Death { LEAST_RECENT, OLDEST_GENERATION, RANDOM, SWEEP }

  public static class Plain extends MishmashSketch {
    @Live Death death = Death.OLDEST_GENERATION;
    @Live(min = 0, max = 1) float psi = 0.5f;

    public void setup() {}

    public void draw() {
      background(0);
    }
  }

  @TempDir Path tmp;

  Plain render(String... args) {
    Plain sketch = new Plain();
    sketch.args = args;
    Headless.render(sketch, 800, 600, 10, 1, tmp.resolve("frames"));
    return sketch;
  }

  // issue 12, 11: the death-policy button's text overflowed; a bad-preset message was clipped

  @Test
  void aChoiceButtonsLabelFitsTheButton() {
    Plain sketch = render();
    Panel panel = new Panel(sketch, sketch.live());
    for (String choice : List.of("least recent", "oldest generation", "random", "sweep")) {
      String label = panel.buttonLabel("‹ " + choice + " ›", 190);
      assertTrue(sketch.textWidth(label) <= 190 - 8, label + " is " + sketch.textWidth(label) + " px in a 190 px button");
      assertTrue(label.contains(choice), "all of it, at a smaller size if need be: " + label);
    }
    String tight = panel.buttonLabel("‹ oldest generation ›", 60);
    assertTrue(sketch.textWidth(tight) <= 52 && tight.endsWith("…"), "shortened when even 9 px does not fit: " + tight);
  }

  @Test
  void aLongProblemIsWrappedToThePanelNotCutOff() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data.resolve("presets/plain"));
    Files.writeString(data.resolve("presets/plain/arr.json"), "{\"sketch\":\"plain\",\"values\":[1,2,3]}");
    Plain sketch = render("--data", data.toString(), "--preset", "arr");
    String problem = sketch.live().problems().get(0);
    assertTrue(problem.contains("arr.json") && problem.contains("\"values\" as a list"), problem);
    Panel panel = new Panel(sketch, sketch.live());
    sketch.textSize(13);
    List<String> lines = panel.statusLines(null);
    assertTrue(lines.size() > 1, "wrapped: " + lines);
    for (String line : lines) {
      assertTrue(sketch.textWidth(line) <= Panel.WIDTH, line);
    }
    assertEquals(problem.replace(" ", ""), String.join("", lines).replace(" ", ""), "every word is there");
  }
}
