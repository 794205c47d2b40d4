package mishmash.live.midi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import mishmash.live.Action;
import mishmash.live.Change;
import mishmash.live.Controls;
import mishmash.live.Param;

/**
 * MIDI in, through Java's own {@code javax.sound.midi}: control changes and notes from every
 * controller plugged in (also one plugged in after start: the device list is checked every two
 * seconds) play the parameters and actions of a {@link MidiMap}.
 *
 * <ul>
 *   <li><b>Learn:</b> {@link #learn(String)} a parameter or action, move a knob or hit a pad, and
 *       that control is bound (and saved to the map file). A CC 0..31 followed by its partner
 *       CC 32..63 is learnt as one 14-bit control.</li>
 *   <li><b>Soft takeover:</b> a knob that disagrees with the value (because a preset, OSC or the
 *       panel moved it) does nothing until it passes the value, so nothing jumps.</li>
 * </ul>
 * MIDI threads only enqueue; everything happens at the start of a frame, on the animation thread.
 */
public final class MidiControl implements Controls.Source, Controls.Listener, AutoCloseable {
  /** A knob within this fraction of the value picks it up. */
  static final double PICKUP = 0.03;

  private final Path mapFile;
  private final MidiMap map;
  private final ConcurrentLinkedQueue<int[]> inbox = new ConcurrentLinkedQueue<>(); // {status, data1, data2}
  private final Map<String, Integer> msb = new HashMap<>(); // "ch:cc" → last MSB of a 14-bit pair
  private final Map<String, Double> lastKnob = new HashMap<>(); // target → where its knob last was, 0..1
  private final Set<String> pickedUp = new HashSet<>();
  private final Map<String, MidiDevice> open = new HashMap<>();
  private final Receiver receiver = new Receiver() {
    @Override
    public void send(MidiMessage message, long timeStamp) {
      if (message instanceof ShortMessage m) {
        inbox.add(new int[] {m.getStatus(), m.getData1(), m.getData2()});
      }
    }

    @Override
    public void close() {}
  };
  private ScheduledExecutorService watcher;
  private volatile String learning;
  private volatile String saveProblem;
  private MidiMap.Binding justLearnt;
  private Controls controls;

  /** Loads the map from {@code mapFile} (a missing file: no mappings yet). */
  public MidiControl(Path mapFile) {
    this.mapFile = mapFile;
    this.map = MidiMap.load(mapFile);
  }

  /**
   * Listens to {@code controls}' changes (for soft takeover) and plays into them; bindings to
   * parameters or actions the sketch does not have are reported in {@link #problems()}.
   */
  public MidiControl attach(Controls controls) {
    this.controls = controls;
    java.util.List<String> targets = new java.util.ArrayList<>();
    controls.params().forEach(p -> targets.add(p.name()));
    controls.params().actions().forEach(a -> targets.add(a.name()));
    map.check(targets, controls.sketch(), mapFile);
    controls.addSource(this);
    controls.addListener(this);
    controls.own(this);
    return this;
  }

  /** Opens every MIDI input now and every two seconds looks for new ones. */
  public MidiControl watchDevices() {
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mishmash-midi-devices");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(this::scanDevices, 0, 2, TimeUnit.SECONDS);
    return this;
  }

  /** Where MIDI messages go: devices send here, and so can tests or a virtual port. */
  public Receiver receiver() {
    return receiver;
  }

  public MidiMap map() {
    return map;
  }

  /** What is wrong with the map file and with saving it, for the panel. */
  public java.util.List<String> problems() {
    java.util.List<String> all = new java.util.ArrayList<>(map.problems());
    if (saveProblem != null) {
      all.add(saveProblem);
    }
    return all;
  }

  private volatile Set<String> deviceNames = Set.of();

  /** The inputs open now, by name (never waits for a device scan). */
  public Set<String> devices() {
    return deviceNames;
  }

  /** Binds the next control that moves to {@code target} (a parameter or action name); null cancels. */
  public void learn(String target) {
    learning = target;
  }

  /** The parameter or action waiting for a control, or null. */
  public String learning() {
    return learning;
  }

  @Override
  public void poll(Controls c) {
    for (int[] m; (m = inbox.poll()) != null; ) {
      handle(m[0], m[1], m[2]);
    }
  }

  private void handle(int status, int data1, int data2) {
    int command = status & 0xF0;
    int channel = (status & 0x0F) + 1;
    boolean note = command == ShortMessage.NOTE_ON || command == ShortMessage.NOTE_OFF;
    if (command != ShortMessage.CONTROL_CHANGE && !note) {
      return;
    }
    if (command == ShortMessage.NOTE_ON && data2 == 0) {
      command = ShortMessage.NOTE_OFF; // running-status note off
    }
    String target = learning;
    if (target != null && (command == ShortMessage.CONTROL_CHANGE || command == ShortMessage.NOTE_ON)) {
      learnt(new MidiMap.Binding(target, channel, note, data1, false));
      learning = null;
      return;
    }
    if (!note && justLearnt != null && !justLearnt.note() && !justLearnt.fine() && justLearnt.number() < 32
        && data1 == justLearnt.number() + 32 && justLearnt.channel() == channel) {
      // the learnt CC's LSB partner arrived: a 14-bit control
      learnt(new MidiMap.Binding(justLearnt.target(), channel, false, justLearnt.number(), true));
      justLearnt = null;
      return;
    }
    if (!(justLearnt != null && !note && data1 == justLearnt.number() && channel == justLearnt.channel())) {
      justLearnt = null; // only the very next messages of the learnt knob can reveal its 14-bit partner
    }
    if (!note) {
      msb.put(channel + ":" + data1, data2);
    }
    for (MidiMap.Binding b : map.bindings()) {
      if (note) {
        if (b.listensTo(channel, true, data1)) {
          press(b, command == ShortMessage.NOTE_ON ? data2 / 127.0 : 0);
        }
      } else if (b.listensTo(channel, false, data1)) {
        if (!b.fine()) {
          turn(b, data2 / 127.0, channel + " cc" + data1);
        } else {
          turn(b, (data2 << 7) / 16383.0, channel + " cc" + data1); // MSB alone; the LSB refines it
        }
      } else if (b.fine() && (b.channel() == 0 || b.channel() == channel) && data1 == b.number() + 32) {
        Integer hi = msb.get(channel + ":" + b.number());
        if (hi != null) {
          turn(b, ((hi << 7) | data2) / 16383.0, channel + " cc" + b.number() + "+" + data1);
        }
      }
    }
  }

  private void learnt(MidiMap.Binding b) {
    map.put(b);
    justLearnt = b;
    pickedUp.remove(b.target());
    lastKnob.remove(b.target());
    System.err.println("mishmash midi: " + b.target() + " = " + b);
    try {
      map.save(mapFile);
      saveProblem = null;
    } catch (IOException e) {
      saveProblem = "MIDI learn not saved: " + e.getMessage();
      System.err.println("mishmash midi: " + saveProblem);
    }
  }

  private void press(MidiMap.Binding b, double velocity) {
    Action a = controls.params().action(b.target());
    if (a != null) {
      if (velocity > 0) {
        controls.submit(Change.action(b.target(), "midi ch" + b.channel() + " note" + b.number()));
      }
      return;
    }
    Param p = controls.params().get(b.target());
    if (p != null && velocity > 0 && (p.kind() == Param.Kind.TOGGLE || p.kind() == Param.Kind.CHOICE)) {
      double next = p.base() + 1 > p.max() ? p.min() : p.base() + 1; // a pad steps through the choices
      controls.submit(Change.set(b.target(), next, "midi note" + b.number()));
    }
  }

  /** A knob or fader moved to {@code v} (0..1): applies it if the knob has picked up the value. */
  private void turn(MidiMap.Binding b, double v, String what) {
    String source = "midi ch" + what;
    Action a = controls.params().action(b.target());
    if (a != null) {
      Double before = lastKnob.put(b.target(), v);
      if (v >= 0.5 && (before == null || before < 0.5)) {
        controls.submit(Change.action(b.target(), source)); // a button sending CC 127 / 0
      }
      return;
    }
    Param p = controls.params().get(b.target());
    if (p == null) {
      return;
    }
    Double before = lastKnob.put(b.target(), v);
    if (!pickedUp.contains(b.target())) {
      double value = p.normalized();
      boolean near = Math.abs(v - value) <= PICKUP;
      boolean crossed = before != null && (before - value) * (v - value) <= 0;
      if (!near && !crossed) {
        return; // soft takeover: wait until the knob reaches the value
      }
      pickedUp.add(b.target());
    }
    controls.submit(Change.norm(b.target(), v, source));
  }

  /** True when the knob bound to {@code target} plays it (it has met the value since it last changed otherwise). */
  public boolean pickedUp(String target) {
    return pickedUp.contains(target);
  }

  @Override
  public void changed(Param param, Change cause) {
    if (cause.source() == null || !cause.source().startsWith("midi")) {
      pickedUp.remove(param.name()); // moved by something else: the knob must find it again
    }
  }

  private synchronized void scanDevices() {
    Set<String> seen = new HashSet<>();
    for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
      String name = info.getName() + " (" + info.getVendor() + ")";
      try {
        MidiDevice d = MidiSystem.getMidiDevice(info);
        if (d.getMaxTransmitters() == 0 || d instanceof javax.sound.midi.Sequencer
            || d instanceof javax.sound.midi.Synthesizer) {
          continue;
        }
        seen.add(name);
        if (!open.containsKey(name)) {
          d.open();
          d.getTransmitter().setReceiver(receiver);
          open.put(name, d);
          System.err.println("mishmash midi: listening to " + name);
        }
      } catch (MidiUnavailableException | SecurityException | IllegalArgumentException e) {
        // busy or gone: tried again in two seconds
      }
    }
    open.entrySet().removeIf(e -> {
      if (!seen.contains(e.getKey())) {
        System.err.println("mishmash midi: " + e.getKey() + " is gone; it is picked up again when it returns");
        e.getValue().close();
        return true;
      }
      return false;
    });
    deviceNames = Set.copyOf(open.keySet());
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    open.values().forEach(MidiDevice::close);
    open.clear();
  }
}
