package mishmash.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.nio.file.Paths;
import mishmash.model.net.StyleNet;

/**
 * Writes the stand-in default model: a StyleNet with random, untrained weights, so that everything
 * runs before a trained model exists. It draws abstract colour fields, not creatures.
 *
 * <pre>mvn -q -pl lib exec:java -Dexec.mainClass=mishmash.model.Placeholder -Dexec.args="models/placeholder-untrained"</pre>
 */
public final class Placeholder {
  public static final StyleNet.Config CONFIG = new StyleNet.Config(128, 128, 4, new int[] {128, 128, 64, 32, 16, 16});
  public static final long SEED = 20261123L;

  private Placeholder() {}

  public static void main(String[] args) throws Exception {
    Path out = Paths.get(args.length > 0 ? args[0] : "models/placeholder-untrained");
    Engine.getEngine("PyTorch").setRandomSeed((int) SEED);
    try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
      StyleNet net = new StyleNet(CONFIG);
      net.initialize(manager);
      JsonObject provenance = new JsonObject();
      provenance.addProperty("command", "mvn -q -pl lib exec:java -Dexec.mainClass=mishmash.model.Placeholder -Dexec.args=" + out);
      provenance.addProperty("data", "none: random initial weights, never trained");
      provenance.addProperty("seed", SEED);
      provenance.addProperty("license", "CC0-1.0");
      ModelFolder.write(out, net, out.getFileName().toString(),
          "PLACEHOLDER, NOT A TRAINED MODEL: an untrained StyleNet with random weights that stands in until "
              + "the trained default model lands. It draws abstract colour fields, not creatures.", provenance);
    }
    System.out.println("wrote " + out.toAbsolutePath());
  }
}
