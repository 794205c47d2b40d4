package mishmash.face;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.imageio.ImageIO;

/**
 * A test image and what face-api.js 1.7.15 (TensorFlow.js CPU backend) made of it, written by
 * {@code tools/face-fixtures/make-fixtures.js} into {@code src/test/resources/fixtures/face/}.
 */
record Fixture(String name, int width, int height, int[] argb, JsonObject json) {
  static final Path DIR = Paths.get("src/test/resources/fixtures/face");
  static final Path MODEL = Paths.get("../models/face-api");

  static Fixture load(String name) {
    try {
      BufferedImage image = ImageIO.read(DIR.resolve(name + ".png").toFile());
      int w = image.getWidth();
      int h = image.getHeight();
      JsonObject json = JsonParser.parseString(Files.readString(DIR.resolve(name + ".json"), StandardCharsets.UTF_8))
          .getAsJsonObject();
      return new Fixture(name, w, h, image.getRGB(0, 0, w, h, null, 0, w), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonObject nets() {
    return json.getAsJsonObject("nets");
  }

  JsonArray faces() {
    return json.getAsJsonArray("faces");
  }

  static float[] floats(JsonElement e) {
    JsonArray a = e.getAsJsonArray();
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsFloat();
    }
    return out;
  }

  static Box box(JsonObject b) {
    return new Box(b.get("x").getAsFloat(), b.get("y").getAsFloat(), b.get("width").getAsFloat(),
        b.get("height").getAsFloat());
  }
}
