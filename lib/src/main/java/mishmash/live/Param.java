package mishmash.live;

import java.lang.reflect.Field;
import java.util.Locale;

/**
 * One live parameter of one object: a field with {@link Live} on it. Values are clamped to the
 * declared range, and NaN or infinity is refused, so nothing played live can break the sketch.
 */
public final class Param {
  private final Object owner;
  private final Field field;
  private final Live spec;

  Param(Object owner, Field field) {
    this.owner = owner;
    this.field = field;
    this.spec = field.getAnnotation(Live.class);
    field.setAccessible(true);
  }

  public String name() {
    return field.getName();
  }

  public double min() {
    return isNumber() ? spec.min() : 0;
  }

  public double max() {
    if (field.getType() == boolean.class) {
      return 1;
    }
    if (field.getType().isEnum()) {
      return field.getType().getEnumConstants().length - 1;
    }
    return spec.max();
  }

  public String unit() {
    return spec.unit();
  }

  private boolean isNumber() {
    Class<?> t = field.getType();
    return t == float.class || t == double.class || t == int.class;
  }

  /** The value as a number: booleans are 0 or 1, enums their position. */
  public double get() {
    try {
      Class<?> t = field.getType();
      if (t == float.class) {
        return field.getFloat(owner);
      } else if (t == double.class) {
        return field.getDouble(owner);
      } else if (t == int.class) {
        return field.getInt(owner);
      } else if (t == boolean.class) {
        return field.getBoolean(owner) ? 1 : 0;
      } else if (t.isEnum()) {
        return ((Enum<?>) field.get(owner)).ordinal();
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException(name() + " has a type live parameters do not support: " + field.getType());
  }

  /** Sets the value, clamped to the range; returns false (and changes nothing) for NaN or infinity. */
  public boolean set(double value) {
    if (!Double.isFinite(value)) {
      return false;
    }
    double v = Math.max(min(), Math.min(max(), value));
    try {
      Class<?> t = field.getType();
      if (t == float.class) {
        field.setFloat(owner, (float) v);
      } else if (t == double.class) {
        field.setDouble(owner, v);
      } else if (t == int.class) {
        field.setInt(owner, (int) Math.round(v));
      } else if (t == boolean.class) {
        field.setBoolean(owner, v >= 0.5);
      } else if (t.isEnum()) {
        field.set(owner, t.getEnumConstants()[(int) Math.round(v)]);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return true;
  }

  /** Moves the value by {@code fraction} of its range (at least one step for whole numbers). */
  public void nudge(double fraction) {
    double step = (max() - min()) * fraction;
    if (!isNumber() || field.getType() == int.class) {
      step = Math.signum(fraction) * Math.max(1, Math.abs(Math.round(step)));
    }
    double next = get() + step;
    if (field.getType().isEnum() || field.getType() == boolean.class) {
      double span = max() + 1;
      next = ((next % span) + span) % span; // choices wrap around
    }
    set(next);
  }

  /** The value for people: "0.35", "8", "on", "least recent". */
  public String text() {
    Class<?> t = field.getType();
    if (t == boolean.class) {
      return get() >= 0.5 ? "on" : "off";
    }
    if (t.isEnum()) {
      return t.getEnumConstants()[(int) get()].toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    if (t == int.class) {
      return String.valueOf((int) get()) + unit();
    }
    return String.format(Locale.ROOT, "%.2f", get()) + unit();
  }
}
