package mishmash.sketch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import mishmash.live.Change;
import mishmash.live.Controls;
import mishmash.live.Performance;
import mishmash.live.Presets;
import mishmash.live.midi.MidiControl;
import mishmash.live.osc.OscServer;

/**
 * Wires a sketch's live parameters to the world, from its command-line options, so no sketch
 * writes any of it:
 * <pre>
 * --osc-port 8000        OSC in (UDP); 0 for any free port; --no-osc for none
 * --osc-bind 0.0.0.0     the network address to listen on (127.0.0.1: this machine only)
 * --osc-tcp              also OSC over TCP on the same port number
 * --osc-feedback-port 9000   senders get every change back on this port (0: only /subscribe)
 * --osc-client host:port[,host:port]   more clients to feed back to
 * --osc-allow 192.168.1.0/24[,10.0.0.5]   accept only these senders
 * --no-midi              do not open MIDI inputs
 * --preset NAME          recall a preset at start
 * --mod "psi=lfo sine 0.05 0.2,mutation=drift 0.1 0.3"   modulate for unattended playback
 * --record [FILE]        record every control event (default data/performances/NAME-TIME.jsonl)
 * --replay FILE          play a recorded performance back (headless: frame by frame)
 * </pre>
 * Headless renders open no OSC port and no MIDI unless {@code --osc-port} is given, so they stay
 * deterministic.
 */
final class LiveSetup implements AutoCloseable {
  private final MishmashSketch sketch;
  private final Controls controls;
  private final Presets presets;
  private final List<String> problems = new ArrayList<>();
  private OscServer osc;
  private MidiControl midi;

  LiveSetup(MishmashSketch sketch) {
    this.sketch = sketch;
    this.controls = new Controls(sketch.name(), sketch.params(), sketch.seed());
    this.presets = new Presets(sketch.dataFolder("presets").resolve(sketch.name()), controls);
    boolean live = !sketch.headless();
    if (!sketch.flag("--no-osc") && (live || sketch.option("--osc-port", null) != null)) {
      startOsc();
    }
    if (live && !sketch.flag("--no-midi")) {
      midi = new MidiControl(sketch.dataFolder("midi").resolve(sketch.name() + ".midimap")).attach(controls)
          .watchDevices();
    }
    String replay = sketch.option("--replay", null);
    if (replay != null) {
      try {
        Performance.Player player = new Performance.Player(Paths.get(replay), sketch.headless());
        controls.replay(player);
        System.err.println("mishmash: replaying " + player.size() + " events from " + replay
            + (player.seed() != sketch.seed() ? " (recorded with --seed " + player.seed() + ": use it for the same frames)" : ""));
      } catch (IOException e) {
        problem("cannot replay: " + e.getMessage());
      }
    }
    if (sketch.flag("--record")) {
      String file = sketch.option("--record", null);
      Path path = file == null || file.startsWith("--")
          ? sketch.dataFolder("performances").resolve(sketch.name() + "-"
              + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".jsonl")
          : Paths.get(file);
      try {
        controls.record(new Performance.Recorder(path, sketch.name(), sketch.seed()));
        System.err.println("mishmash: recording the performance to " + path);
      } catch (IOException e) {
        problem("cannot record to " + path + ": " + e.getMessage());
      }
    }
    String preset = sketch.option("--preset", null);
    if (preset != null) {
      try {
        presets.recall(preset, 0, "start");
      } catch (IOException | IllegalArgumentException e) {
        problem(e.getMessage());
      }
    }
    String mod = sketch.option("--mod", null);
    if (mod != null) {
      for (String m : mod.split(",")) {
        String[] kv = m.split("=", 2);
        if (kv.length == 2) {
          controls.submit(new Change(Change.Type.MODULATE, kv[0].trim(), 0, kv[1].trim(), "start"));
        } else {
          problem("--mod " + m + ": write name=lfo sine RATE DEPTH or name=drift RATE DEPTH");
        }
      }
    }
  }

  private void startOsc() {
    OscServer.Settings d = OscServer.Settings.defaults();
    List<String> allow = new ArrayList<>();
    String allowText = sketch.option("--osc-allow", null);
    if (allowText != null) {
      allow.addAll(List.of(allowText.split(",")));
    }
    try {
      OscServer.Settings settings = new OscServer.Settings(sketch.option("--osc-bind", d.bind()),
          (int) sketch.option("--osc-port", d.port()), sketch.flag("--osc-tcp"),
          (int) sketch.option("--osc-feedback-port", d.feedbackPort()), allow);
      osc = controls.own(OscServer.start(controls, presets, settings));
      System.err.println("mishmash: OSC on " + settings.bind() + ":" + osc.port() + (settings.tcp() ? " (udp+tcp)" : " (udp)")
          + ", addresses /mishmash/" + sketch.name() + "/...");
      String clients = sketch.option("--osc-client", null);
      if (clients != null) {
        for (String c : clients.split(",")) {
          String[] hp = c.trim().split(":");
          osc.addClient(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])));
        }
      }
    } catch (IOException | RuntimeException e) {
      problem(e.getMessage());
    }
  }

  private void problem(String text) {
    problems.add(text);
    System.err.println("mishmash: " + text);
  }

  Controls controls() {
    return controls;
  }

  Presets presets() {
    return presets;
  }

  /** Null when MIDI is off. */
  MidiControl midi() {
    return midi;
  }

  /** Null when OSC is off. */
  OscServer osc() {
    return osc;
  }

  /** What went wrong while wiring (a taken port, a missing preset), for the panel. */
  List<String> problems() {
    return problems;
  }

  @Override
  public void close() {
    controls.close();
  }
}
