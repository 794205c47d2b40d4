package mishmash.specimens;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;

/**
 * What decided one picture, by name — a face's age and head turn, a machine's kind and material,
 * a cell's stain — written as one line of {@code attributes.jsonl} beside the pictures. Numbers are
 * kept to three decimals, so the same seed always writes the same line.
 */
public final class Attributes {
  private final JsonObject values = new JsonObject();

  /** A number, such as {@code age 0.42}. */
  public Attributes put(String name, double value) {
    values.addProperty(name, Math.round(value * 1000) / 1000.0);
    return this;
  }

  /** A whole number, such as {@code gears 5}. */
  public Attributes put(String name, int value) {
    values.addProperty(name, value);
    return this;
  }

  /** A large whole number, such as a seed. */
  public Attributes put(String name, long value) {
    values.addProperty(name, value);
    return this;
  }

  /** Yes or no, written as 1 or 0 so that it can be learned like any other number. */
  public Attributes put(String name, boolean value) {
    values.addProperty(name, value ? 1 : 0);
    return this;
  }

  /** A name, such as {@code stain "giemsa"}. */
  public Attributes put(String name, String value) {
    values.addProperty(name, value);
    return this;
  }

  /** Whether there is a value of that name. */
  public boolean has(String name) {
    return values.has(name);
  }

  /** The number of that name (1 or 0 for yes and no). */
  public double number(String name) {
    JsonElement e = values.get(name);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw new IllegalArgumentException("no number \"" + name + "\" in " + this);
    }
    return e.getAsDouble();
  }

  /** The name of that name, such as the stain. */
  public String text(String name) {
    JsonElement e = values.get(name);
    if (e == null || !e.isJsonPrimitive()) {
      throw new IllegalArgumentException("no value \"" + name + "\" in " + this);
    }
    return e.getAsString();
  }

  /** The names, in the order they were put. */
  public java.util.Set<String> names() {
    return values.keySet();
  }

  /** These values with {@code more} in front of them (for the file name and seed of a line). */
  public Attributes after(Attributes more) {
    Attributes a = new Attributes();
    for (Map.Entry<String, JsonElement> e : more.values.entrySet()) {
      a.values.add(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, JsonElement> e : values.entrySet()) {
      a.values.add(e.getKey(), e.getValue());
    }
    return a;
  }

  /** One line of JSON. */
  @Override
  public String toString() {
    return values.toString();
  }

  /** Reads a line written by {@link #toString}; anything else is an IllegalArgumentException. */
  public static Attributes parse(String line) {
    try {
      JsonElement e = JsonParser.parseString(line);
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException("not a JSON object: " + line);
      }
      Attributes a = new Attributes();
      for (Map.Entry<String, JsonElement> v : e.getAsJsonObject().entrySet()) {
        a.values.add(v.getKey(), v.getValue());
      }
      return a;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an attributes line: " + line, e);
    }
  }
}
