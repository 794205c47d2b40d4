import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.tools.ToolProvider;
import mishmash.sketch.Headless;
import mishmash.sketch.MishmashSketch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workshop's first exercise: copy a piece to a new file, rename its class, change a number, run
 * it. The copy compiles on its own, against the same classpath as every sketch (sketches/*.java is
 * compiled whatever its name, so the build needs no change), and draws.
 */
class CopiedSketchTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"LatentWalk", "Breeder", "Molnar", "DataWalk"})
  void aCopyWithANewNameRunsWithNoChangeToTheBuild(String piece) throws Exception {
    String source = Files.readString(Paths.get(piece + ".java")).replace(piece, "My" + piece)
        .replace("psi = 0.", "psi = 1.0f; float was = 0."); // a student's first change
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("My" + piece + ".java"), source);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    StringWriter errors = new StringWriter();
    boolean ok = ToolProvider.getSystemJavaCompiler().getTask(errors, null, null,
        List.of("-cp", System.getProperty("java.class.path"), "-d", classes.toString()), null,
        ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null)
            .getJavaFileObjects(src.resolve("My" + piece + ".java"))).call();
    assertTrue(ok, errors.toString());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      MishmashSketch copy = (MishmashSketch) loader.loadClass("My" + piece).getDeclaredConstructor().newInstance();
      assertEquals("my" + piece.toLowerCase(), copy.name(), "its own OSC addresses");
      Path out = Pieces.render(copy, 640, 360, tmp, "copy", 2);
      assertTrue(Files.exists(out.resolve("frame-00001.png")));
      assertEquals(null, copy.problem());
    }
  }
}
