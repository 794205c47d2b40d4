package mishmash.booth;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import mishmash.archive.Archive;
import mishmash.files.AtomicFile;
import mishmash.model.Image;

/**
 * Everything the booth keeps, in one folder (by default {@code data/booth/}):
 * <pre>
 * profiles/&lt;id&gt;.json   the profile: name, creature, attributes, time
 * cards/&lt;id&gt;.png       the print-ready card
 * selfies/&lt;id&gt;.png     the raw photo, only when keeping selfies is switched on
 * </pre>
 * The visitor's mixed portrait also joins the shared archive as a booth-born creature, under the
 * same id. Every file is written to a temporary file and renamed, so a power cut leaves either the
 * old state or the new one. {@link #delete} removes a profile everywhere, archive included.
 */
public final class BoothStore {
  private final Path folder;

  public BoothStore(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  public Path card(long id) {
    return folder.resolve("cards").resolve(id + ".png");
  }

  public Path profile(long id) {
    return folder.resolve("profiles").resolve(id + ".json");
  }

  public Path selfie(long id) {
    return folder.resolve("selfies").resolve(id + ".png");
  }

  /**
   * Saves a finished profile: its card, the profile, and the raw selfie only when one is given
   * (the booth gives it only when keeping selfies is switched on; otherwise it is never written).
   */
  public void save(Profile p, BufferedImage card, Image selfie) throws IOException {
    Files.createDirectories(card(p.id()).getParent());
    Files.createDirectories(profile(p.id()).getParent());
    AtomicFile.write(card(p.id()), out -> ImageIO.write(card, "png", out));
    if (selfie != null) {
      Files.createDirectories(selfie(p.id()).getParent());
      BufferedImage raw = selfie.toBufferedImage();
      AtomicFile.write(selfie(p.id()), out -> ImageIO.write(raw, "png", out));
    }
    JsonObject o = new JsonObject();
    o.addProperty("id", p.id());
    o.addProperty("name", p.name());
    o.addProperty("creature", p.creatureSeed());
    o.addProperty("created", p.created());
    JsonArray specs = new JsonArray();
    for (MachineSpecs.Spec s : p.specs()) {
      JsonObject line = new JsonObject();
      line.addProperty("label", s.label());
      line.addProperty("value", s.value());
      specs.add(line);
    }
    o.add("specs", specs);
    AtomicFile.writeString(profile(p.id()), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o));
  }

  /** Reads a saved profile back. */
  public Profile read(long id) throws IOException {
    try {
      JsonObject o = JsonParser.parseString(Files.readString(profile(id), StandardCharsets.UTF_8)).getAsJsonObject();
      List<MachineSpecs.Spec> specs = new ArrayList<>();
      for (var e : o.getAsJsonArray("specs")) {
        specs.add(new MachineSpecs.Spec(e.getAsJsonObject().get("label").getAsString(),
            e.getAsJsonObject().get("value").getAsString()));
      }
      return new Profile(o.get("id").getAsLong(), o.get("name").getAsString(), o.get("creature").getAsLong(), specs,
          o.get("created").getAsLong());
    } catch (RuntimeException e) {
      throw new IOException(profile(id) + " is damaged: " + e.getMessage(), e);
    }
  }

  /** The ids of saved profiles. */
  public List<Long> ids() {
    List<Long> ids = new ArrayList<>();
    Path dir = folder.resolve("profiles");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d+\\.json"))
            .forEach(n -> ids.add(Long.parseLong(n.substring(0, n.length() - 5))));
      } catch (IOException e) {
        System.err.println("mishmash booth: cannot list " + dir + ": " + e.getMessage());
      }
    }
    return ids;
  }

  /**
   * Deletes a profile at the visitor's request: card, profile, selfie, and its creature in the
   * archive (every program sharing the archive drops it too).
   *
   * @return false if there was nothing under that id
   */
  public boolean delete(long id, Archive archive) throws IOException {
    boolean found = Files.deleteIfExists(profile(id));
    found |= Files.deleteIfExists(card(id));
    found |= Files.deleteIfExists(selfie(id));
    if (archive != null) {
      found |= archive.delete(id);
    }
    return found;
  }
}
