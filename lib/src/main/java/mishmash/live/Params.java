package mishmash.live;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The registry of one sketch: its {@link Live} fields (parameters) and {@link Live} methods
 * (actions), in declaration order, superclasses last. Everything else in this package works from
 * it, so a sketch declares a parameter once and writes no glue.
 *
 * <p>A {@code @Live} field may also hold a {@link Group}: parameters the sketch learns of only when
 * it runs, such as the semantic dials of the model it loads. Each of them is named
 * {@code <field>/<name>} ({@code dial/age}, OSC {@code /mishmash/grid/dial/age}) and is in every
 * way a parameter like the others: panel, OSC, OSCQuery, MIDI, presets, modulation, recordings.
 */
public final class Params implements Iterable<Param> {
  /**
   * Several parameters held by one {@code @Live} field, made when the registry is built (after the
   * command line is known, before the first frame).
   */
  public interface Group {
    /**
     * The group's parameters, each named {@code prefix + "/" + its own name} (see
     * {@link Param#number}); may be empty.
     */
    List<Param> params(String prefix);
  }

  private final List<Param> params;
  private final List<Action> actions;

  private Params(List<Param> params, List<Action> actions) {
    this.params = List.copyOf(params);
    this.actions = List.copyOf(actions);
  }

  /** Finds every {@link Live} field and method of {@code owner} and of its superclasses. */
  public static Params of(Object owner) {
    List<Param> found = new ArrayList<>();
    List<Action> actions = new ArrayList<>();
    for (Class<?> c = owner.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(Live.class)) {
          if (Group.class.isAssignableFrom(f.getType())) {
            found.addAll(group(owner, f));
          } else {
            found.add(new Param(owner, f));
          }
        }
      }
      List<Method> methods = new ArrayList<>(List.of(c.getDeclaredMethods()));
      methods.sort(java.util.Comparator.comparing(Method::getName)); // reflection gives no stable order
      for (Method m : methods) {
        if (m.isAnnotationPresent(Live.class)) {
          actions.add(new Action(owner, m));
        }
      }
    }
    return new Params(found, actions);
  }

  private static List<Param> group(Object owner, Field f) {
    try {
      f.setAccessible(true);
      Group g = (Group) f.get(owner);
      if (g == null) {
        return List.of();
      }
      List<Param> params = g.params(f.getName());
      for (Param p : params) {
        if (!p.name().startsWith(f.getName() + "/") || p.name().indexOf('/', f.getName().length() + 1) >= 0) {
          throw new IllegalArgumentException("@Live " + f.getName() + " gave a parameter named \"" + p.name()
              + "\"; a group's parameters are named " + f.getName() + "/<name>, with no further '/'");
        }
      }
      return params;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parameter called {@code name}, or null. */
  public Param get(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The action called {@code name}, or null. */
  public Action action(String name) {
    for (Action a : actions) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  public List<Action> actions() {
    return actions;
  }

  public int size() {
    return params.size();
  }

  public Param get(int index) {
    return params.get(index);
  }

  /** The names, for messages. */
  @Override
  public String toString() {
    List<String> names = new ArrayList<>();
    params.forEach(p -> names.add(p.name()));
    actions.forEach(a -> names.add(a.name() + "()"));
    return String.join(", ", names);
  }

  @Override
  public Iterator<Param> iterator() {
    return Collections.unmodifiableList(params).iterator();
  }
}
