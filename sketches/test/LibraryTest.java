import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import mishmash.library.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import processing.mode.java.preproc.PdePreprocessor;
import processing.mode.java.preproc.PreprocessorResult;

/**
 * The Processing library as a student gets it: built, unpacked into a scratch sketchbook, every .pde
 * example turned into Java by the IDE's own preprocessor, compiled against the library's jars and
 * Processing core alone, and run headless for a few frames, each in a JVM of its own started in its
 * sketch folder — so an example that would not run in the IDE fails the build.
 */
class LibraryTest {
  @TempDir Path tmp;

  /** What an example needs on its command line to run headless here (the booth: photos for a camera). */
  static final Map<String, List<String>> ARGS = Map.of(
      "Booth", List.of("--camera", "folder:" + Paths.get("../lib/src/test/resources/fixtures/face").toAbsolutePath()));

  static List<Path> runtimeClasspath() throws Exception {
    List<Path> out = new ArrayList<>();
    for (String p : Files.readString(Paths.get("target/runtime-classpath.txt")).trim().split(File.pathSeparator)) {
      out.add(Paths.get(p));
    }
    return out;
  }

  static Path processingCore() {
    for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (p.replace('\\', '/').contains("/org/processing/core/")) {
        return Paths.get(p);
      }
    }
    throw new AssertionError("Processing core is not on the test classpath");
  }

  static void unzip(Path zip, Path into) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (var e : z.stream().toList()) {
        Path target = into.resolve(e.getName()).normalize();
        assertTrue(target.startsWith(into), e.getName());
        Files.createDirectories(target.getParent());
        try (var in = z.getInputStream(e)) {
          Files.copy(in, target);
        }
      }
    }
  }

  @Test
  void everyExampleTurnsIntoJavaAsTheIdeTurnsItCompilesAgainstTheLibraryAloneAndRuns() throws Exception {
    Path built = tmp.resolve("built");
    Path zip = Library.build(new Library.Sources(Paths.get("..").toAbsolutePath().normalize(), runtimeClasspath(),
        Paths.get("target/classes"), "test", "https://example.org/mishmash"), built);
    assertTrue(Files.exists(built.resolve("Mishmash.pdex")));
    assertEquals(Files.size(zip), Files.size(built.resolve("Mishmash.pdex")), "the .pdex is the zip");

    Path libraries = Files.createDirectories(tmp.resolve("sketchbook/libraries"));
    unzip(zip, libraries);
    Path root = libraries.resolve("Mishmash");
    String properties = Files.readString(root.resolve("library.properties"));
    for (String key : List.of("name", "authors", "url", "categories", "sentence", "paragraph", "version",
        "prettyVersion", "minRevision", "maxRevision")) {
      assertTrue(properties.contains("\n" + key + "=") || properties.startsWith(key + "="), key + " in library.properties");
    }
    assertTrue(Files.exists(root.resolve("reference/index.html")), "the javadoc");
    assertTrue(Files.exists(root.resolve("models/DEFAULT")), "the default model");
    List<Path> jars;
    try (Stream<Path> s = Files.list(root.resolve("library"))) {
      jars = s.filter(p -> p.toString().endsWith(".jar")).toList();
    }
    for (Path jar : jars) {
      try (JarFile j = new JarFile(jar.toFile())) {
        assertTrue(j.getEntry("processing/core/PApplet.class") == null, jar + " holds Processing core: the IDE would disable the library");
      }
    }

    List<Path> examples;
    try (Stream<Path> s = Files.list(root.resolve("examples"))) {
      examples = s.sorted().toList();
    }
    assertTrue(examples.size() >= 6, "every sketch is an example: " + examples);
    String classpath = String.join(File.pathSeparator, jars.stream().map(Path::toString).toList()) + File.pathSeparator
        + processingCore();
    for (Path example : examples) {
      String name = example.getFileName().toString();
      String pde = Files.readString(example.resolve(name + ".pde"));
      assertFalse(pde.matches("(?s).*^import (?!mishmash\\.|processing\\.core\\.|java\\.).*"), name + " imports only mishmash.*, processing.core.* and java.*");
      // the IDE's preprocessor, as the IDE calls it
      StringWriter java = new StringWriter();
      PreprocessorResult result = (PreprocessorResult) PdePreprocessor.class.getMethod("write", Writer.class, String.class)
          .invoke(PdePreprocessor.builderFor(name).setTabSize(2).build(), java, pde);
      assertTrue(result.getPreprocessIssues().isEmpty(), name + ": " + result.getPreprocessIssues());
      Path src = Files.createDirectories(tmp.resolve("build/" + name + "/src"));
      Files.writeString(src.resolve(name + ".java"), java.toString());
      Path classes = Files.createDirectories(tmp.resolve("build/" + name + "/classes"));
      StringWriter errors = new StringWriter();
      var compiler = ToolProvider.getSystemJavaCompiler();
      boolean ok = compiler.getTask(errors, null, null, List.of("-cp", classpath, "-d", classes.toString(), "-proc:none"), null,
          compiler.getStandardFileManager(null, null, null).getJavaFileObjects(src.resolve(name + ".java"))).call();
      assertTrue(ok, name + " does not compile against the library alone:\n" + errors);

      // run in its sketch folder, far from the project's models/: it finds the library's own
      List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
          "-Djava.awt.headless=true", "-cp", classes + File.pathSeparator + classpath, name, "--frames", "3",
          "--out", "frames", "--size", "320x180", "--no-midi", "--no-mdns", "--osc-port", "0", "--http-port", "0"));
      command.addAll(ARGS.getOrDefault(name, List.of()));
      Process p = new ProcessBuilder(command).directory(example.toFile()).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), name + " did not end");
      assertEquals(0, p.exitValue(), name + ":\n" + output);
      assertTrue(Files.exists(example.resolve("frames/frame-00002.png")), name + " drew: " + output);
      assertFalse(output.contains("Mishmash cannot start") || output.contains("mishmash: no such model"), name + ":\n" + output);
    }

    // bad input: no PyTorch native (a library made for another platform), then no models folder
    Path walk = root.resolve("examples/LatentWalk");
    String noNative = String.join(File.pathSeparator, jars.stream().filter(j -> !j.toString().contains("pytorch-native"))
        .map(Path::toString).toList()) + File.pathSeparator + processingCore();
    String said = runs(walk, tmp.resolve("build/LatentWalk/classes") + File.pathSeparator + noNative,
        "-DDJL_CACHE_DIR=" + tmp.resolve("empty-cache"));
    assertTrue(said.contains("native library for"), said);
    Files.move(root.resolve("models"), root.resolve("models-away"));
    said = runs(walk, tmp.resolve("build/LatentWalk/classes") + File.pathSeparator + classpath, "-Dx=y");
    assertTrue(said.contains("DEFAULT"), said);
  }

  /** Runs LatentWalk headless for two frames; it must end well and draw; returns what it printed. */
  static String runs(Path folder, String classpath, String property) throws Exception {
    Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), property,
        "-Djava.awt.headless=true", "-cp", classpath, "LatentWalk", "--frames", "2", "--out", "bad", "--size", "320x180",
        "--no-midi", "--no-mdns", "--osc-port", "0", "--http-port", "0").directory(folder.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    assertTrue(Files.exists(folder.resolve("bad/frame-00001.png")), "the message is drawn on the canvas: " + output);
    return output;
  }
}
