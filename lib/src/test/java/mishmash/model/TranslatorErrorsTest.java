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

/** Every way a translator folder can be wrong gives one message that names the file and says what to do. */
class TranslatorErrorsTest {
  @TempDir Path tmp;

  private static ModelException failsToLoad(Path folder) {
    return assertThrows(ModelException.class, () -> Models.loadTranslator(folder).close());
  }

  private static void assertSays(ModelException e, Path file, String... words) {
    assertEquals(file, e.file(), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), "message names the file: " + e.getMessage());
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), "message should say '" + w + "': " + e.getMessage());
    }
  }

  private Path copyOf(String fixture) throws IOException {
    Path from = TinyModels.fixture(fixture);
    Path out = tmp.resolve(fixture);
    Files.createDirectories(out);
    try (Stream<Path> files = Files.list(from)) {
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
    if (value == null) {
      assertTrue(m.has(field), "fixture has " + field);
      m.remove(field);
    } else {
      m.add(field, value);
    }
    Files.writeString(json, m.toString());
  }

  @Test
  void missingFolderAndManifest() throws IOException {
    Path nowhere = tmp.resolve("no-such-translator");
    assertSays(failsToLoad(nowhere), nowhere, "no model folder");
    ModelException byName = assertThrows(ModelException.class, () -> Models.loadTranslator("no-such-translator"));
    assertTrue(byName.getMessage().contains("Available models"), byName.getMessage());
    Files.createDirectories(tmp.resolve("empty"));
    assertSays(failsToLoad(tmp.resolve("empty")), tmp.resolve("empty/model.json"), "missing");
  }

  @Test
  void missingWeightsInEitherFormat() throws IOException {
    for (String fixture : new String[] {"ts-translator", "onnx-translator"}) {
      Path folder = copyOf(fixture);
      Path weights = folder.resolve(fixture.startsWith("ts") ? "netG.pt" : "netG.onnx");
      Files.delete(weights);
      assertSays(failsToLoad(folder), weights, "missing", "copy the exported network");
    }
  }

  @Test
  void truncatedWeightsInEitherFormat() throws IOException {
    for (String fixture : new String[] {"ts-translator", "onnx-translator"}) {
      Path folder = copyOf(fixture);
      Path weights = folder.resolve(fixture.startsWith("ts") ? "netG.pt" : "netG.onnx");
      byte[] bytes = Files.readAllBytes(weights);
      Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));
      assertSays(failsToLoad(folder), weights, "cannot be loaded", "truncated", "export it again");
    }
  }

  @Test
  void manifestWithoutTheTranslatorFileOrImageSize() throws IOException {
    Path folder = copyOf("ts-translator");
    JsonObject files = new JsonObject();
    files.addProperty("generator", "netG.pt");
    edit(folder, "files", files);
    assertSays(failsToLoad(folder), folder.resolve("model.json"), "no \"translator\" entry");
    Path other = copyOf("onnx-translator");
    edit(other, "image_size", null);
    assertSays(failsToLoad(other), other.resolve("model.json"), "has no \"image_size\"", "Add it");
  }

  @Test
  void aDjlTranslatorIsRefused() throws IOException {
    Path folder = copyOf("ts-translator");
    edit(folder, "format", new JsonPrimitive("djl"));
    assertSays(failsToLoad(folder), folder.resolve("model.json"), "\"torchscript\" or \"onnx\"");
  }

  @Test
  void aGeneratorFolderIsNotATranslatorAndViceVersa() {
    Path generator = TinyModels.fixture("ts-single");
    assertSays(failsToLoad(generator), generator.resolve("model.json"),
        "\"kind\": \"generator\"", "needs a translator", "\"kind\": \"translator\"");
    Path translator = TinyModels.fixture("onnx-translator");
    ModelException e = assertThrows(ModelException.class, () -> Models.load(translator).close());
    assertSays(e, translator.resolve("model.json"), "\"kind\": \"translator\"", "for the booth", "needs a generator");
  }

  @Test
  void aGeneratorNetworkHandedAsTranslator() throws IOException {
    Path folder = copyOf("ts-translator");
    Files.copy(TinyModels.fixture("ts-single").resolve("generator.pt"), folder.resolve("generator.pt"));
    JsonObject files = new JsonObject();
    files.addProperty("translator", "generator.pt");
    edit(folder, "files", files);
    assertSays(failsToLoad(folder), folder.resolve("generator.pt"), "rejected", "image-to-image network");
  }

  @Test
  void aNetworkThatGivesNoPicture() {
    Path folder = TinyModels.fixture("ts-encoder");
    assertSays(failsToLoad(folder), folder.resolve("encoder.pt"), "[1, 8]", "[1, 3, 64, 64]",
        "image-to-image");
  }

  @Test
  void imageSizeTheNetworkDoesNotTake() throws IOException {
    Path onnx = copyOf("onnx-translator");
    edit(onnx, "image_size", new JsonPrimitive(32));
    assertSays(failsToLoad(onnx), onnx.resolve("netG.onnx"), "rejected", "32x32", "image_size");
    Path ts = copyOf("ts-translator");
    edit(ts, "image_size", new JsonPrimitive(62));
    assertSays(failsToLoad(ts), ts.resolve("netG.pt"), "[1, 3, 64, 64]", "Fix image_size");
  }

  @Test
  void afterAFailureTheCallerCarriesOn() throws IOException {
    failsToLoad(TinyModels.fixture("ts-encoder"));
    try (Translator t = Models.loadTranslator(TinyModels.fixture("ts-translator"))) {
      assertEquals(64, t.translate(new Image(3, 3, new int[9])).width());
    }
  }
}
