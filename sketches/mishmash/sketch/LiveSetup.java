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
import mishmash.live.LastValues;
import mishmash.live.Performance;
import mishmash.live.Presets;
import mishmash.live.midi.MidiControl;
import mishmash.live.osc.OscServer;
import mishmash.live.oscquery.Mdns;
import mishmash.live.oscquery.OscQueryServer;
import mishmash.net.Network;
import mishmash.net.http.WebServer;

/**
 * Wires a sketch's live parameters to the world, from its command-line options, so no sketch
 * writes any of it:
 * <pre>
 * --network 192.168.1.0/24[,10.0.0.5]   let the gallery network in (OSC, OSCQuery), these senders only;
 *                        "any" for everyone; default: this machine only
 * --osc-port 8000        OSC in (UDP); 0 for any free port; --no-osc for none
 * --osc-tcp              also OSC over TCP on the same port number
 * --osc-feedback-port 9000   senders get every change back on this port (0: only /subscribe)
 * --osc-client host:port[,host:port]   more clients to feed back to
 * --http-port 8001       the local HTTP server: OSCQuery (and its WebSocket); 0 for any free port; --no-http for none
 * --no-mdns              do not advertise OSCQuery and OSC over mDNS
 * --no-midi              do not open MIDI inputs
 * --preset NAME          recall a preset at start
 * --mod "psi=lfo sine 0.05 0.2,mutation=drift 0.1 0.3"   modulate for unattended playback
 * --record [FILE]        record every control event (default data/performances/NAME-TIME.jsonl)
 * --replay FILE          play a recorded performance back
 * --fresh                start from the sketch's own values, not the last run's (data/live/NAME.json)
 * </pre>
 * Headless renders open no port and no MIDI unless {@code --osc-port} / {@code --http-port} is
 * given, and neither restore nor keep the last values, so they stay deterministic.
 */
final class LiveSetup implements AutoCloseable {
  private final MishmashSketch sketch;
  private final Controls controls;
  private final Presets presets;
  private final List<String> problems = new ArrayList<>();
  private Network network = Network.local();
  private OscServer osc;
  private WebServer web;
  private OscQueryServer oscQuery;
  private Mdns mdns;
  private MidiControl midi;

  LiveSetup(MishmashSketch sketch) {
    this.sketch = sketch;
    this.controls = new Controls(sketch.name(), sketch.params(), sketch.seed());
    this.presets = new Presets(sketch.dataFolder("presets").resolve(sketch.name()), controls);
    boolean live = !sketch.headless();
    if (live) {
      LastValues last = LastValues.keep(sketch.dataFolder("live").resolve(sketch.name() + ".json"), controls,
          !sketch.flag("--fresh"));
      if (last.problem() != null) {
        problem(last.problem());
      }
    }
    String net = sketch.option("--network", null);
    if (net != null) {
      try {
        network = Network.parse(net);
      } catch (IllegalArgumentException e) {
        problem(e.getMessage() + "; listening on this machine only");
      }
    }
    if (!sketch.flag("--no-osc") && (live || sketch.option("--osc-port", null) != null)) {
      startOsc();
    }
    if (!sketch.flag("--no-http") && (live || sketch.option("--http-port", null) != null)) {
      startHttp(!sketch.flag("--no-mdns"));
    }
    if (live && !sketch.flag("--no-midi")) {
      midi = new MidiControl(sketch.dataFolder("midi").resolve(sketch.name() + ".midimap")).attach(controls)
          .watchDevices(); // what is wrong with its map shows on the panel (midi.problems())
    }
    double fps = sketch.headless() ? sketch.headlessFps() : 0;
    String replay = sketch.option("--replay", null);
    if (replay != null) {
      try {
        Performance.Player player = new Performance.Player(Paths.get(replay), fps);
        controls.replay(player);
        System.err.println("mishmash: replaying " + player.size() + " events from " + replay
            + (player.byFrame() ? " frame by frame" : " by time")
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
        Performance.Recorder recorder = new Performance.Recorder(path, sketch.name(), sketch.seed(), fps);
        controls.record(recorder);
        if (!recorder.file().equals(path)) {
          problem(path + " exists already, so this performance is recorded to " + recorder.file());
        } else {
          System.err.println("mishmash: recording the performance to " + path);
        }
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
    try {
      OscServer.Settings settings = new OscServer.Settings(network, (int) sketch.option("--osc-port", d.port()),
          sketch.flag("--osc-tcp"), (int) sketch.option("--osc-feedback-port", d.feedbackPort()));
      osc = controls.own(OscServer.start(controls, presets, settings));
      System.err.println("mishmash: OSC on port " + osc.port() + (settings.tcp() ? " (udp+tcp)" : " (udp)") + ", "
          + network.describe() + ", addresses /mishmash/" + sketch.name() + "/...");
      String clients = sketch.option("--osc-client", null);
      if (clients != null) {
        for (String c : clients.split(",")) {
          String[] hp = c.trim().split(":");
          try {
            osc.addClient(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])));
          } catch (RuntimeException e) {
            problem("--osc-client " + c.trim() + ": write HOST:PORT, such as 192.168.1.20:9000");
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      problem(e.getMessage());
    }
  }

  private void startHttp(boolean advertise) {
    try {
      web = controls.own(WebServer.start(network, (int) sketch.option("--http-port", 8001), sketch.name()));
      oscQuery = controls.own(OscQueryServer.start(web, controls, osc));
      System.err.println("mishmash: OSCQuery on http://" + (network.isLocal() ? "127.0.0.1" : "<this machine>") + ":"
          + web.port() + "/ (" + network.describe() + ")");
      if (advertise) {
        mdns = controls.own(Mdns.advertise(network, sketch.name(), web.port(), osc == null ? 0 : osc.port()));
      }
    } catch (IOException e) {
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

  /**
   * The sketch's local HTTP server, null when off: add routes to it (a status page, JSON) with
   * {@link WebServer#route}; OSCQuery answers everything else.
   */
  WebServer web() {
    return web;
  }

  /** Null when the HTTP server is off. */
  OscQueryServer oscQuery() {
    return oscQuery;
  }

  /** Null when mDNS is off. */
  Mdns mdns() {
    return mdns;
  }

  Network network() {
    return network;
  }

  /** Where bad input is counted: the controls, OSC, the HTTP server (those that are on). */
  List<mishmash.live.Complaints> complaints() {
    List<mishmash.live.Complaints> all = new ArrayList<>();
    all.add(controls.complaints());
    if (osc != null) {
      all.add(osc.complaints());
    }
    if (web != null) {
      all.add(web.complaints());
    }
    return all;
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
