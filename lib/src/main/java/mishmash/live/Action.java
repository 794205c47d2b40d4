package mishmash.live;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Something a performer can trigger: a method with no arguments marked {@link Live}, such as the
 * grid's {@code breed()} or the booth's {@code capture()}. It becomes a panel button, an OSC
 * address and a MIDI note or button.
 */
public final class Action {
  private final Object owner;
  private final Method method;

  Action(Object owner, Method method) {
    if (method.getParameterCount() != 0) {
      throw new IllegalArgumentException("@Live method " + method.getName()
          + " takes arguments; an action must take none");
    }
    this.owner = owner;
    this.method = method;
    method.setAccessible(true);
  }

  public String name() {
    return method.getName();
  }

  /** What it does, for people: the declared description, or "runs NAME". */
  public String description() {
    String d = method.getAnnotation(Live.class).description();
    return d.isBlank() ? "runs " + name() : d.trim();
  }

  /** Runs the action on the calling thread (the animation thread, from {@link Controls}). */
  public void run() {
    try {
      method.invoke(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
