package mishmash.model;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import mishmash.files.AtomicFile;
import mishmash.files.Header;
import mishmash.model.net.StyleNet;

/** Writes a complete model folder in the project's own (djl) format: weights first, then model.json. */
public final class ModelFolder {
  public static final String WEIGHTS = "generator.params";

  private ModelFolder() {}

  /**
   * Writes {@code folder/generator.params} and {@code folder/model.json}, each atomically. The
   * manifest goes last, so a folder whose model.json exists always has its weights.
   *
   * @param provenance where the model came from: command, data, seed, steps, wall time, license…
   */
  public static void write(Path folder, StyleNet net, String name, String description, JsonObject provenance)
      throws IOException {
    AtomicFile.write(folder.resolve(WEIGHTS), out -> {
      DataOutputStream data = new DataOutputStream(out);
      Header.write(data, DjlGenerator.WeightsFile.MAGIC, DjlGenerator.WeightsFile.VERSION);
      net.saveParameters(data);
      data.flush();
    });
    StyleNet.Config c = net.config();
    JsonObject m = new JsonObject();
    m.addProperty("name", name);
    m.addProperty("kind", "generator");
    m.addProperty("format", "djl");
    m.addProperty("description", description);
    m.addProperty("latent_size", c.latentSize());
    JsonArray size = new JsonArray();
    size.add(c.imageSize());
    size.add(c.imageSize());
    m.add("image_size", size);
    JsonArray range = new JsonArray();
    range.add(-1);
    range.add(1);
    m.add("pixel_range", range);
    m.addProperty("style_layers", c.styleLayers());
    JsonObject files = new JsonObject();
    files.addProperty("weights", WEIGHTS);
    m.add("files", files);
    m.add("architecture", c.toJson());
    m.add("provenance", provenance);
    AtomicFile.writeString(folder.resolve(Manifest.FILE_NAME),
        new GsonBuilder().setPrettyPrinting().create().toJson(m) + "\n");
  }
}
