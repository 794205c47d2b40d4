package mishmash.live;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The parameters that changed, from any source, handed over once at the start of the next frame:
 * how feedback (OSC, OSCQuery's streams) goes out at most once per parameter per frame, however
 * many changes came. Runs on the animation thread.
 */
public final class ChangesPerFrame implements Controls.Listener, Controls.Source {
  /** Sends what changed; the parameters' values are current (the animation thread's). */
  public interface Sink {
    void send(Set<Param> changed);
  }

  private final Controls controls;
  private final Sink sink;
  private final Set<Param> dirty = new LinkedHashSet<>();

  private ChangesPerFrame(Controls controls, Sink sink) {
    this.controls = controls;
    this.sink = sink;
  }

  /** Starts collecting {@code controls}' changes for {@code sink}. */
  public static ChangesPerFrame attach(Controls controls, Sink sink) {
    ChangesPerFrame c = new ChangesPerFrame(controls, sink);
    controls.addListener(c);
    controls.addSource(c);
    return c;
  }

  /** Stops listening (what is collected is dropped). */
  public void detach() {
    controls.removeListener(this);
    dirty.clear();
  }

  @Override
  public void changed(Param param, Change cause) {
    dirty.add(param);
  }

  @Override
  public void poll(Controls c) {
    if (!dirty.isEmpty()) {
      sink.send(dirty);
      dirty.clear();
    }
  }
}
