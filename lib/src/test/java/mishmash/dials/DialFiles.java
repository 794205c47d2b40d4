package mishmash.dials;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import mishmash.model.MadeFor;
import mishmash.model.Manifest;

/** Dials files for tests: random directions, a step of 1, for a model folder's generator. */
final class DialFiles {
  private DialFiles() {}

  /** The tiny test model's shape: 6 layers of 16, latents of 16. */
  static final int LAYERS = 6;

  static Path write(Path modelFolder, int styleSize, int latentSize, String... names) throws IOException {
    return write(modelFolder, MadeFor.of(Manifest.read(modelFolder)), styleSize, latentSize, names);
  }

  static Path write(Path modelFolder, MadeFor madeFor, int styleSize, int latentSize, String... names) throws IOException {
    Random r = new Random(1);
    JsonObject o = new JsonObject();
    o.addProperty("kind", "dials");
    o.addProperty("version", Dials.VERSION);
    o.add("generator", madeFor.toJson());
    o.addProperty("style_layers", LAYERS);
    o.addProperty("style_size", styleSize);
    o.addProperty("latent_size", latentSize);
    JsonArray range = new JsonArray();
    range.add(-3);
    range.add(3);
    o.add("range", range);
    o.addProperty("levels_per_unit", 8);
    JsonArray dials = new JsonArray();
    for (String n : names) {
      JsonObject d = new JsonObject();
      d.addProperty("name", n);
      d.addProperty("kind", "supervised");
      d.addProperty("description", "more " + n);
      d.addProperty("w", Dials.encode(Linear.unit(gaussian(r, styleSize))));
      d.addProperty("w_step", 1f);
      d.addProperty("z", Dials.encode(Linear.unit(gaussian(r, latentSize))));
      d.addProperty("z_step", 1f);
      if (n.equals("smile")) { // a dial of the fine layers only
        JsonArray layers = new JsonArray();
        layers.add(4);
        layers.add(5);
        d.add("layers", layers);
      }
      dials.add(d);
    }
    o.add("dials", dials);
    Path file = modelFolder.resolve(Dials.FILE);
    Files.writeString(file, o.toString());
    return file;
  }

  static float[] gaussian(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }
}
