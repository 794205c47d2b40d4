package mishmash.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import mishmash.model.net.StyleNet;

/** Small models for tests: a tiny StyleNet written to a folder, and the committed engine fixtures. */
public final class TinyModels {
  static final StyleNet.Config CONFIG = new StyleNet.Config(16, 16, 2, new int[] {16, 8, 8});

  private TinyModels() {}

  /** Writes a random-weight 16×16 StyleNet model folder and returns it. */
  public static Path styleNet(Path folder) throws IOException {
    Engine.getEngine("PyTorch").setRandomSeed(7);
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      StyleNet net = new StyleNet(CONFIG);
      net.initialize(manager);
      JsonObject provenance = new JsonObject();
      provenance.addProperty("command", "test");
      provenance.addProperty("license", "CC0-1.0");
      ModelFolder.write(folder, net, "tiny", "test model", provenance);
    }
    return folder;
  }

  /** A committed fixture folder under src/test/resources/fixtures. */
  public static Path fixture(String name) {
    try {
      return Paths.get(TinyModels.class.getResource("/fixtures/" + name + "/model.json").toURI()).getParent();
    } catch (Exception e) {
      throw new IllegalStateException("fixture " + name + " is missing; run tools/make-fixtures.py", e);
    }
  }

  /** Mean absolute difference of two pictures' channels, 0..255. */
  public static double difference(Image a, Image b) {
    long sum = 0;
    for (int i = 0; i < a.argb().length; i++) {
      int p = a.argb()[i];
      int q = b.argb()[i];
      for (int shift = 0; shift < 24; shift += 8) {
        sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
      }
    }
    return sum / (3.0 * a.argb().length);
  }
}
