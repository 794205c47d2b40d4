package mishmash.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.DocumentationTool;
import javax.tools.ToolProvider;

/**
 * Builds the Processing library: a folder {@code Mishmash/} as the IDE's contribution manager lays
 * libraries out, zipped, and the same zip as {@code Mishmash.pdex} for a double-click install:
 *
 * <pre>
 * Mishmash/library.properties   name, authors, url, category, sentence, paragraph, versions
 * Mishmash/library/Mishmash.jar lib and the sketches' shared classes (mishmash.*)
 * Mishmash/library/*.jar        every runtime jar they need (DJL, the PyTorch engine and its natives,
 *                               JavaOSC, ...), never Processing core or its OpenGL jars: the IDE has
 *                               them, and disables a library whose jar holds processing/core/PApplet
 * Mishmash/examples/NAME/NAME.pde  every sketch in sketches/, made from its .java (see below)
 * Mishmash/reference/           javadoc of the public API
 * Mishmash/models/              the default model and the face networks
 * Mishmash/data/                what the examples read (DataWalk's recorded stream)
 * </pre>
 *
 * <p>One source of truth: an example is its sketch's file in {@code sketches/} with one word changed,
 * {@code MishmashSketch} to {@link mishmash.sketch.MishmashPApplet} (the IDE's preprocessor leaves a tab
 * holding a whole class alone only when the class extends a name ending in {@code PApplet}); nobody
 * edits a {@code .pde}.
 *
 * <pre>mvn -q package -DskipTests -Plibrary      writes sketches/target/library/Mishmash-PLATFORM.zip and .pdex</pre>
 */
public final class Library {
  static final String NAME = "Mishmash";

  /** Where the parts come from. */
  public record Sources(Path project, List<Path> classpath, Path sketchClasses, String version, String url) {}

  private Library() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: Library PROJECT_DIR RUNTIME_CLASSPATH_FILE SKETCH_CLASSES OUT_DIR");
      System.exit(2);
    }
    Path project = Paths.get(args[0]);
    List<Path> classpath = new ArrayList<>();
    for (String p : Files.readString(Paths.get(args[1])).trim().split(java.io.File.pathSeparator)) {
      if (!p.isBlank()) {
        classpath.add(Paths.get(p));
      }
    }
    String url = tag(project, "url");
    if (url.isEmpty()) {
      System.err.println("mishmash: pom.xml has no <url>: library.properties says url= (the contribution manager wants one)");
    }
    Path zip = build(new Sources(project, classpath, Paths.get(args[2]), tag(project, "version"), url), Paths.get(args[3]));
    System.out.printf(Locale.ROOT, "wrote %s (%.1f MB) and %s%n", zip, Files.size(zip) / 1e6,
        zip.resolveSibling(NAME + ".pdex"));
  }

  /** The project's own {@code <version>} or {@code <url>} from its pom (after its modelVersion), or "". */
  static String tag(Path project, String tag) throws IOException {
    String pom = Files.readString(project.resolve("pom.xml"));
    int start = pom.indexOf("<" + tag + ">", pom.indexOf("</modelVersion>"));
    if (start < 0 || start > pom.indexOf("<properties>")) {
      return "";
    }
    start += tag.length() + 2;
    return pom.substring(start, pom.indexOf("</" + tag + ">", start)).trim();
  }

  /** Builds {@code out/Mishmash/} and zips it; returns the zip (its platform in its name). */
  public static Path build(Sources in, Path out) throws IOException {
    Path root = out.resolve(NAME);
    deleteTree(root);
    Path lib = Files.createDirectories(root.resolve("library"));
    List<Path> ours = new ArrayList<>(List.of(in.sketchClasses()));
    String platform = "any";
    for (Path p : in.classpath()) {
      String name = p.getFileName().toString();
      if (p.toString().contains("mishmash-lib") || Files.isDirectory(p)) {
        ours.add(p); // lib's classes (a jar, or target/classes in a reactor build)
      } else if (bundled(p)) {
        Files.copy(p, lib.resolve(name));
        if (name.startsWith("pytorch-native-cpu-")) {
          platform = name.replaceAll("pytorch-native-cpu-[^-]+-(.*)\\.jar", "$1");
        }
      }
    }
    writeJar(ours, lib.resolve(NAME + ".jar"));
    Files.writeString(root.resolve("library.properties"), properties(in.version(), in.url()), StandardCharsets.UTF_8);
    List<String> examples = examples(in.project().resolve("sketches"), root.resolve("examples"));
    copyModels(in.project().resolve("models"), root.resolve("models"));
    copyTree(in.project().resolve("data/datawalk"), root.resolve("data/datawalk"));
    reference(in, root.resolve("reference"));
    Path zip = out.resolve(NAME + "-" + platform + ".zip");
    zip(root, zip);
    Files.copy(zip, out.resolve(NAME + ".pdex"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.println("examples: " + String.join(", ", examples));
    return zip;
  }

  /** A runtime jar the library ships: everything but Processing itself and its OpenGL (the IDE has them). */
  static boolean bundled(Path jar) {
    String p = jar.toString().replace('\\', '/');
    return p.endsWith(".jar") && !p.contains("/org/processing/") && !p.contains("/org/jogamp/");
  }

  static String properties(String version, String url) {
    int number = 1; // the contribution manager compares this number; bump it with each release
    return String.join("\n",
        "name=Mishmash",
        "authors=The Mishmash contributors",
        "url=" + url,
        "categories=Simulation,Video & Vision",
        "sentence=A live, breeding archive of GAN-made human-machine creatures, playable over OSC and MIDI.",
        "paragraph=Creatures from a GAN that runs on the CPU (DJL, PyTorch): latent walks, breeding, a Molnar grid, "
            + "walks driven by music or data, the archive grid and the selfie booth. Every @Live field is a knob over "
            + "OSC, OSCQuery, MIDI learn and an on-screen panel. No GPU, no Python, nothing downloaded while it runs.",
        "version=" + number,
        "prettyVersion=" + version,
        "minRevision=1294", // Processing 4.5.7, the core it is built against
        "maxRevision=0",
        "") ;
  }

  /** Every sketch in {@code sketches/} as {@code examples/NAME/NAME.pde}; returns their names. */
  static List<String> examples(Path sketches, Path into) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(sketches)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = f.getFileName().toString().replace(".java", "");
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (!text.contains("extends MishmashSketch")) {
          continue;
        }
        String pde = "// Made from sketches/" + name + ".java by the library build: change that file, not this one.\n"
            + text.replace("import mishmash.sketch.MishmashSketch;", "import mishmash.sketch.MishmashPApplet;")
                .replace("extends MishmashSketch", "extends MishmashPApplet");
        Path dir = Files.createDirectories(into.resolve(name));
        Files.writeString(dir.resolve(name + ".pde"), pde, StandardCharsets.UTF_8);
        names.add(name);
      }
    }
    return names;
  }

  /** models/DEFAULT, the model it names, and the face networks (the booth's); no checkpoints or samples. */
  static void copyModels(Path models, Path into) throws IOException {
    Files.createDirectories(into);
    Files.copy(models.resolve("DEFAULT"), into.resolve("DEFAULT"));
    String dflt = Files.readString(models.resolve("DEFAULT")).trim();
    for (String m : new TreeSet<>(Set.of(dflt, "face-api"))) {
      if (Files.isDirectory(models.resolve(m))) {
        copyTree(models.resolve(m), into.resolve(m));
      }
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        String rel = from.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith("samples") || rel.endsWith("checkpoint.bin")) {
          continue;
        }
        Path target = to.resolve(rel);
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }

  /** One jar of every class and resource in {@code parts} (jars or class folders), first one wins. */
  static void writeJar(List<Path> parts, Path jar) throws IOException {
    Set<String> seen = new TreeSet<>();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path part : parts) {
        if (Files.isDirectory(part)) {
          try (Stream<Path> all = Files.walk(part)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
              String name = part.relativize(p).toString().replace('\\', '/');
              boolean example = !name.contains("/") && name.endsWith(".class"); // the sketches themselves: examples
              if (!example && seen.add(name)) {
                out.putNextEntry(new JarEntry(name));
                Files.copy(p, out);
                out.closeEntry();
              }
            }
          }
        } else {
          try (JarFile in = new JarFile(part.toFile())) {
            for (JarEntry e : in.stream().toList()) {
              if (!e.isDirectory() && !e.getName().startsWith("META-INF/") && seen.add(e.getName())) {
                out.putNextEntry(new JarEntry(e.getName()));
                try (InputStream s = in.getInputStream(e)) {
                  s.transferTo(out);
                }
                out.closeEntry();
              }
            }
          }
        }
      }
    }
  }

  /** Javadoc of lib and the sketches' shared classes, by the JDK's own javadoc. */
  static void reference(Sources in, Path into) throws IOException {
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    List<String> files = new ArrayList<>();
    for (Path src : List.of(in.project().resolve("lib/src/main/java"), in.project().resolve("sketches/mishmash/sketch"),
        in.project().resolve("sketches/mishmash/library"))) {
      try (Stream<Path> all = Files.walk(src)) {
        all.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(files::add);
      }
    }
    List<String> args = new ArrayList<>(List.of("-quiet", "-Xdoclint:none", "-notimestamp", "-d", into.toString(),
        "-cp", in.sketchClasses() + java.io.File.pathSeparator
            + String.join(java.io.File.pathSeparator, in.classpath().stream().map(Path::toString).toList())));
    args.addAll(files);
    int code = javadoc.run(null, OutputStream.nullOutputStream(), System.err, args.toArray(String[]::new));
    if (code != 0) {
      throw new IOException("javadoc failed (exit " + code + ")");
    }
  }

  static void zip(Path root, Path zip) throws IOException {
    Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp)); Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
        out.setLevel(p.toString().endsWith(".jar") ? 1 : 9); // jars are compressed already
        out.putNextEntry(new ZipEntry(root.getParent().relativize(p).toString().replace('\\', '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
