package mishmash.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a model folder can be wrong gives one message that names the file and says what to do. */
class ModelErrorsTest {
  @TempDir Path tmp;

  private ModelException failsToLoad(Path folder) {
    return assertThrows(ModelException.class, () -> Models.load(folder).close());
  }

  private static void assertSays(ModelException e, Path file, String... words) {
    assertEquals(file, e.file(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), "message names the file: " + e.getMessage());
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), "message should say '" + w + "': " + e.getMessage());
    }
  }

  private Path copyOf(Path fixture) throws IOException {
    Path out = tmp.resolve(fixture.getFileName());
    Files.createDirectories(out);
    try (Stream<Path> files = Files.list(fixture)) {
      for (Path f : files.toList()) {
        Files.copy(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return out;
  }

  /** Sets (or with null removes) one field of a folder's model.json. */
  private static void edit(Path folder, String field, JsonElement value) throws IOException {
    Path json = folder.resolve("model.json");
    JsonObject m = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertTrue(m.has(field), "fixture has " + field);
    if (value == null) {
      m.remove(field);
    } else {
      m.add(field, value);
    }
    Files.writeString(json, m.toString());
  }

  @Test
  void missingModelFolder() {
    Path nowhere = tmp.resolve("no-such-model");
    assertSays(failsToLoad(nowhere), nowhere, "no model folder");
    ModelException byName = assertThrows(ModelException.class, () -> Models.load("no-such-model"));
    assertTrue(byName.getMessage().contains("Available models"), byName.getMessage());
  }

  @Test
  void missingManifest() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    Path json = tmp.resolve("empty/model.json");
    assertSays(failsToLoad(tmp.resolve("empty")), json, "missing");
  }

  @Test
  void malformedManifest() throws IOException {
    Path folder = copyOf(TinyModels.fixture("ts-single"));
    Files.writeString(folder.resolve("model.json"), "{ \"kind\": \"generator\", \"format\": ");
    assertSays(failsToLoad(folder), folder.resolve("model.json"), "not valid JSON", "Fix the file");
  }

  @Test
  void aManifestThatIsNotTextAtAll() throws IOException {
    Path folder = copyOf(TinyModels.fixture("ts-single"));
    byte[] garbage = new byte[3000];
    new java.util.Random(5).nextBytes(garbage);
    Files.write(folder.resolve("model.json"), garbage); // a picture saved under the wrong name, a copy cut short
    ModelException e = failsToLoad(folder);
    assertSays(e, folder.resolve("model.json"), "is not a text file", "good copy");
    assertTrue(!e.getMessage().contains("Input length"), "no Java jargon: " + e.getMessage());
  }

  @Test
  void missingField() throws IOException {
    Path folder = copyOf(TinyModels.fixture("ts-single"));
    edit(folder, "latent_size", null);
    assertSays(failsToLoad(folder), folder.resolve("model.json"), "has no \"latent_size\"", "Add it");
  }

  @Test
  void unknownFormat() throws IOException {
    Path folder = copyOf(TinyModels.fixture("ts-single"));
    edit(folder, "format", new JsonPrimitive("tflite"));
    assertSays(failsToLoad(folder), folder.resolve("model.json"), "\"tflite\"", "djl, torchscript, onnx");
  }

  @Test
  void missingWeights() throws IOException {
    Path folder = copyOf(TinyModels.fixture("onnx-styled"));
    Files.delete(folder.resolve("synthesis.onnx"));
    assertSays(failsToLoad(folder), folder.resolve("synthesis.onnx"), "missing", "copy");
    Path djl = TinyModels.styleNet(tmp.resolve("djl"));
    Files.delete(djl.resolve(ModelFolder.WEIGHTS));
    assertSays(failsToLoad(djl), djl.resolve(ModelFolder.WEIGHTS), "missing");
  }

  @Test
  void truncatedWeightsInEveryFormat() throws IOException {
    Path djl = TinyModels.styleNet(tmp.resolve("djl"));
    Path[] weights = {
      djl.resolve(ModelFolder.WEIGHTS),
      copyOf(TinyModels.fixture("ts-single")).resolve("generator.pt"),
      copyOf(TinyModels.fixture("onnx-single")).resolve("generator.onnx"),
    };
    for (Path file : weights) {
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      ModelException e = failsToLoad(file.getParent());
      assertSays(e, file);
      assertTrue(e.getMessage().matches("(?s).*(truncated|cannot be loaded).*"), e.getMessage());
    }
  }

  @Test
  void latentSizeMismatchInEveryFormat() throws IOException {
    Path djl = TinyModels.styleNet(tmp.resolve("djl"));
    edit(djl, "latent_size", new JsonPrimitive(20));
    assertSays(failsToLoad(djl), djl.resolve(ModelFolder.WEIGHTS), "latent_size", "20");
    for (String fixture : new String[] {"ts-single", "ts-styled", "onnx-single", "onnx-styled"}) {
      Path folder = copyOf(TinyModels.fixture(fixture));
      edit(folder, "latent_size", new JsonPrimitive(48));
      ModelException e = failsToLoad(folder);
      assertTrue(e.getMessage().contains("latent_size"), fixture + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("48"), fixture + ": " + e.getMessage());
    }
  }

  @Test
  void imageSizeMismatch() throws IOException {
    Path folder = copyOf(TinyModels.fixture("ts-styled"));
    edit(folder, "image_size", new JsonPrimitive(64));
    assertSays(failsToLoad(folder), folder.resolve("synthesis.pt"), "Fix image_size");
  }

  @Test
  void afterAFailureTheCallerCarriesOn() throws IOException {
    failsToLoad(tmp.resolve("nothing"));
    try (Generator gan = Models.load(TinyModels.fixture("ts-single"))) {
      assertEquals(1, gan.generate(new float[][] {new float[32]}).length);
    }
  }
}
