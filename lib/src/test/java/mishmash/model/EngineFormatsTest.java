package mishmash.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each exported format loads through the one loader and draws what PyTorch drew for the same
 * latents when the fixtures were made (expected.json, written by tools/make-fixtures.py).
 */
class EngineFormatsTest {

  /** The fixtures' rule for latents, so no random generator has to agree across languages. */
  static float[][] fixtureLatents(int size) {
    float[][] z = new float[2][size];
    for (int b = 0; b < 2; b++) {
      for (int i = 0; i < size; i++) {
        z[b][i] = (float) (Math.sin(1 + 0.37 * i + 1.91 * b) * 1.5);
      }
    }
    return z;
  }

  static int toByte(double v) {
    return (int) Math.max(0, Math.min(255, Math.floor((v + 1) / 2 * 255 + 0.5)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ts-single", "ts-styled", "onnx-single", "onnx-styled"})
  void drawsWhatPyTorchDrew(String fixture) throws IOException {
    JsonObject expected = JsonParser.parseString(
        Files.readString(TinyModels.fixture(fixture).resolve("expected.json"))).getAsJsonObject();
    try (Generator gan = Models.load(TinyModels.fixture(fixture))) {
      assertEquals(32, gan.latentSize());
      assertEquals(fixture.endsWith("styled"), gan.hasMapping());
      assertEquals(fixture.endsWith("styled") ? 6 : 1, gan.styleLayers());
      Image[] images = gan.generate(fixtureLatents(32));
      for (int b = 0; b < 2; b++) {
        Image image = images[b];
        assertEquals(32, image.width());
        assertEquals(32, image.height());
        JsonArray pixels = expected.getAsJsonArray("pixels").get(b).getAsJsonArray();
        for (int p = 0; p < pixels.size(); p++) {
          int red = image.argb()[p] >> 16 & 0xFF;
          assertEquals(toByte(pixels.get(p).getAsDouble()), red, 1, fixture + " image " + b + " pixel " + p);
        }
        double mean = 0;
        for (int argb : image.argb()) {
          mean += (argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF);
        }
        mean /= 3.0 * image.argb().length;
        double expectedMean = (expected.getAsJsonArray("mean").get(b).getAsDouble() + 1) / 2 * 255;
        assertEquals(expectedMean, mean, 1.0, fixture + " image " + b + " mean brightness");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ts-single", "onnx-single"})
  void withoutAMappingNetworkPsiScalesTheLatent(String fixture) {
    try (Generator gan = Models.load(TinyModels.fixture(fixture))) {
      float[][] z = fixtureLatents(32);
      Styles half = gan.map(z, 0.5f);
      assertEquals(z[1][5] * 0.5f, half.layer(1, 0)[5], 1e-6f);
      Image[] free = gan.generate(z, 1f);
      Image[] average = gan.generate(z, 0f);
      assertFalse(TinyModels.difference(free[0], average[0]) < 0.5, "psi changes the picture");
      assertTrue(TinyModels.difference(average[0], average[1]) < 0.5, "psi 0 maps every z to the same picture");
    }
  }
}
