package mishmash.live.oscquery;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mishmash.live.Action;
import mishmash.live.Controls;
import mishmash.live.Param;
import mishmash.live.Params;

/**
 * A sketch's OSC address space as OSCQuery describes it (the Vidvox proposal): a tree of JSON
 * nodes under {@code /mishmash/<sketch>}, one per {@code @Live} parameter (read and write) and per
 * action (write only), each with its {@code FULL_PATH}, {@code TYPE}, {@code VALUE},
 * {@code RANGE}, {@code CLIPMODE}, {@code UNIT}, {@code ACCESS} and {@code DESCRIPTION}.
 *
 * <p>Types: a float or double is {@code f}, an int {@code i}, a boolean {@code T} (its value a JSON
 * true or false), an enum {@code s} with its names as {@code RANGE} {@code VALS}, an action
 * {@code I} (an impulse: send it with no value, or any value above 0.5). Units are OSCQuery's names
 * where there is one ({@code " s"} is {@code time.second}).
 */
final class Namespace {
  /** The attributes a node may carry, all of which a client may ask for alone ({@code ?VALUE}). */
  static final Set<String> ATTRIBUTES = Set.of("FULL_PATH", "CONTENTS", "TYPE", "VALUE", "RANGE", "CLIPMODE", "UNIT",
      "ACCESS", "DESCRIPTION");
  private static final Map<String, String> UNITS = Map.of("s", "time.second", "ms", "time.ms", "hz", "time.hz",
      "bpm", "time.bpm", "px", "distance.pixels", "db", "gain.db", "deg", "angle.degree", "°", "angle.degree");

  private final String prefix;
  private final Params params;
  private final String sketch;

  Namespace(String sketch, Params params) {
    this.sketch = sketch;
    this.prefix = "/mishmash/" + sketch;
    this.params = params;
  }

  /** The node at {@code path} ("/", "/mishmash", "/mishmash/grid", "/mishmash/grid/psi"), or null. */
  JsonObject node(String path, Controls.State state) {
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.equals("/")) {
      JsonObject mishmash = node("/mishmash", state);
      JsonObject root = container("/", "Mishmash " + sketch);
      root.getAsJsonObject("CONTENTS").add("mishmash", mishmash);
      return root;
    }
    if (p.equals("/mishmash")) {
      JsonObject m = container("/mishmash", "Mishmash sketches");
      m.getAsJsonObject("CONTENTS").add(sketch, node(prefix, state));
      return m;
    }
    if (p.equals(prefix)) {
      JsonObject s = container(prefix, "the live parameters and actions of " + sketch);
      JsonObject contents = s.getAsJsonObject("CONTENTS");
      for (Param param : params) {
        int slash = param.name().indexOf('/');
        if (slash < 0) {
          contents.add(param.name(), param(param, state));
        } else if (!contents.has(param.name().substring(0, slash))) {
          String group = param.name().substring(0, slash);
          contents.add(group, group(group, state));
        }
      }
      for (Action a : params.actions()) {
        contents.add(a.name(), action(a));
      }
      return s;
    }
    if (p.startsWith(prefix + "/")) {
      String name = p.substring(prefix.length() + 1);
      Param param = params.get(name);
      if (param != null) {
        return param(param, state);
      }
      Action a = params.action(name);
      if (a != null) {
        return action(a);
      }
      if (!name.contains("/") && hasGroup(name)) {
        return group(name, state);
      }
    }
    return null;
  }

  private boolean hasGroup(String group) {
    for (Param p : params) {
      if (p.name().startsWith(group + "/")) {
        return true;
      }
    }
    return false;
  }

  /** The container of a group's parameters ({@code /mishmash/grid/dial}), each a node of its own. */
  private JsonObject group(String group, Controls.State state) {
    JsonObject g = container(prefix + "/" + group, group + " of " + sketch);
    JsonObject contents = g.getAsJsonObject("CONTENTS");
    for (Param p : params) {
      if (p.name().startsWith(group + "/")) {
        contents.add(p.name().substring(group.length() + 1), param(p, state));
      }
    }
    return g;
  }

  /** The parameter at {@code path}, or null. */
  Param paramAt(String path) {
    return path.startsWith(prefix + "/") ? params.get(path.substring(prefix.length() + 1)) : null;
  }

  String pathOf(Param p) {
    return prefix + "/" + p.name();
  }

  private static JsonObject container(String path, String description) {
    JsonObject o = new JsonObject();
    o.addProperty("FULL_PATH", path);
    o.addProperty("ACCESS", 0);
    o.addProperty("DESCRIPTION", description);
    o.add("CONTENTS", new JsonObject());
    return o;
  }

  private JsonObject param(Param p, Controls.State state) {
    JsonObject o = new JsonObject();
    o.addProperty("FULL_PATH", pathOf(p));
    o.addProperty("TYPE", type(p));
    JsonArray value = new JsonArray();
    value.add(json(p, state.value(p)));
    o.add("VALUE", value);
    JsonObject range = new JsonObject();
    switch (p.kind()) {
      case NUMBER, WHOLE -> {
        range.add("MIN", number(p, p.min()));
        range.add("MAX", number(p, p.max()));
      }
      case CHOICE -> {
        JsonArray vals = new JsonArray();
        p.choices().forEach(vals::add);
        range.add("VALS", vals);
      }
      case TOGGLE -> {
        JsonArray vals = new JsonArray();
        vals.add(false);
        vals.add(true);
        range.add("VALS", vals);
      }
    }
    JsonArray ranges = new JsonArray();
    ranges.add(range);
    o.add("RANGE", ranges);
    if (p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.WHOLE) {
      JsonArray clip = new JsonArray();
      clip.add("both"); // values outside the range are clamped to it
      o.add("CLIPMODE", clip);
    }
    String unit = unit(p.unit());
    if (unit != null) {
      JsonArray units = new JsonArray();
      units.add(unit);
      o.add("UNIT", units);
    }
    o.addProperty("ACCESS", 3);
    o.addProperty("DESCRIPTION", p.description());
    return o;
  }

  private JsonObject action(Action a) {
    JsonObject o = new JsonObject();
    o.addProperty("FULL_PATH", prefix + "/" + a.name());
    o.addProperty("TYPE", "I");
    o.addProperty("ACCESS", 2);
    o.addProperty("DESCRIPTION", a.description());
    return o;
  }

  /** The OSC type tag of a parameter's value. */
  static String type(Param p) {
    return switch (p.kind()) {
      case NUMBER -> "f";
      case WHOLE -> "i";
      case TOGGLE -> "T";
      case CHOICE -> "s";
    };
  }

  /** A value as its TYPE says, for JSON. */
  static JsonElement json(Param p, double v) {
    if (Double.isNaN(v)) {
      return JsonNull.INSTANCE;
    }
    return switch (p.kind()) {
      case NUMBER, WHOLE -> number(p, v);
      case TOGGLE -> new JsonPrimitive(v >= 0.5);
      case CHOICE -> new JsonPrimitive(p.text(v));
    };
  }

  private static JsonPrimitive number(Param p, double v) {
    return new JsonPrimitive(p.tidy(v));
  }

  /** The value as an OSC argument of its TYPE. */
  static Object osc(Param p, double v) {
    return switch (p.kind()) {
      case NUMBER -> (float) v;
      case WHOLE -> (int) Math.round(v);
      case TOGGLE -> v >= 0.5;
      case CHOICE -> p.text(v);
    };
  }

  /** OSCQuery's name for a unit ("time.second" for " s"), the unit itself if it has none, null for none. */
  static String unit(String declared) {
    String u = declared == null ? "" : declared.trim();
    if (u.isEmpty()) {
      return null;
    }
    return UNITS.getOrDefault(u.toLowerCase(Locale.ROOT), u);
  }
}
