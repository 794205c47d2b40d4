package mishmash.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preset or a recorded performance that is not text at all is named, with what to do; nothing is applied (issue 14). */
class GarbageFilesTest {
  @TempDir Path tmp;

  static final class Sketch {
    @Live(min = 0, max = 2) float mutation = 0.5f;
  }

  static byte[] garbage() {
    byte[] b = new byte[2000];
    new Random(3).nextBytes(b);
    return b;
  }

  @Test
  void aGarbagePresetIsNamedAndNothingChanges() throws IOException {
    Sketch s = new Sketch();
    Controls c = new Controls("test", Params.of(s), 1);
    Presets presets = new Presets(tmp.resolve("presets"), c);
    Files.createDirectories(presets.folder());
    Files.write(presets.folder().resolve("night.json"), garbage());
    IOException e = assertThrows(IOException.class, () -> presets.recall("night", 0, "osc"));
    assertTrue(e.getMessage().contains(presets.folder().resolve("night.json").toString()), e.getMessage());
    assertFalse(e.getMessage().contains("Input length"), e.getMessage());
    c.frame(0, 0);
    assertEquals(0.5f, s.mutation, "the values stay as they were");
  }

  @Test
  void aGarbagePerformanceIsNamed() throws IOException {
    Path file = Files.write(tmp.resolve("take.jsonl"), garbage());
    IOException e = assertThrows(IOException.class, () -> new Performance.Player(file, 0));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("Input length"), e.getMessage());
  }
}
