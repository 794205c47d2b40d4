package mishmash.live;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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

  /**
   * @param sketch the sketch's name in addresses, as in {@code /mishmash/grid/mutation}
   * @param seed the run's seed, which makes drift modulation repeatable
   */
  public Controls(String sketch, Params params, long seed) {
    this.sketch = sketch;
    this.params = params;
    this.seed = seed;
    this.complaints = new Complaints(sketch + " controls");
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
        apply(c);
      }
    }
    for (Change c; (c = inbox.poll()) != null; ) {
      apply(c);
      appliedCount.incrementAndGet();
    }
    stepFade(now);
    for (Param p : params) {
      Modulation m = modulations.get(p.name());
      p.update(dt, m == null ? 0 : m.at(now, seed ^ p.name().hashCode()));
    }
    if (recorder != null) {
      recorder.flush();
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
      JsonElement e = JsonParser.parseString(c.text() == null ? "" : c.text());
      preset = e.getAsJsonObject();
    } catch (RuntimeException e) {
      complaints.count("bad preset", c.name() + " from " + c.source() + " is not a preset: " + e.getMessage());
      return;
    }
    record(c);
    fading.clear();
    JsonObject values = preset.has("values") ? preset.getAsJsonObject("values") : new JsonObject();
    for (Map.Entry<String, JsonElement> e : values.entrySet()) {
      Param p = params.get(e.getKey());
      if (p == null) {
        complaints.count("unknown parameter", "preset " + c.name() + " names " + e.getKey() + ", which "
            + sketch + " does not have; skipped");
        continue;
      }
      double v = e.getValue().isJsonPrimitive() ? p.parse(e.getValue().getAsString()) : Double.NaN;
      if (!Double.isFinite(v)) {
        complaints.count("bad preset", "preset " + c.name() + ": " + e.getKey() + " = " + e.getValue() + " skipped");
        continue;
      }
      fading.put(p.name(), new double[] {p.base(), p.clamp(v)});
    }
    if (preset.has("modulations")) {
      modulations.clear();
      for (Map.Entry<String, JsonElement> e : preset.getAsJsonObject("modulations").entrySet()) {
        try {
          Modulation m = Modulation.parse(e.getValue().getAsString());
          if (m != null && params.get(e.getKey()) != null) {
            modulations.put(e.getKey(), m);
          }
        } catch (RuntimeException ex) {
          complaints.count("bad preset", "preset " + c.name() + ": modulation of " + e.getKey() + ": " + ex.getMessage());
        }
      }
    }
    fadeStart = time;
    fadeSeconds = Math.max(0, Double.isFinite(c.value()) ? c.value() : 0);
    stepFade(time);
  }

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
      p.aim(v);
    }
    if (k >= 1) {
      List<String> done = new ArrayList<>(fading.keySet());
      fading.clear();
      Change end = new Change(Change.Type.SET, "", 0, null, "preset");
      for (String name : done) {
        for (Listener l : listeners) {
          l.changed(params.get(name), end);
        }
      }
    }
  }

  /** True while a preset crossfade is under way. */
  public boolean fading() {
    return !fading.isEmpty();
  }

  /** The current state as a preset: every parameter's base value and every modulation. */
  public JsonObject snapshot() {
    JsonObject values = new JsonObject();
    for (Param p : params) {
      if (p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.WHOLE) {
        values.addProperty(p.name(), p.kind() == Param.Kind.WHOLE ? (Number) Math.round(p.base()) : (Number) p.base());
      } else {
        values.addProperty(p.name(), p.text(p.base()));
      }
    }
    JsonObject mods = new JsonObject();
    modulations.forEach((k, v) -> mods.addProperty(k, v.toString()));
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
