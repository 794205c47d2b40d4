package mishmash.dials;

import com.google.gson.JsonObject;

/**
 * One thing the {@link AttributeReader} reads in a picture: an attribute of the specimens of one
 * domain ({@code faces.age}, {@code machines.gears}, {@code cells.density}), or whether the picture
 * shows a domain at all ({@code domain.faces}).
 *
 * @param binary a yes/no (1/0 in attributes.jsonl), read as a probability
 * @param log a count with a long tail (cells, parts), learned as log(1 + n) and read back as a count
 */
public record Attribute(String domain, String name, boolean binary, boolean log) {
  /** The domain of the "is this a face / a machine / a cell?" outputs. */
  public static final String PRESENCE = "domain";

  /** {@code faces.age}. */
  public String id() {
    return domain + "." + name;
  }

  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("domain", domain);
    o.addProperty("name", name);
    o.addProperty("binary", binary);
    o.addProperty("log", log);
    return o;
  }

  static Attribute fromJson(JsonObject o) {
    return new Attribute(o.get("domain").getAsString(), o.get("name").getAsString(), o.get("binary").getAsBoolean(),
        o.get("log").getAsBoolean());
  }
}
