package mishmash.sketch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.health.Status;
import mishmash.link.BoothLink;
import mishmash.link.Broker;
import mishmash.link.WallLink;
import mishmash.model.Image;
import mishmash.net.Network;
import mishmash.net.http.Response;
import mishmash.net.http.WebServer;
import mishmash.schedule.Schedule;
import mishmash.schedule.Scheduler;

/**
 * What a sketch needs to run unattended in a gallery, wired from its options so no sketch writes
 * any of it:
 * <pre>
 * --schedule FILE     opening hours and presets by time of day (default data/schedule.txt, if there)
 * --heartbeat         beat for the watchdog that runs it (the service command sets this)
 * several machines (MQTT), one setting on each:
 * --link              the wall: run the broker booths on other machines connect to (port --link-port, 1883)
 * --broker URL        the wall: use an existing broker instead (tcp://host:1883)
 * --wall URL          a booth: send visitors to the wall's broker (tcp://wall:1883), mix with its creatures
 * --booth-name NAME   a booth's name on the link (default: this machine's name)
 * </pre>
 * The status page is on the sketch's HTTP server (OSCQuery's, {@code --http-port}, 8001):
 * http://localhost:8001/status, and /status.json for programs; like everything that listens, the
 * broker included, it is on this machine only unless {@code --network} lets the gallery in.
 * Every {@link #STATUS_EVERY} seconds the same values go out over OSC, to the sketch's feedback
 * clients, as {@code /mishmash/NAME/status/KEY VALUE} (fps, births, visits, heap_mb, rss_mb,
 * disk_free_mb, camera, last_error, ...).
 * Outside opening hours the sketch rests ({@link #resting}: its timers stop, so the grid breeds
 * nothing and the booth takes no photos) and the screen dims or goes dark, unless the schedule
 * says "outside attract". Headless renders follow no schedule unless one is given.
 */
final class Installation implements Scheduler.Target, AutoCloseable {
  /** Seconds of sketch time between looks at the clock and the schedule file. */
  static final double POLL = 5;
  /** Seconds between status messages over OSC and measurements of memory and disk. */
  static final double STATUS_EVERY = 5;

  private final MishmashSketch sketch;
  private final Scheduler scheduler;
  private WallLink wall;
  private BoothLink booth;
  private String linkProblem;
  private final Status status;
  private ScheduledExecutorService measuring;
  private double nextStatus;
  private double nextPoll;
  private volatile Schedule.State state;

  Installation(MishmashSketch sketch) {
    this.sketch = sketch;
    String given = sketch.option("--schedule", null);
    Path file = given != null ? Paths.get(given) : sketch.dataFolder("schedule.txt");
    this.scheduler = given != null || !sketch.headless()
        ? new Scheduler(file, sketch.dataFolder("live").resolve(sketch.name() + ".schedule"), ZonedDateTime::now, this)
        : null;
    status = new Status(sketch.name());
    status.report("schedule", this::describeSchedule);
    WebServer web = sketch.live().web();
    if (web != null || sketch.live().osc() != null) {
      measuring = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mishmash-status");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 2);
        return t;
      });
      measuring.scheduleWithFixedDelay(status::measure, 0, (long) (STATUS_EVERY * 1000), TimeUnit.MILLISECONDS);
    }
    if (web != null) { // the status page, on the sketch's HTTP server beside OSCQuery
      web.route("/status.json", r -> Response.json(status.json(sketch.frameRate)));
      web.route("/status", r -> Response.html(status.html(sketch.frameRate)));
      System.err.println("mishmash: status page http://" + (network().isLocal() ? "127.0.0.1" : "<this machine>") + ":"
          + web.port() + "/status");
    }
  }

  Status status() {
    return status;
  }

  private String describeSchedule() {
    Schedule.State s = state;
    if (s == null) {
      return scheduler == null ? "none" : "starting";
    }
    return (s.open() ? "open" : "closed (" + s.outside().name().toLowerCase(java.util.Locale.ROOT) + ")")
        + (s.preset() == null ? "" : ", preset " + s.preset());
  }

  /** The status, as OSC messages to the feedback clients: one address per value. */
  private void sendStatus() {
    var osc = sketch.live().osc();
    if (osc == null) {
      return;
    }
    String prefix = "/mishmash/" + sketch.name() + "/status/";
    JsonObject o = status.json(sketch.frameRate);
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      JsonElement v = e.getValue();
      Object arg = v.getAsJsonPrimitive().isNumber() ? (Object) v.getAsFloat()
          : v.getAsJsonPrimitive().isBoolean() ? (Object) (v.getAsBoolean() ? 1 : 0) : v.getAsString();
      osc.broadcast(new OSCMessage(prefix + e.getKey(), List.of(arg)));
    }
  }

  /**
   * The wall's archive, linked to booths on other machines when {@code --link} or {@code --broker}
   * says so. A link that cannot start is said on the panel; the wall runs on without it.
   */
  void wall(Archive archive) {
    String external = sketch.option("--broker", null);
    status.archive(archive.folder(), archive.max());
    status.report("creatures", archive::size);
    if (external == null && !sketch.flag("--link")) {
      return;
    }
    try {
      wall = WallLink.start(archive, new WallLink.Settings(external, network().bindAddress(),
          (int) sketch.option("--link-port", Broker.DEFAULT_PORT), network()::allows, sketch.dataFolder("link"),
          machine()));
      System.err.println("mishmash: booths on other machines " + (external != null ? "reach this wall through " + external
          : "connect to port " + wall.port() + " (" + network().describe() + ")"));
      WallLink w = wall;
      status.report("link", () -> w.connected() ? "connected" : "reconnecting");
      status.report("link_profiles", w::received);
    } catch (IOException e) {
      problem(e.getMessage());
    }
  }

  /**
   * The archive a booth mixes from: with {@code --wall URL}, its own copy of the wall's creatures
   * (the wall's archive, on the other machine, stays the one source of truth); otherwise the
   * grid's archive on this machine.
   */
  Archive booth(Path shared) {
    String url = sketch.option("--wall", null);
    if (url == null) {
      return Archive.share(shared);
    }
    Path folder = sketch.dataFolder(sketch.option("--booth", "booth")); // the booth's own folder, as its store's
    Archive copy = Archive.open(folder.resolve("wall-creatures"), 500);
    try {
      booth = BoothLink.start(url, sketch.option("--booth-name", machine()), folder, copy);
      System.err.println("mishmash: visitors go to the wall at " + url);
      BoothLink b = booth;
      status.report("link", () -> b.connected() ? "connected to " + url : "reconnecting to " + url);
      status.report("link_waiting", b::waitingCount);
    } catch (IOException e) {
      problem(e.getMessage());
    }
    return copy;
  }

  /** A visitor's profile to the wall on another machine, if there is one. */
  void toWall(Creature visitor, Archive archive) {
    if (booth == null) {
      return;
    }
    Optional<Image> picture = archive.picture(visitor.seed());
    if (picture.isEmpty()) {
      return;
    }
    try {
      booth.send(visitor, picture.get());
    } catch (IOException e) {
      problem("cannot keep profile " + visitor.seed() + " for the wall (" + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    if (measuring != null) {
      measuring.shutdownNow();
    }
    if (wall != null) {
      wall.close();
    }
    if (booth != null) {
      booth.close();
    }
  }

  WallLink wallLink() {
    return wall;
  }

  BoothLink boothLink() {
    return booth;
  }

  Network network() {
    return sketch.live().network();
  }

  private void problem(String text) {
    linkProblem = text;
    status.error(text);
    System.err.println("mishmash: " + text);
  }

  /** This machine's name, as a link name: letters, digits and dashes. */
  private static String machine() {
    try {
      String h = java.net.InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT)
          .replaceAll("[^a-z0-9-]", "-");
      return h.isEmpty() ? "booth" : h.substring(0, Math.min(40, h.length()));
    } catch (IOException e) {
      return "booth";
    }
  }

  /** Once a frame, before the timers. */
  void frame(double now) {
    if (scheduler != null && now >= nextPoll) {
      nextPoll = now + POLL;
      scheduler.poll();
    }
    if (measuring != null && now >= nextStatus) {
      nextStatus = now + STATUS_EVERY;
      sendStatus();
    }
  }

  /** Outside opening hours, unless the schedule says to play on: nothing new is made. */
  boolean resting() {
    Schedule.State s = state;
    return s != null && !s.playing();
  }

  /** Closed, whether resting or playing on (the booth then takes no visitors). */
  boolean closed() {
    Schedule.State s = state;
    return s != null && !s.open();
  }

  /** How dark to draw over the frame: 0 open, most of the way when dimmed, all the way when off. */
  float veil() {
    Schedule.State s = state;
    if (s == null || s.playing()) {
      return 0;
    }
    return s.outside() == Schedule.Outside.OFF ? 255 : 215;
  }

  /** What is wrong with the schedule file, for the panel; null when nothing is. */
  String problem() {
    String s = scheduler == null ? null : scheduler.problem();
    return s != null ? s : linkProblem;
  }

  Schedule.State state() {
    return state;
  }

  @Override
  public void hours(Schedule.State s) {
    state = s;
    System.err.println("mishmash: " + (s.open() ? "opening hours: open" : "outside opening hours: "
        + s.outside().name().toLowerCase(java.util.Locale.ROOT)));
  }

  @Override
  public void recall(String name, double seconds) {
    try {
      sketch.live().presets().recall(name, seconds, "schedule");
      System.err.println("mishmash: the schedule recalls preset " + name);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("mishmash: the schedule's preset: " + e.getMessage());
    }
  }
}
