package mishmash.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;

/**
 * The generator that a file made for one belongs to (an inverter, a dials file): its name and its
 * {@link Fingerprint}, kept in the file as {@code "generator": {"name": ..., "fingerprint": ...}}.
 * {@link #check} refuses a file beside any other generator with a message that says which one it
 * was made for and the command that makes it again.
 */
public record MadeFor(String name, String fingerprint) {
  public static final String FIELD = "generator";

  /** The stamp of a loaded generator. */
  public static MadeFor of(Generator gan) {
    return of(gan.manifest());
  }

  public static MadeFor of(Manifest generator) {
    return new MadeFor(generator.name(), Fingerprint.of(generator));
  }

  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("name", name);
    o.addProperty("fingerprint", fingerprint);
    return o;
  }

  /**
   * Reads the stamp from {@code json.generator}.
   *
   * @throws ModelException naming {@code file} when there is none
   */
  public static MadeFor read(JsonObject json, Path file, String remake) {
    JsonElement e = json.get(FIELD);
    if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has("name") || !e.getAsJsonObject().has("fingerprint")) {
      throw new ModelException(file, "does not say which generator it was made for (\"" + FIELD
          + "\": {\"name\", \"fingerprint\"}). Make it again: " + remake);
    }
    JsonObject o = e.getAsJsonObject();
    return new MadeFor(o.get("name").getAsString(), o.get("fingerprint").getAsString());
  }

  /**
   * Passes when {@code gan} is the generator this stamp names, by fingerprint; otherwise a
   * {@link ModelException} on {@code file} says which generator it belongs to and how to make one for
   * this model.
   *
   * @param what what the file is, for the message: "an inverter", "the dials"
   * @param remake the command that makes it for {@code gan}
   */
  public void check(Generator gan, Path file, String what, String remake) {
    check(gan.manifest(), file, what, remake);
  }

  /** {@link #check(Generator, Path, String, String)} from the generator's folder, without loading it. */
  public void check(Manifest generator, Path file, String what, String remake) {
    MadeFor here = of(generator);
    if (fingerprint.equals(here.fingerprint)) {
      return;
    }
    String why = name.equals(here.name)
        ? "model \"" + name + "\" has been retrained or replaced since this file was made (its weights are now "
            + here.fingerprint + ", the file was made for " + fingerprint + ")"
        : "this is model \"" + here.name + "\" (" + here.fingerprint + "), but the file was made for \""
            + name + "\" (" + fingerprint + ")";
    throw new ModelException(file, "belongs to another generator: " + why + ". Make " + what
        + " for this model: " + remake);
  }
}
