package mishmash.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and loads models from the {@code models/} folder. One loader for every format: it reads
 * model.json and hands the folder to the engine the format names.
 *
 * <p>{@code models/DEFAULT} holds the name of the model that "default" means.
 */
public final class Models {
  /** System property that points at the models folder; otherwise it is found from the working directory up. */
  public static final String DIR_PROPERTY = "mishmash.models";
  public static final String DEFAULT = "default";

  static {
    // Mishmash never downloads anything at run time: every engine and model ships with it.
    System.setProperty("ai.djl.offline", "true");
    // before PyTorch loads: reuse big tensors' memory, let idle threads sleep (several times faster)
    NativeTuning.apply();
  }

  private Models() {}

  /**
   * Loads a model by name ("default", a folder name under models/) or by path to a model folder.
   *
   * @throws ModelException with a message that names the file and says what to do
   */
  public static Generator load(String nameOrPath) {
    return load(resolve(nameOrPath));
  }

  /** Loads the generator in a model folder. */
  public static Generator load(Path folder) {
    Manifest manifest = Manifest.read(folder);
    if (manifest.kind() != Manifest.Kind.GENERATOR) {
      throw wrongKind(manifest, "a generator (latent → picture)", "generator");
    }
    return switch (manifest.format()) {
      case DJL -> new DjlGenerator(manifest);
      case TORCHSCRIPT -> new EngineGenerator(manifest, "PyTorch");
      case ONNX -> new EngineGenerator(manifest, "OnnxRuntime");
      case TFJS -> throw new ModelException(folder.resolve(Manifest.FILE_NAME), "says format \"tfjs\", which "
          + "Mishmash reads only for face analysis and pretrained image features. A generator must be djl, torchscript or onnx.");
    };
  }

  /**
   * Loads an image-to-image model (a CycleGAN or pix2pix generator, {@code "kind": "translator"}) by
   * name or by path to its folder.
   *
   * @throws ModelException with a message that names the file and says what to do
   */
  public static Translator loadTranslator(String nameOrPath) {
    return loadTranslator(resolve(nameOrPath));
  }

  /** Loads the translator in a model folder. */
  public static Translator loadTranslator(Path folder) {
    Manifest manifest = Manifest.read(folder);
    if (manifest.kind() != Manifest.Kind.TRANSLATOR) {
      throw wrongKind(manifest, "a translator (picture → picture)", "translator");
    }
    return switch (manifest.format()) {
      case TORCHSCRIPT -> new EngineTranslator(manifest, "PyTorch");
      case ONNX -> new EngineTranslator(manifest, "OnnxRuntime");
      case DJL, TFJS -> throw new ModelException(manifest.folder().resolve(Manifest.FILE_NAME), "says format \""
          + manifest.format().name().toLowerCase(Locale.ROOT) + "\": a translator must be torchscript or onnx.");
    };
  }

  /** The message for a model folder of another kind than the caller needs. */
  public static ModelException wrongKind(Manifest manifest, String needed, String kind) {
    String has = manifest.kind().label();
    String what = switch (manifest.kind()) {
      case GENERATOR -> "a generator (latent → picture), for the archive grid";
      case TRANSLATOR -> "a translator (picture → picture), for the booth";
      case ENCODER -> "an inverter (picture → latent) made for one generator, for the mirror";
      case FACE, FACE_ANALYSIS -> "a face-analysis model, for the booth";
      case FEATURES -> "a pretrained image network (picture → features), for training and evaluation";
      case ATTRIBUTES -> "an attribute reader (picture → age, smile, gears…), for fitting semantic dials";
    };
    return new ModelException(manifest.folder().resolve(Manifest.FILE_NAME), "says \"kind\": \"" + has
        + "\": it is " + what + ", but this needs " + needed + ". Pick a model folder whose model.json says "
        + "\"kind\": \"" + kind + "\".");
  }

  /** The folder a name stands for; "default" is looked up in models/DEFAULT. */
  public static Path resolve(String nameOrPath) {
    Path given = Paths.get(nameOrPath);
    if (Files.isDirectory(given) && Files.exists(given.resolve(Manifest.FILE_NAME))) {
      return given;
    }
    Path dir = directory();
    String name = nameOrPath;
    if (DEFAULT.equals(nameOrPath)) {
      Path pointer = dir.resolve("DEFAULT");
      try {
        name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        throw new ModelException(pointer, "missing or unreadable. It should hold the name of the default "
            + "model's folder; available: " + available() + ".", e);
      }
    }
    Path folder = dir.resolve(name);
    if (!Files.isDirectory(folder)) {
      throw new ModelException(folder, "no such model folder. Available models: " + available()
          + ". Put a model folder there (model.json + weights) or pick another name.");
    }
    return folder;
  }

  /** The models folder: the system property, or the nearest models/ from the working directory up. */
  public static Path directory() {
    String property = System.getProperty(DIR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Paths.get(property);
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("models")) && Files.exists(p.resolve("models/DEFAULT"))) {
        return p.resolve("models");
      }
    }
    Path beside = besideTheLibrary();
    return beside != null ? beside : Paths.get("models").toAbsolutePath();
  }

  /**
   * In the Processing IDE a sketch runs in its own folder, far from any models/: the library's own
   * models folder then, {@code libraries/Mishmash/models} beside {@code library/Mishmash.jar}.
   */
  private static Path besideTheLibrary() {
    try {
      var source = Models.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path jar = Paths.get(source.getLocation().toURI());
      Path models = jar.getParent() == null || jar.getParent().getParent() == null ? null
          : jar.getParent().getParent().resolve("models");
      return models != null && Files.exists(models.resolve("DEFAULT")) && Files.isRegularFile(jar) ? models : null;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** Names of the model folders present, for messages and menus. */
  public static List<String> available() {
    try (Stream<Path> s = Files.list(directory())) {
      return s.filter(p -> Files.exists(p.resolve(Manifest.FILE_NAME)))
          .map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
