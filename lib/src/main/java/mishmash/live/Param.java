package mishmash.live;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One live parameter: a field with {@link Live} on it. It keeps a <em>base</em> value (what the
 * performer last asked for, from any source) and writes the field once a frame as that base plus
 * any modulation, gliding there when the declaration asks for smoothing. Values are clamped to the
 * declared range and NaN or infinity is refused, so nothing played live can break the sketch. If
 * the sketch itself writes the field, that value becomes the new base.
 */
public final class Param {
  /** What sort of value it holds, which decides how panels, MIDI and crossfades treat it. */
  public enum Kind { NUMBER, WHOLE, TOGGLE, CHOICE }

  /** Where the value lives: a field of the sketch, or a slot of an array (see {@link #number}). */
  private interface Slot {
    double read();

    void write(double v);

    /** True when the value is held as a float, so it is compared and rounded at float precision. */
    boolean single();

    /** A choice's values, in order; null for other kinds. */
    Object[] choices();
  }

  private final String name;
  private final Kind kind;
  private final double min;
  private final double max;
  private final String unit;
  private final String declared;
  private final double smooth;
  private final Slot slot;
  private double base;
  private double written;
  private boolean gliding;

  Param(Object owner, Field field) {
    Live spec = field.getAnnotation(Live.class);
    field.setAccessible(true);
    Class<?> t = field.getType();
    if (t == float.class || t == double.class) {
      kind = Kind.NUMBER;
    } else if (t == int.class) {
      kind = Kind.WHOLE;
    } else if (t == boolean.class) {
      kind = Kind.TOGGLE;
    } else if (t.isEnum()) {
      kind = Kind.CHOICE;
    } else {
      throw new IllegalArgumentException("@Live " + field.getName() + " is a " + t.getSimpleName()
          + "; live parameters can be float, double, int, boolean or an enum (or a Params.Group)");
    }
    this.name = field.getName();
    this.min = spec.min();
    this.max = spec.max();
    this.unit = spec.unit();
    this.declared = spec.description();
    this.smooth = spec.smooth();
    this.slot = new FieldSlot(owner, field, kind);
    base = get();
    written = base;
  }

  private Param(String name, double min, double max, String unit, String description, double smooth, Slot slot) {
    this.name = name;
    this.kind = Kind.NUMBER;
    this.min = min;
    this.max = max;
    this.unit = unit;
    this.declared = description;
    this.smooth = smooth;
    this.slot = slot;
    base = get();
    written = base;
  }

  /**
   * A number that lives in {@code values[index]} rather than in a field: for parameters a sketch
   * learns of only when it runs, such as the dials of the model it loads (see {@link Params.Group}).
   * It behaves exactly like a {@code @Live float} with the same range, unit, description and smoothing.
   */
  public static Param number(String name, float[] values, int index, double min, double max, String unit,
                             String description, double smooth) {
    if (index < 0 || index >= values.length) {
      throw new IllegalArgumentException("slot " + index + " of " + values.length);
    }
    if (!(min <= max)) {
      throw new IllegalArgumentException(name + ": min " + min + " is above max " + max);
    }
    return new Param(name, min, max, unit, description, smooth, new Slot() {
      @Override
      public double read() {
        return values[index];
      }

      @Override
      public void write(double v) {
        values[index] = (float) v;
      }

      @Override
      public boolean single() {
        return true;
      }

      @Override
      public Object[] choices() {
        return null;
      }
    });
  }

  /** A field of the sketch, read and written by reflection. */
  private record FieldSlot(Object owner, Field field, Kind kind) implements Slot {
    @Override
    public double read() {
      try {
        return switch (kind) {
          case NUMBER -> field.getType() == float.class ? field.getFloat(owner) : field.getDouble(owner);
          case WHOLE -> field.getInt(owner);
          case TOGGLE -> field.getBoolean(owner) ? 1 : 0;
          case CHOICE -> ((Enum<?>) field.get(owner)).ordinal();
        };
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void write(double v) {
      try {
        switch (kind) {
          case NUMBER -> {
            if (field.getType() == float.class) {
              field.setFloat(owner, (float) v);
            } else {
              field.setDouble(owner, v);
            }
          }
          case WHOLE -> field.setInt(owner, (int) Math.round(v));
          case TOGGLE -> field.setBoolean(owner, v >= 0.5);
          case CHOICE -> field.set(owner, field.getType().getEnumConstants()[(int) Math.round(v)]);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean single() {
      return field.getType() == float.class;
    }

    @Override
    public Object[] choices() {
      return kind == Kind.CHOICE ? field.getType().getEnumConstants() : null;
    }
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public double min() {
    return kind == Kind.NUMBER || kind == Kind.WHOLE ? min : 0;
  }

  public double max() {
    return switch (kind) {
      case TOGGLE -> 1;
      case CHOICE -> slot.choices().length - 1;
      default -> max;
    };
  }

  public String unit() {
    return unit;
  }

  /** What it does, for people: the declared description, or its name and range. */
  public String description() {
    if (!declared.isBlank()) {
      return declared.trim();
    }
    return switch (kind) {
      case TOGGLE -> name() + ": on or off";
      case CHOICE -> name() + ": " + String.join(", ", choices());
      default -> name() + ", " + text(min()).trim() + " to " + text(max()).trim();
    };
  }

  /** Seconds a change takes to settle; 0 for whole numbers, toggles and choices. */
  public double smoothing() {
    return kind == Kind.NUMBER ? Math.max(0, smooth) : 0;
  }

  /** The names of a choice's values, in order, for people ("least recent"); empty for other kinds. */
  public List<String> choices() {
    List<String> names = new ArrayList<>();
    if (kind == Kind.CHOICE) {
      for (Object c : slot.choices()) {
        names.add(c.toString().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return names;
  }

  /** The field's value as a number, as the sketch sees it now: booleans are 0 or 1, enums their position. */
  public double get() {
    return slot.read();
  }

  /** What the performer last asked for, before modulation and smoothing. */
  public double base() {
    adoptSketchWrites();
    return base;
  }

  /** The base value on a 0..1 scale over the range, as faders and knobs see it. */
  public double normalized() {
    double span = max() - min();
    return span == 0 ? 0 : (base() - min()) / span;
  }

  /** {@code v} on a 0..1 scale mapped onto the range. */
  public double fromNormalized(double v) {
    return min() + Math.max(0, Math.min(1, v)) * (max() - min());
  }

  /**
   * {@code value} clamped to the range and rounded as the field needs (whole numbers for whole
   * numbers, toggles and choices, float precision for a float), so the value asked for is exactly
   * the value the field can hold; NaN stays NaN.
   */
  public double clamp(double value) {
    double v = Math.max(min(), Math.min(max(), value));
    if (kind != Kind.NUMBER) {
      return Math.round(v);
    }
    return slot.single() ? (float) v : v;
  }

  /**
   * {@code value} as a number for people and files: a float field's value as the float it is
   * ({@code 0.2}, not {@code 0.20000000298023224}), a double's without arithmetic noise (12
   * significant digits), whole numbers as whole numbers.
   */
  public Number tidy(double value) {
    if (kind != Kind.NUMBER) {
      return Math.round(value);
    }
    java.math.BigDecimal d = slot.single()
        ? new java.math.BigDecimal(Float.toString((float) value))
        : new java.math.BigDecimal(value).round(new java.math.MathContext(12));
    d = d.stripTrailingZeros();
    return d.scale() <= 0 ? (Number) d.longValue() : (Number) new java.math.BigDecimal(d.toPlainString());
  }

  /** True while a smoothed change is still on its way (the panel shows it); false once it arrived. */
  public boolean gliding() {
    return gliding;
  }

  /**
   * Sets the value at once (base and field), clamped to the range; returns false, and changes
   * nothing, for NaN or infinity.
   */
  public boolean set(double value) {
    if (!Double.isFinite(value)) {
      return false;
    }
    base = clamp(value);
    gliding = false;
    write(base);
    return true;
  }

  /**
   * Asks for a new base value; the field follows in the next {@link #update}, gliding if the
   * declaration smooths. Returns false, and changes nothing, for NaN or infinity.
   */
  public boolean aim(double value) {
    if (!Double.isFinite(value)) {
      return false;
    }
    adoptSketchWrites();
    base = clamp(value);
    return true;
  }

  /**
   * Once a frame: writes base + {@code modulation} (a fraction of the range) to the field, moving
   * only part of the way there if the parameter smooths.
   */
  void update(double dt, double modulation) {
    adoptSketchWrites();
    double target = clamp(base + modulation * (max() - min()));
    double next = target;
    double tau = smoothing();
    if (tau > 0 && dt > 0) {
      // about 95% of the way after `tau` seconds
      double k = 1 - Math.exp(-3 * dt / tau);
      next = written + (target - written) * k;
      if (Math.abs(next - target) < 1e-6 * Math.max(1, max() - min())) {
        next = target;
      }
    }
    gliding = next != target;
    if (next != written) {
      write(next);
    }
  }

  /** If the sketch wrote the field itself since our last write, its value becomes the base. */
  private void adoptSketchWrites() {
    double now = get();
    if (!sameAsWritten(now)) {
      base = clamp(now);
      written = now;
    }
  }

  private boolean sameAsWritten(double now) {
    return slot.single() ? (float) now == (float) written : now == written;
  }

  private void write(double v) {
    slot.write(v);
    written = get();
  }

  /** Moves the value by {@code fraction} of its range (at least one step for whole numbers); choices wrap. */
  public void nudge(double fraction) {
    set(stepped(fraction));
  }

  /** The value {@link #nudge} would move to. */
  public double stepped(double fraction) {
    double step = (max() - min()) * fraction;
    if (kind != Kind.NUMBER) {
      step = Math.signum(fraction) * Math.max(1, Math.abs(Math.round(step)));
    }
    double next = base() + step;
    if (kind == Kind.CHOICE || kind == Kind.TOGGLE) {
      double span = max() + 1;
      next = ((next % span) + span) % span;
    }
    return clamp(next);
  }

  /**
   * Reads a value as people write it: a number, "on"/"off"/"true"/"false" for toggles, or a
   * choice's name ("least recent", "least_recent"). Returns NaN when it is none of those.
   */
  public double parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      if (kind == Kind.TOGGLE) {
        if (t.equals("on") || t.equals("true") || t.equals("yes")) {
          return 1;
        }
        if (t.equals("off") || t.equals("false") || t.equals("no")) {
          return 0;
        }
      }
      int i = choices().indexOf(t);
      return i >= 0 ? i : Double.NaN;
    }
  }

  /** The value for people: "0.35", "8", "on", "least recent". */
  public String text() {
    return text(get());
  }

  /** {@code value} written for people, in this parameter's kind and unit. */
  public String text(double value) {
    return switch (kind) {
      case TOGGLE -> value >= 0.5 ? "on" : "off";
      case CHOICE -> choices().get((int) Math.round(clamp(value)));
      case WHOLE -> Math.round(value) + unit();
      case NUMBER -> String.format(Locale.ROOT, "%.2f", value) + unit();
    };
  }
}
