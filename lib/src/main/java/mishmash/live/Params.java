package mishmash.live;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The live parameters of an object: its {@link Live} fields, in declaration order. */
public final class Params implements Iterable<Param> {
  private final List<Param> params;

  private Params(List<Param> params) {
    this.params = params;
  }

  /** Finds every {@link Live} field of {@code owner} and of its superclasses. */
  public static Params of(Object owner) {
    List<Param> found = new ArrayList<>();
    for (Class<?> c = owner.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(Live.class)) {
          found.add(new Param(owner, f));
        }
      }
    }
    return new Params(found);
  }

  public Param get(String name) {
    for (Param p : params) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
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
    return String.join(", ", params.stream().map(Param::name).toList());
  }

  @Override
  public Iterator<Param> iterator() {
    return Collections.unmodifiableList(params).iterator();
  }
}
