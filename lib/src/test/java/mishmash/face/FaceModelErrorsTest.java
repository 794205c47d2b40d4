package mishmash.face;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import mishmash.model.ModelException;
import mishmash.model.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing or damaged weight files give one message that names the file and says what to do. */
class FaceModelErrorsTest {
  @TempDir
  Path tmp;

  private Path copy() throws IOException {
    Path folder = tmp.resolve("face-api");
    Files.createDirectories(folder);
    try (Stream<Path> files = Files.list(Fixture.MODEL)) {
      for (Path f : files.toList()) {
        Files.copy(f, folder.resolve(f.getFileName()));
      }
    }
    return folder;
  }

  private static ModelException fails(Path folder, String fileName, String... words) {
    ModelException e = assertThrows(ModelException.class, () -> FaceAnalyzer.load(folder).close());
    assertTrue(e.file().getFileName().toString().equals(fileName), "names " + e.file() + ", expected " + fileName);
    for (String w : words) {
      assertTrue(e.getMessage().contains(w), "\"" + w + "\" missing from: " + e.getMessage());
    }
    return e;
  }

  @Test
  void missingFolder() {
    fails(tmp.resolve("nowhere"), "nowhere", "no model folder");
  }

  @Test
  void missingBin() throws IOException {
    Path folder = copy();
    Files.delete(folder.resolve("face_landmark_68_model.bin"));
    fails(folder, "face_landmark_68_model.bin", "missing", "Copy the folder models/face-api");
  }

  @Test
  void truncatedBin() throws IOException {
    Path folder = copy();
    Path bin = folder.resolve("age_gender_model.bin");
    byte[] all = Files.readAllBytes(bin);
    Files.write(bin, java.util.Arrays.copyOf(all, all.length / 2));
    fails(folder, "age_gender_model-weights_manifest.json", "truncated", "Copy the folder models/face-api");
  }

  @Test
  void missingManifest() throws IOException {
    Path folder = copy();
    Files.delete(folder.resolve("tiny_face_detector_model-weights_manifest.json"));
    fails(folder, "tiny_face_detector_model-weights_manifest.json", "missing");
  }

  @Test
  void corruptManifest() throws IOException {
    Path folder = copy();
    Files.writeString(folder.resolve("face_expression_model-weights_manifest.json"), "[{\"paths\": [", StandardCharsets.UTF_8);
    fails(folder, "face_expression_model-weights_manifest.json", "not valid JSON");
  }

  @Test
  void weightsOfAnotherNetInARole() throws IOException {
    Path folder = copy();
    Path json = folder.resolve("model.json");
    Files.writeString(json, Files.readString(json).replace(
        "\"expression\": \"face_expression_model-weights_manifest.json\"",
        "\"expression\": \"age_gender_model-weights_manifest.json\""));
    fails(folder, "age_gender_model-weights_manifest.json", "not the model this role needs");
  }

  @Test
  void aGeneratorIsNotAFaceModel() {
    Path generator = Models.directory().resolve("creatures");
    fails(generator, "model.json", "not \"face-analysis\"");
  }

  @Test
  void theFaceModelIsNotAGenerator() {
    ModelException e = assertThrows(ModelException.class, () -> Models.load(Fixture.MODEL).close());
    assertTrue(e.getMessage().contains("\"kind\": \"face-analysis\": it is a face-analysis model"), e.getMessage());
    assertTrue(e.getMessage().contains("needs a generator"), e.getMessage());
  }
}
