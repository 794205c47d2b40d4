package mishmash.specimens;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cells come in every stain, from sparse to crowded, some dividing; the field stop is there only when the attributes say so. */
class CellsTest {
  static final int N = 300;
  static final List<Attributes> about = new ArrayList<>();
  static final List<BufferedImage> pictures = new ArrayList<>();

  @BeforeAll
  static void draw() {
    System.setProperty("java.awt.headless", "true");
    var canvas = Dataset.offscreen(48);
    for (int i = 0; i < N; i++) {
      about.add(Specimen.draw(canvas, 2, Dataset.seedOf(5, i)));
      pictures.add(Dataset.picture(canvas));
    }
  }

  @Test
  void everyStainImagingDensityAndMagnificationIsDrawn() {
    Set<String> stains = new HashSet<>();
    Set<String> imaging = new HashSet<>();
    double sparse = 1;
    double dense = 0;
    double near = 0;
    double far = 9;
    int dividing = 0;
    for (Attributes a : about) {
      stains.add(a.text("stain"));
      imaging.add(a.text("imaging"));
      sparse = Math.min(sparse, a.number("density"));
      dense = Math.max(dense, a.number("density"));
      near = Math.max(near, a.number("magnification"));
      far = Math.min(far, a.number("magnification"));
      dividing += a.number("mitoses") > 0 ? 1 : 0;
    }
    assertTrue(stains.size() == Cells.STAINS.length, "stains " + stains);
    assertTrue(imaging.size() == 4, "imaging " + imaging);
    assertTrue(sparse < 0.02 && dense > 0.98, "densities from " + sparse + " to " + dense);
    assertTrue(far < 0.7 && near > 2, "magnifications from " + far + " to " + near);
    assertTrue(dividing > N / 5, dividing + " of " + N + " fields show a dividing cell");
  }

  @Test
  void denserFieldsHoldMoreCells() {
    Map<String, List<double[]>> byStain = new HashMap<>();
    for (Attributes a : about) {
      byStain.computeIfAbsent(a.text("stain"), k -> new ArrayList<>())
          .add(new double[] {a.number("density"), a.number("cells") * a.number("magnification") * a.number("magnification")});
    }
    for (var e : byStain.entrySet()) {
      double r = correlation(e.getValue());
      assertTrue(r > 0.4, e.getKey() + ": density and the number of cells (per area) correlate only " + r);
    }
  }

  @Test
  void theFieldStopDarkensTheCornersOnlyWhenThere() {
    int stopsWithLightCorners = 0;
    int openBrightfieldWithLightCorners = 0;
    int openBrightfield = 0;
    for (int i = 0; i < N; i++) {
      double corners = corners(pictures.get(i));
      boolean stop = about.get(i).number("fieldStop") == 1;
      stopsWithLightCorners += stop && corners > 20 ? 1 : 0;
      if (!stop && about.get(i).text("imaging").equals("brightfield")) {
        openBrightfield++;
        openBrightfieldWithLightCorners += corners > 100 ? 1 : 0;
      }
    }
    assertTrue(stopsWithLightCorners == 0, stopsWithLightCorners + " pictures with a field stop have light corners");
    assertTrue(openBrightfieldWithLightCorners > openBrightfield * 0.9,
        openBrightfieldWithLightCorners + " of " + openBrightfield + " open brightfield pictures have light corners");
  }

  static double corners(BufferedImage image) {
    int w = image.getWidth();
    return (Pictures.luma(image.getRGB(1, 1)) + Pictures.luma(image.getRGB(w - 2, 1)) + Pictures.luma(image.getRGB(1, w - 2))
        + Pictures.luma(image.getRGB(w - 2, w - 2))) / 4;
  }

  static double correlation(List<double[]> xy) {
    double mx = 0;
    double my = 0;
    for (double[] p : xy) {
      mx += p[0] / xy.size();
      my += p[1] / xy.size();
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double[] p : xy) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
    }
    return sxy / Math.sqrt(sxx * syy + 1e-12);
  }
}
