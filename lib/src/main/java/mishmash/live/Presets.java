package mishmash.live;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mishmash.files.AtomicFile;

/**
 * Named presets of one sketch, one human-readable JSON file each in a folder such as
 * {@code data/presets/grid/}: every parameter's value and every modulation. Saving is atomic;
 * recalling crossfades through {@link Controls}, so it is an ordinary control event: recorded,
 * fed back to OSC clients, and it leaves OSC and MIDI bindings alone (they live in their own files).
 */
public final class Presets {
  private final Path folder;
  private final Controls controls;

  public Presets(Path folder, Controls controls) {
    this.folder = folder;
    this.controls = controls;
  }

  public Path folder() {
    return folder;
  }

  /**
   * Saves the current values as {@code name}. Call on the animation thread (it reads the values).
   *
   * @throws IllegalArgumentException for a name that cannot be a file name
   * @throws IOException if the disk refuses; an older preset of that name stays intact
   */
  public Path save(String name) throws IOException {
    Path file = file(name);
    Files.createDirectories(folder);
    String json = new GsonBuilder().setPrettyPrinting().create().toJson(controls.snapshot());
    AtomicFile.writeString(file, json + "\n");
    return file;
  }

  /**
   * Crossfades to preset {@code name} over {@code seconds} (0: at once), starting next frame.
   *
   * @throws IOException naming the file, if it is missing or not a preset
   */
  public void recall(String name, double seconds, String source) throws IOException {
    Path file = file(name);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no preset \"" + name + "\" (" + file + "); there are: " + String.join(", ", names()));
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      read(text);
    } catch (IllegalArgumentException | IOException e) {
      throw new IOException("preset \"" + name + "\" (" + file + ") " + e.getMessage()
          + "; it was not recalled. Fix the file, or save the preset again from the panel", e);
    }
    controls.submit(new Change(Change.Type.RECALL, name, seconds, text, source));
  }

  /**
   * Reads a preset's JSON: an object with {@code "values"}, an object of parameter names and
   * values, and optionally {@code "modulations"}, an object of parameter names and modulations.
   *
   * @throws IllegalArgumentException saying, for people, what is wrong ("is not valid JSON: line 3,
   *     column 12", "its \"values\" is a list, not {...}")
   */
  static JsonObject read(String text) {
    JsonElement e;
    try {
      e = JsonParser.parseString(text.startsWith("\uFEFF") ? text.substring(1) : text); // an editor's byte-order mark
    } catch (JsonParseException ex) {
      java.util.regex.Matcher where = java.util.regex.Pattern.compile("line (\\d+) column (\\d+)")
          .matcher(String.valueOf(ex.getMessage()));
      throw new IllegalArgumentException("is not valid JSON" + (where.find()
          ? " (line " + where.group(1) + ", column " + where.group(2) + ")" : "")
          + ": look for a missing comma, quote or brace there");
    }
    if (!e.isJsonObject()) {
      throw new IllegalArgumentException("is " + what(e) + ", not a preset {\"values\": {\"name\": value, ...}}");
    }
    JsonObject o = e.getAsJsonObject();
    if (!o.has("values")) {
      throw new IllegalArgumentException("has no \"values\": a preset is {\"values\": {\"name\": value, ...}}");
    }
    for (String key : new String[] {"values", "modulations"}) {
      if (o.has(key) && !o.get(key).isJsonObject()) {
        throw new IllegalArgumentException("has \"" + key + "\" as " + what(o.get(key))
            + ", where it needs names and values: {\"mutation\": " + (key.equals("values") ? "0.8" : "\"lfo sine 0.1 0.3\"")
            + ", ...}");
      }
    }
    return o;
  }

  private static String what(JsonElement e) {
    if (e.isJsonArray()) {
      return "a list";
    }
    if (e.isJsonNull()) {
      return "null";
    }
    if (e.isJsonPrimitive()) {
      return e.getAsJsonPrimitive().isString() ? "a text" : e.getAsJsonPrimitive().isNumber() ? "a number" : "true/false";
    }
    return "an object";
  }

  /** The saved presets' names, sorted. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
            .map(n -> n.substring(0, n.length() - 5)).sorted().forEach(names::add);
      } catch (IOException e) {
        System.err.println("mishmash: cannot list presets in " + folder + ": " + e.getMessage());
      }
    }
    return names;
  }

  /** Letters, digits, space, dot, dash and underscore, up to 64: safe as a file name everywhere. */
  Path file(String name) {
    String n = name == null ? "" : name.trim();
    if (n.isEmpty() || n.length() > 64 || !n.matches("[\\p{L}\\p{N} ._-]+") || n.startsWith(".")) {
      throw new IllegalArgumentException("\"" + name + "\" cannot be a preset name: use up to 64 letters, digits, "
          + "spaces, dots, dashes or underscores");
    }
    return folder.resolve(n + ".json");
  }
}
