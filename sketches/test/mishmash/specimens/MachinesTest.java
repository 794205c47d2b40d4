package mishmash.specimens;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Machines come in many kinds, and no kind keeps drawing the same layout. */
class MachinesTest {
  static final int N = 600;
  static final List<Attributes> about = new ArrayList<>();
  static final List<double[]> layouts = new ArrayList<>();

  @BeforeAll
  static void draw() {
    System.setProperty("java.awt.headless", "true");
    var canvas = Dataset.offscreen(48);
    for (int i = 0; i < N; i++) {
      about.add(Specimen.draw(canvas, 1, Dataset.seedOf(3, i)));
      BufferedImage image = Dataset.picture(canvas);
      layouts.add(Pictures.layout(image, 16));
    }
  }

  @Test
  void everyKindAndManyMaterialsAreDrawn() {
    Map<String, Integer> kinds = new HashMap<>();
    Map<String, Integer> materials = new HashMap<>();
    for (Attributes a : about) {
      kinds.merge(a.text("kind"), 1, Integer::sum);
      materials.merge(a.text("material"), 1, Integer::sum);
    }
    assertTrue(kinds.size() == Machines.KINDS.length, "kinds " + kinds);
    kinds.values().forEach(n -> assertTrue(n >= N / Machines.KINDS.length / 3, "kinds " + kinds));
    assertTrue(materials.size() >= 8, "materials " + materials);
  }

  @Test
  void noTwoMachinesAreLaidOutAlike() {
    double closest = -1;
    int a = 0;
    int b = 0;
    for (int i = 0; i < 200; i++) {
      for (int j = i + 1; j < 200; j++) {
        double c = Pictures.dot(layouts.get(i), layouts.get(j));
        if (c > closest) {
          closest = c;
          a = i;
          b = j;
        }
      }
    }
    assertTrue(closest < 0.9, "machines " + a + " and " + b + " are laid out alike: correlation " + closest);
  }

  @Test
  void noKindKeepsItsLayout() {
    Map<String, List<double[]>> byKind = new TreeMap<>();
    for (int i = 0; i < N; i++) {
      byKind.computeIfAbsent(about.get(i).text("kind"), k -> new ArrayList<>()).add(layouts.get(i));
    }
    StringBuilder report = new StringBuilder();
    double worst = 0;
    for (var e : byKind.entrySet()) {
      double shared = Pictures.sharedLayout(e.getValue()) - 1.0 / e.getValue().size();   // less what chance alone shares
      report.append(String.format(" %s %.3f", e.getKey(), shared));
      worst = Math.max(worst, shared);
    }
    assertTrue(worst < 0.1, "the share of a picture's layout that its kind predicts:" + report);
  }

  @Test
  void countsAreRecorded() {
    int gears = 0;
    for (Attributes a : about) {
      assertTrue(a.number("parts") >= 1, "a machine without parts: " + a);
      if (a.text("kind").equals("gears") || a.text("kind").equals("watch")) {
        assertTrue(a.number("gears") >= 2, "gears without gears: " + a);
        gears++;
      }
    }
    assertTrue(gears > 0);
  }
}
