package mishmash.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import mishmash.features.FeatureNet;
import mishmash.model.Image;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.NativeTuning;
import mishmash.model.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two feature networks, run by KerasNet, against what TensorFlow.js computes with the same
 * files on the same picture (fixtures written by tools/feature-nets/make-fixtures.js): every probed
 * layer's mean activation per channel, and the networks' own class probabilities.
 */
class KerasNetTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures/features");

  @TempDir
  Path tmp;

  static JsonObject fixture(String model) throws IOException {
    return JsonParser.parseString(Files.readString(FIXTURES.resolve(model + ".json"))).getAsJsonObject();
  }

  static float[] floats(JsonArray a) {
    float[] v = new float[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).getAsFloat();
    }
    return v;
  }

  /** Runs the fixture's picture through the network and compares every probed layer and the probabilities. */
  void matchesTensorFlowJs(String model, float tolerance) throws IOException {
    JsonObject fx = fixture(model);
    List<String> layers = new ArrayList<>(fx.getAsJsonObject("layers").keySet());
    layers.add("dense_3");
    Image picture = Image.of(ImageIO.read(FIXTURES.resolve(fx.get("picture").getAsString()).toFile()));
    int size = fx.get("size").getAsInt();
    NativeTuning.apply();
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager();
        KerasNet net = KerasNet.load(Models.directory().resolve(model).resolve("topology.json"), layers, "recopy",
            m.newSubManager())) {
      NDArray x = m.create(Pixels.toPlanes(picture, 0f, 1f), new Shape(1, 3, size, size));
      NDList out = net.forward(x);
      for (int i = 0; i < layers.size() - 1; i++) {
        String layer = layers.get(i);
        float[] expected = floats(fx.getAsJsonObject("layers").getAsJsonArray(layer));
        float[] actual = KerasNet.spatialMean(out.get(i)).toFloatArray();
        float scale = 0;
        for (float e : expected) {
          scale = Math.max(scale, Math.abs(e));
        }
        float worst = 0;
        for (int c = 0; c < expected.length; c++) {
          worst = Math.max(worst, Math.abs(expected[c] - actual[c]));
        }
        assertTrue(worst <= tolerance * scale, model + " " + layer + ": largest difference " + worst
            + " of values up to " + scale);
      }
      assertArrayEquals(floats(fx.getAsJsonArray("probabilities")), out.get(layers.size() - 1).toFloatArray(), 1e-3f,
          model + " class probabilities");
    }
  }

  @Test
  void mobileNetMatchesTensorFlowJs() throws IOException {
    matchesTensorFlowJs("mobilenet-v2", 1e-3f);
  }

  @Test
  void inceptionMatchesTensorFlowJs() throws IOException {
    matchesTensorFlowJs("inception-v3", 1e-3f);
  }

  @Test
  void embeddingIsThePooledLayerAtAnySize() throws IOException {
    JsonObject fx = fixture("inception-v3");
    float[] expected = floats(fx.getAsJsonObject("layers").getAsJsonArray("mixed10"));
    Image picture = Image.of(ImageIO.read(FIXTURES.resolve("astronaut-299.png").toFile()));
    try (FeatureNet inception = FeatureNet.load("inception-v3", "embedding")) {
      assertEquals(299, inception.inputSize());
      float[][] f = inception.embed(List.of(picture, picture), 2);
      assertEquals(2048, f[0].length);
      assertArrayEquals(expected, f[0], 2e-3f);
      assertArrayEquals(f[0], f[1], 1e-5f);
    }
  }

  @Test
  void aDamagedShardIsNamed() throws IOException {
    Path folder = tmp.resolve("mobilenet-v2");
    Files.createDirectories(folder);
    Path source = Models.directory().resolve("mobilenet-v2");
    try (var files = Files.list(source)) {
      for (Path f : files.toList()) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    }
    Path shard = folder.resolve("group1-shard1of1");
    Files.write(shard, java.util.Arrays.copyOf(Files.readAllBytes(shard), 1000));
    ModelException e = assertThrows(ModelException.class, () -> FeatureNet.load(folder, "taps"));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("Copy the folder mobilenet-v2"),
        e.getMessage());
    Files.writeString(folder.resolve("topology.json"), "{\"modelTopology\": 3}");
    e = assertThrows(ModelException.class, () -> FeatureNet.load(folder, "taps"));
    assertTrue(e.getMessage().contains("not a TensorFlow.js Layers model"), e.getMessage());
    e = assertThrows(ModelException.class, () -> FeatureNet.load(Models.directory().resolve("mobilenet-v2"), "nothing"));
    assertTrue(e.getMessage().contains("names no layers for \"nothing\""), e.getMessage());
    e = assertThrows(ModelException.class, () -> FeatureNet.load(Models.directory().resolve("creatures"), "taps"));
    assertTrue(e.getMessage().contains("needs a pretrained image network"), e.getMessage());
  }
}
