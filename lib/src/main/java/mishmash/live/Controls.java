package mishmash.live;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live-control hub of one sketch. Sources (OSC, MIDI, the panel, the keyboard, a replayed
 * performance) only {@link #submit} {@link Change}s, from any thread; once a frame, on the
 * animation thread, {@link #frame} applies them in arrival order, moves crossfades and modulation
 * on, glides smoothed parameters, tells the listeners (OSC feedback, MIDI soft takeover, the
 * recorder) and writes the fields. So a message is applied at the start of the very next frame,
 * and the sketch never sees a value change in the middle of drawing.
 */
public final class Controls implements AutoCloseable {
  /** Told about every applied change, whatever its source. Runs on the animation thread: keep it short. */
  public interface Listener {
    void changed(Param param, Change cause);

    default void acted(Action action, Change cause) {}
  }

  /** Polled at the start of each frame on the animation thread (MIDI learn and takeover live there). */
  public interface Source {
    void poll(Controls controls);
  }

  /** A sketch's handler for {@code latent/<i>}: sets latent dimension {@code index} to {@code value}. */
  public interface LatentSteer {
    void set(int index, double value);
  }

  /** The source of the steps of a preset crossfade, as listeners see them. */
  public static final String FADE = "preset";

  private final String sketch;
  private final Params params;
  private final long seed;
  private final ConcurrentLinkedQueue<Change> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong appliedCount = new AtomicLong();
  private final Map<String, Modulation> modulations = new LinkedHashMap<>();
  private final Map<String, double[]> fading = new HashMap<>(); // name → {from, to}
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final List<Source> sources = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> owned = new CopyOnWriteArrayList<>();
  private final Complaints complaints;
  private double fadeStart;
  private double fadeSeconds;
  private LatentSteer latent;
  private Performance.Recorder recorder;
  private Performance.Player player;
  private long frame = -1;
  private double time = Double.NaN;
  /** What other threads read (see {@link State}), and what it was made from. */
  private volatile State state;
  private double[] published = new double[0];
  private int publishedModulations = -1;
  private int modulationChanges;

  /**
   * @param sketch the sketch's name in addresses, as in {@code /mishmash/grid/mutation}
   * @param seed the run's seed, which makes drift modulation repeatable
   */
  public Controls(String sketch, Params params, long seed) {
    this.sketch = sketch;
    this.params = params;
    this.seed = seed;
    this.complaints = new Complaints(sketch + " controls");
    publish();
  }

  public String sketch() {
    return sketch;
  }

  public Params params() {
    return params;
  }

  public Complaints complaints() {
    return complaints;
  }

  /** Hands a change in, from any thread; it applies at the start of the next frame. */
  public void submit(Change change) {
    submitted.incrementAndGet();
    inbox.add(change);
  }

  /** Changes submitted so far, and applied (or refused) so far: equal once the queue is drained. */
  public long submitted() {
    return submitted.get();
  }

  public long handled() {
    return appliedCount.get();
  }

  public void addListener(Listener l) {
    listeners.add(l);
  }

  public void removeListener(Listener l) {
    listeners.remove(l);
  }

  public void addSource(Source s) {
    sources.add(s);
  }

  /** Closes {@code c} (an OSC server, a MIDI input) with these controls. */
  public <T extends AutoCloseable> T own(T c) {
    owned.add(c);
    return c;
  }

  public void onLatent(LatentSteer steer) {
    this.latent = steer;
  }

  /** Writes every change applied from now on, with its frame and time, to {@code recorder}. */
  public void record(Performance.Recorder recorder) {
    this.recorder = recorder;
    own(recorder);
  }

  /** Plays a recorded performance's changes back, each at its frame (or time). */
  public void replay(Performance.Player player) {
    this.player = player;
  }

  public Map<String, Modulation> modulations() {
    return java.util.Collections.unmodifiableMap(modulations);
  }

  /** The frame being applied or last applied. */
  public long frameNumber() {
    return frame;
  }

  /**
   * Applies everything that came in since the last frame, then writes the parameters. Call once at
   * the start of each frame, on the animation thread.
   *
   * @param frameNumber the sketch's frame count (replays in headless mode go by it)
   * @param now sketch time in seconds
   */
  public void frame(long frameNumber, double now) {
    double dt = Double.isNaN(time) ? 0 : Math.max(0, now - time);
    frame = frameNumber;
    time = now;
    for (Source s : sources) {
      s.poll(this);
    }
    if (player != null) {
      for (Change c : player.due(frameNumber, now)) {
        applySafely(c);
      }
    }
    for (Change c; (c = inbox.poll()) != null; ) {
      applySafely(c);
      appliedCount.incrementAndGet();
    }
    stepFade(now);
    for (Param p : params) {
      Modulation m = modulations.get(p.name());
      p.update(dt, m == null ? 0 : m.at(now, seed ^ p.name().hashCode()));
    }
    publish();
    if (recorder != null) {
      recorder.flush();
    }
  }

  /** No control event, however odd, stops the sketch: what fails is counted, logged and skipped. */
  private void applySafely(Change c) {
    try {
      apply(c);
    } catch (RuntimeException e) {
      StackTraceElement[] where = e.getStackTrace();
      complaints.count("failed change", c.type().name().toLowerCase(java.util.Locale.ROOT) + " " + c.name()
          + " from " + c.source() + " failed and was skipped: " + e
          + (where.length > 0 ? " at " + where[0] : ""));
    }
  }

  private void apply(Change c) {
    switch (c.type()) {
      case SET, NORM -> {
        Param p = param(c);
        if (p == null) {
          return;
        }
        double v = c.type() == Change.Type.NORM ? c.value() : c.text() != null ? p.parse(c.text()) : c.value();
        if (c.type() == Change.Type.NORM && Double.isFinite(v)) {
          v = p.fromNormalized(v);
        }
        if (!Double.isFinite(v)) {
          complaints.count("not a number", c.name() + " " + (c.text() != null ? "\"" + c.text() + "\"" : c.value())
              + " from " + c.source() + " ignored");
          return;
        }
        if (v < p.min() || v > p.max()) {
          complaints.count("out of range", c.name() + " " + v + " from " + c.source() + " clamped to "
              + p.min() + ".." + p.max());
        }
        fading.remove(p.name()); // the performer wins over a crossfade
        p.aim(v);
        changed(p, c);
      }
      case ACTION -> {
        Action a = params.action(c.name());
        if (a == null) {
          complaints.count("unknown action", c.name() + " from " + c.source() + "; there are " + params);
          return;
        }
        if (c.value() < 0.5) {
          return; // a button's release
        }
        record(c);
        a.run();
        for (Listener l : listeners) {
          l.acted(a, c);
        }
      }
      case LATENT -> {
        int index;
        try {
          index = Integer.parseInt(c.name());
        } catch (NumberFormatException e) {
          index = -1;
        }
        if (latent == null || index < 0 || !Double.isFinite(c.value())) {
          complaints.count("latent ignored", "latent/" + c.name() + " " + c.value() + " from " + c.source()
              + (latent == null ? ": this sketch has no latent control" : ": needs an index and a number"));
          return;
        }
        record(c);
        latent.set(index, c.value());
      }
      case MODULATE -> {
        Param p = param(c);
        if (p == null) {
          return;
        }
        try {
          Modulation m = Modulation.parse(c.text() == null ? "" : c.text());
          if (m == null) {
            modulations.remove(p.name());
          } else {
            modulations.put(p.name(), m);
          }
          modulationChanges++;
          changed(p, c);
        } catch (IllegalArgumentException e) {
          complaints.count("bad modulation", p.name() + ": " + e.getMessage());
        }
      }
      case RECALL -> recall(c);
    }
  }

  private Param param(Change c) {
    Param p = params.get(c.name());
    if (p == null) {
      complaints.count("unknown parameter", c.name() + " from " + c.source() + "; there are " + params);
    }
    return p;
  }

  private void changed(Param p, Change c) {
    record(c);
    for (Listener l : listeners) {
      l.changed(p, c);
    }
  }

  private void record(Change c) {
    if (recorder != null) {
      recorder.write(frame, time, c);
    }
  }

  /** Starts a crossfade to a preset: numbers glide over the time, toggles and choices switch half-way. */
  private void recall(Change c) {
    JsonObject preset;
    try {
      preset = Presets.read(c.text() == null ? "" : c.text());
    } catch (IllegalArgumentException e) {
      complaints.count("bad preset", "preset \"" + c.name() + "\" from " + c.source() + " " + e.getMessage()
          + "; nothing changed");
      return;
    }
    record(c);
    fading.clear();
    targets(preset, "preset " + c.name()).forEach((p, v) -> fading.put(p.name(), new double[] {p.base(), v}));
    modulationsOf(preset, "preset " + c.name());
    fadeStart = time;
    fadeSeconds = Math.max(0, Double.isFinite(c.value()) ? c.value() : 0);
    stepFade(time);
  }

  /**
   * Sets the values and modulations of {@code preset} at once, before the first frame (the last
   * values of an earlier run, say). Not a control event: nothing is recorded or fed back.
   *
   * @param what names the preset in complaints about its entries
   * @throws IllegalArgumentException if it is not a preset at all
   */
  public void restore(String preset, String what) {
    JsonObject o = Presets.read(preset);
    targets(o, what).forEach(Param::set);
    modulationsOf(o, what);
    publish();
  }

  /** A preset's values that this sketch can take, clamped; the rest is counted and skipped. */
  private Map<Param, Double> targets(JsonObject preset, String what) {
    Map<Param, Double> out = new LinkedHashMap<>();
    JsonObject values = preset.has("values") ? preset.getAsJsonObject("values") : new JsonObject();
    for (Map.Entry<String, JsonElement> e : values.entrySet()) {
      Param p = params.get(e.getKey());
      if (p == null) {
        complaints.count("unknown parameter", what + " names " + e.getKey() + ", which " + sketch
            + " does not have; skipped (there are " + params + ")");
        continue;
      }
      double v = e.getValue().isJsonPrimitive() ? p.parse(e.getValue().getAsString()) : Double.NaN;
      if (!Double.isFinite(v)) {
        complaints.count("bad preset", what + ": " + e.getKey() + " = " + e.getValue() + " is not a value of "
            + e.getKey() + "; skipped");
        continue;
      }
      out.put(p, p.clamp(v));
    }
    return out;
  }

  /** A preset's modulations, if it has any, replace the running ones. */
  private void modulationsOf(JsonObject preset, String what) {
    if (!preset.has("modulations")) {
      return;
    }
    modulations.clear();
    modulationChanges++;
    for (Map.Entry<String, JsonElement> e : preset.getAsJsonObject("modulations").entrySet()) {
      try {
        if (!e.getValue().isJsonPrimitive()) {
          throw new IllegalArgumentException("write it as text such as \"lfo sine 0.1 0.3\"");
        }
        Modulation m = Modulation.parse(e.getValue().getAsString());
        if (m != null && params.get(e.getKey()) != null) {
          modulations.put(e.getKey(), m);
        }
      } catch (RuntimeException ex) {
        complaints.count("bad preset", what + ": modulation of " + e.getKey() + " skipped: " + ex.getMessage());
      }
    }
  }

  /**
   * Moves a crossfade on and tells the listeners every step, so that faders on a phone follow the
   * fade instead of jumping at its end. The steps are not recorded: the recall itself is, and a
   * replay fades the same way.
   */
  private void stepFade(double now) {
    if (fading.isEmpty()) {
      return;
    }
    double k = fadeSeconds <= 0 ? 1 : Math.min(1, (now - fadeStart) / fadeSeconds);
    for (Map.Entry<String, double[]> e : fading.entrySet()) {
      Param p = params.get(e.getKey());
      double from = e.getValue()[0];
      double to = e.getValue()[1];
      double v = p.kind() == Param.Kind.TOGGLE || p.kind() == Param.Kind.CHOICE
          ? (k < 0.5 ? from : to)
          : from + (to - from) * k;
      double before = p.base();
      p.aim(v);
      if (p.base() != before || k >= 1) {
        Change step = new Change(Change.Type.SET, p.name(), p.base(), null, FADE);
        for (Listener l : listeners) {
          l.changed(p, step);
        }
      }
    }
    if (k >= 1) {
      fading.clear();
    }
  }

  /** True while a preset crossfade is under way. */
  public boolean fading() {
    return !fading.isEmpty();
  }

  /**
   * What the values are, as of the end of the last frame: safe to read from any thread (an OSC
   * query, an HTTP request), unlike the parameters themselves, which belong to the animation thread.
   *
   * @param values each parameter's base value, by name, in declaration order
   * @param modulations the running modulations, by parameter name
   * @param frame the frame they are from
   */
  public record State(Map<String, Double> values, Map<String, Modulation> modulations, long frame) {
    /** The value of {@code param} on a 0..1 scale over its range. */
    public double normalized(Param param) {
      double span = param.max() - param.min();
      Double v = values.get(param.name());
      return span == 0 || v == null ? 0 : (v - param.min()) / span;
    }

    public double value(Param param) {
      Double v = values.get(param.name());
      return v == null ? Double.NaN : v;
    }
  }

  /** The values as of the last frame (before the first frame: as they were when these controls were made). */
  public State state() {
    return state;
  }

  /** Publishes the values for other threads when they changed (no garbage on a still frame). */
  private void publish() {
    boolean same = state != null && published.length == params.size() && publishedModulations == modulationChanges;
    for (int i = 0; same && i < params.size(); i++) {
      same = published[i] == params.get(i).base();
    }
    if (same) {
      return;
    }
    double[] now = new double[params.size()];
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < now.length; i++) {
      now[i] = params.get(i).base();
      values.put(params.get(i).name(), now[i]);
    }
    published = now;
    publishedModulations = modulationChanges;
    state = new State(java.util.Collections.unmodifiableMap(values),
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modulations)), frame);
  }

  /**
   * The current state as a preset: every parameter's value and every modulation, as of the last
   * frame. Safe from any thread. Numbers are written as people would write them ({@code 0.2}).
   */
  public JsonObject snapshot() {
    State s = state();
    JsonObject values = new JsonObject();
    for (Param p : params) {
      double v = s.value(p);
      if (p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.WHOLE) {
        values.addProperty(p.name(), p.tidy(v));
      } else {
        values.addProperty(p.name(), p.text(v));
      }
    }
    JsonObject mods = new JsonObject();
    s.modulations().forEach((k, v) -> mods.addProperty(k, v.toString()));
    JsonObject o = new JsonObject();
    o.addProperty("sketch", sketch);
    o.add("values", values);
    o.add("modulations", mods);
    return o;
  }

  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("mishmash: closing " + c + ": " + e.getMessage());
      }
    }
    owned.clear();
  }
}
