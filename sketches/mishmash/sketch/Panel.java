package mishmash.sketch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mishmash.live.Action;
import mishmash.live.Change;
import mishmash.live.Controls;
import mishmash.live.Param;
import mishmash.live.midi.MidiControl;
import processing.core.PApplet;
import processing.event.KeyEvent;
import processing.event.MouseEvent;

/**
 * The on-screen control panel, drawn from the sketch's live parameters with no code in the sketch:
 * a slider per number, a switch per toggle, a stepper per choice, a button per action, an "M" per
 * row for MIDI learn, and a row of presets (type a name and press Enter to save; click one to
 * crossfade to it). Click a value to type an exact number. Key P shows or hides it; it is never in
 * headless frames unless {@code --panel} asks.
 */
final class Panel {
  static final float WIDTH = 340;
  static final float ROW = 26;
  private static final float PAD = 12;

  private final MishmashSketch sketch;
  private final LiveSetup live;
  private final List<Hit> hits = new ArrayList<>();
  private boolean visible;
  private Param dragging;
  private String editing;       // a parameter's name, or PRESET_FIELD
  private final StringBuilder typed = new StringBuilder();
  private float fadeSeconds = 2;
  private String message = "";
  private int presetRows = 1;
  private double messageAt = -10;
  private List<String> presetNames = List.of();
  private double presetsListedAt = -10;
  static final String PRESET_FIELD = "\u0000preset";

  /** A clickable rectangle and what a click there does. */
  private record Hit(float x, float y, float w, float h, Runnable click, Param slider) {
    boolean contains(float px, float py) {
      return px >= x && px < x + w && py >= y && py < y + h;
    }
  }

  Panel(MishmashSketch sketch, LiveSetup live) {
    this.sketch = sketch;
    this.live = live;
  }

  boolean visible() {
    return visible;
  }

  void toggle() {
    visible = !visible;
    if (visible) {
      sketch.cursor();
    } else if (sketch.option("--window", null) == null && !sketch.headless()) {
      sketch.noCursor();
    }
  }

  void show() {
    visible = true;
  }

  /** True while the panel takes the keyboard (typing a value or a preset name). */
  boolean typing() {
    return editing != null;
  }

  void draw() {
    if (!visible) {
      return;
    }
    PApplet s = sketch;
    Controls controls = live.controls();
    MidiControl midi = live.midi();
    hits.clear();
    s.pushStyle();
    s.textSize(13);
    List<String> status = statusLines(midi);
    float x = s.width - WIDTH - PAD;
    float y = PAD;
    float height = (1 + controls.params().size() + controls.params().actions().size()) * ROW + ROW / 2
        + (1 + presetRows) * ROW + status.size() * ROW * 0.75f + 3 * PAD;
    s.noStroke();
    s.fill(10, 12, 10, 225);
    s.rect(x - PAD, 0, WIDTH + 2 * PAD, Math.min(s.height, height));
    s.textAlign(PApplet.LEFT, PApplet.CENTER);
    s.fill(255, 214, 140);
    s.text(controls.sketch() + " · live controls   [P hides]", x, y + ROW / 2);
    y += ROW;
    for (Param p : controls.params()) {
      row(p, x, y, midi);
      y += ROW;
    }
    for (Action a : controls.params().actions()) {
      button(x, y, WIDTH - 30, ROW - 6, a.name(), () -> controls.submit(Change.action(a.name(), "panel")));
      learnButton(a.name(), x + WIDTH - 24, y, midi);
      y += ROW;
    }
    y += ROW / 2;
    presets(x, y);
    y += (1 + presetRows) * ROW;
    s.fill(130, 128, 116);
    for (String line : status) {
      y += ROW * 0.75f;
      s.text(line, x, y);
    }
    s.popStyle();
  }

  private void row(Param p, float x, float y, MidiControl midi) {
    PApplet s = sketch;
    float labelW = 100;
    float barX = x + labelW;
    float barW = WIDTH - labelW - 100;
    s.fill(210, 206, 190);
    s.text(p.name(), x, y + ROW / 2);
    switch (p.kind()) {
      case NUMBER, WHOLE -> {
        float k = (float) p.normalized();
        s.fill(45, 48, 42);
        s.rect(barX, y + 8, barW, ROW - 16, 3);
        s.fill(p.gliding() ? s.color(160, 200, 255) : s.color(255, 196, 90));
        s.rect(barX, y + 8, barW * k, ROW - 16, 3);
        hits.add(new Hit(barX, y, barW, ROW, null, p));
      }
      case TOGGLE -> button(barX, y + 3, barW, ROW - 6, p.base() >= 0.5 ? "on" : "off",
          () -> live.controls().submit(Change.set(p.name(), p.base() >= 0.5 ? 0 : 1, "panel")));
      case CHOICE -> button(barX, y + 3, barW + 50, ROW - 6, "‹ " + p.text(p.base()) + " ›",
          () -> live.controls().submit(Change.set(p.name(), p.stepped(0.01), "panel")));
    }
    float valueX = barX + barW + 8;
    boolean edit = p.name().equals(editing);
    s.fill(edit ? s.color(255, 240, 200) : s.color(170, 168, 150));
    String value = edit ? typed + "_" : p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.WHOLE
        ? p.text(p.base()) : "";
    String mod = live.controls().modulations().containsKey(p.name()) ? " ~" : "";
    s.text(value + mod, valueX, y + ROW / 2);
    if (p.kind() == Param.Kind.NUMBER || p.kind() == Param.Kind.WHOLE) {
      hits.add(new Hit(valueX, y, 62, ROW, () -> startTyping(p.name()), null));
    }
    learnButton(p.name(), x + WIDTH - 24, y, midi);
  }

  private void learnButton(String target, float x, float y, MidiControl midi) {
    if (midi == null) {
      return;
    }
    boolean learning = target.equals(midi.learning());
    boolean bound = midi.map().of(target) != null;
    PApplet s = sketch;
    s.fill(learning ? s.color(255, 90, 70) : bound ? s.color(90, 140, 110) : s.color(60, 62, 56));
    s.rect(x, y + 4, 22, ROW - 8, 3);
    s.fill(240);
    s.textAlign(PApplet.CENTER, PApplet.CENTER);
    s.text("M", x + 11, y + ROW / 2);
    s.textAlign(PApplet.LEFT, PApplet.CENTER);
    hits.add(new Hit(x, y, 22, ROW, () -> {
      midi.learn(learning ? null : target);
      say(learning ? "MIDI learn cancelled" : "MIDI learn: move a knob or hit a pad for " + target);
    }, null));
  }

  private void presets(float x, float y) {
    PApplet s = sketch;
    boolean edit = PRESET_FIELD.equals(editing);
    s.fill(edit ? s.color(70, 66, 50) : s.color(40, 42, 38));
    s.rect(x, y + 3, 170, ROW - 6, 3);
    s.fill(edit ? s.color(255, 240, 200) : s.color(140, 138, 124));
    s.text(edit ? typed + "_" : "preset name…", x + 6, y + ROW / 2);
    hits.add(new Hit(x, y, 170, ROW, () -> startTyping(PRESET_FIELD), null));
    button(x + 176, y + 3, 60, ROW - 6, "save", this::savePreset);
    s.fill(170, 168, 150);
    s.text(String.format(Locale.ROOT, "fade %.1f s", fadeSeconds), x + 244, y + ROW / 2);
    hits.add(new Hit(x + 244, y, 96, ROW, () -> fadeSeconds = (fadeSeconds + 1) % 11, null));
    float px = x;
    float py = y + ROW;
    if (sketch.now() - presetsListedAt > 2) { // the folder is read every two seconds, not every frame
      presetNames = live.presets().names();
      presetsListedAt = sketch.now();
    }
    int rowsUsed = presetNames.isEmpty() ? 0 : 1;
    for (String name : presetNames) {
      float w = Math.min(WIDTH, s.textWidth(name) + 14);
      if (px + w > x + WIDTH) {
        px = x;
        py += ROW;
        rowsUsed++;
      }
      button(px, py + 3, w, ROW - 6, name, () -> recall(name));
      px += w + 6;
    }
    presetRows = rowsUsed;
  }

  /**
   * What the panel says below the controls, wrapped to its width so nothing is cut off: where OSC
   * and OSCQuery listen, MIDI, what went wrong at start and in the MIDI map, the last message.
   */
  List<String> statusLines(MidiControl midi) {
    List<String> lines = new ArrayList<>();
    if (live.osc() != null) {
      lines.add("OSC " + live.osc().port() + (live.osc().settings().tcp() ? " udp+tcp" : "") + " · /mishmash/"
          + live.controls().sketch() + "/… · " + live.osc().clientCount() + " clients · " + live.network().describe());
    }
    if (live.web() != null) {
      lines.add("OSCQuery http://" + (live.network().isLocal() ? "127.0.0.1" : "this machine") + ":" + live.web().port()
          + "/ · " + live.web().webSockets().size() + " listening" + (live.mdns() != null ? " · " + live.mdns().status() : ""));
    }
    if (midi != null) {
      lines.add("MIDI " + (midi.devices().isEmpty() ? "no controller" : String.join(", ", midi.devices())));
      lines.addAll(midi.problems());
    }
    lines.addAll(live.problems());
    if (sketch.installation().problem() != null) {
      lines.add(sketch.installation().problem());
    }
    for (mishmash.live.Complaints c : live.complaints()) { // what the last bad input got, for ten seconds
      mishmash.live.Complaints.Latest latest = c.latest();
      if (latest != null && System.currentTimeMillis() - latest.atMs() < 10_000) {
        lines.add(latest.text());
      }
    }
    if (sketch.now() - messageAt < 6) {
      lines.add(message);
    }
    List<String> wrapped = new ArrayList<>();
    for (String line : lines) {
      wrapped.addAll(Fit.wrap(sketch, line, WIDTH));
    }
    return wrapped;
  }

  private void button(float x, float y, float w, float h, String label, Runnable click) {
    PApplet s = sketch;
    s.fill(58, 60, 54);
    s.rect(x, y, w, h, 3);
    s.fill(235, 230, 210);
    s.textAlign(PApplet.CENTER, PApplet.CENTER);
    s.text(buttonLabel(label, w), x + w / 2, y + h / 2);
    s.textSize(13);
    s.textAlign(PApplet.LEFT, PApplet.CENTER);
    hits.add(new Hit(x, y, w, h, click, null));
  }

  /** A button's label in the largest size (13 down to 9 px) that fits inside it, shortened if even 9 does not; leaves that size set. */
  String buttonLabel(String label, float w) {
    Fit.size(sketch, label, w - 8, 13, 9);
    return Fit.line(sketch, label, w - 8);
  }

  private void startTyping(String field) {
    editing = field;
    typed.setLength(0);
  }

  private void savePreset() {
    String name = typed.toString().trim();
    if (!PRESET_FIELD.equals(editing) || name.isEmpty()) {
      startTyping(PRESET_FIELD);
      say("type a preset name, then Enter");
      return;
    }
    try {
      live.presets().save(name);
      presetsListedAt = -10;
      say("saved preset " + name);
    } catch (IOException | IllegalArgumentException e) {
      say(e.getMessage());
    }
    editing = null;
  }

  private void recall(String name) {
    try {
      live.presets().recall(name, fadeSeconds, "panel");
      say("crossfading to " + name + " over " + fadeSeconds + " s");
    } catch (IOException | IllegalArgumentException e) {
      say(e.getMessage());
    }
  }

  private void say(String text) {
    message = text;
    messageAt = sketch.now();
  }

  /** Returns true when the panel used the mouse event. */
  boolean mouse(MouseEvent e) {
    if (!visible) {
      return false;
    }
    float mx = e.getX();
    float my = e.getY();
    switch (e.getAction()) {
      case MouseEvent.PRESS -> {
        for (Hit h : hits) {
          if (h.contains(mx, my)) {
            if (h.slider() != null) {
              dragging = h.slider();
              slide(h, mx);
            } else {
              h.click().run();
            }
            return true;
          }
        }
        editing = null;
        return mx > sketch.width - WIDTH - 2 * PAD;
      }
      case MouseEvent.DRAG -> {
        if (dragging != null) {
          for (Hit h : hits) {
            if (h.slider() == dragging) {
              slide(h, mx);
            }
          }
          return true;
        }
      }
      case MouseEvent.RELEASE -> dragging = null;
      default -> { }
    }
    return false;
  }

  private void slide(Hit h, float mx) {
    double k = Math.max(0, Math.min(1, (mx - h.x()) / h.w()));
    live.controls().submit(Change.norm(h.slider().name(), k, "panel"));
  }

  /** Returns true when the panel used the key. */
  boolean key(KeyEvent e) {
    if (editing == null || e.getAction() != KeyEvent.TYPE) {
      return editing != null;
    }
    char c = e.getKey();
    if (c == '\n' || c == '\r') {
      if (PRESET_FIELD.equals(editing)) {
        savePreset();
      } else {
        live.controls().submit(new Change(Change.Type.SET, editing, Double.NaN, typed.toString(), "panel"));
        editing = null;
      }
    } else if (c == 27) {
      editing = null;
    } else if (c == '\b' || c == 127) {
      if (typed.length() > 0) {
        typed.setLength(typed.length() - 1);
      }
    } else if (!Character.isISOControl(c) && typed.length() < 64) {
      typed.append(c);
    }
    return true;
  }
}
