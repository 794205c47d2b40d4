package mishmash.sketch;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.util.Optional;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.link.BoothLink;
import mishmash.link.Broker;
import mishmash.link.WallLink;
import mishmash.model.Image;
import mishmash.net.Network;
import mishmash.schedule.Schedule;
import mishmash.schedule.Scheduler;

/**
 * What a sketch needs to run unattended in a gallery, wired from its options so no sketch writes
 * any of it:
 * <pre>
 * --schedule FILE     opening hours and presets by time of day (default data/schedule.txt, if there)
 * --heartbeat         beat for the watchdog that runs it (the service command sets this)
 * --network LIST      the gallery network: listen on every interface, for these senders only
 *                     (192.168.1.0/24,10.0.0.5; "any" for all); default: this machine only
 * several machines (MQTT), one setting on each:
 * --link              the wall: run the broker booths on other machines connect to (port --link-port, 1883)
 * --broker URL        the wall: use an existing broker instead (tcp://host:1883)
 * --wall URL          a booth: send visitors to the wall's broker (tcp://wall:1883), mix with its creatures
 * --booth-name NAME   a booth's name on the link (default: this machine's name)
 * </pre>
 * Outside opening hours the sketch rests ({@link #resting}: its timers stop, so the grid breeds
 * nothing and the booth takes no photos) and the screen dims or goes dark, unless the schedule
 * says "outside attract". Headless renders follow no schedule unless one is given.
 */
final class Installation implements Scheduler.Target, AutoCloseable {
  /** Seconds of sketch time between looks at the clock and the schedule file. */
  static final double POLL = 5;

  private final MishmashSketch sketch;
  private final Scheduler scheduler;
  private Network network = Network.local();
  private WallLink wall;
  private BoothLink booth;
  private String linkProblem;
  private double nextPoll;
  private volatile Schedule.State state;

  Installation(MishmashSketch sketch) {
    this.sketch = sketch;
    String given = sketch.option("--schedule", null);
    Path file = given != null ? Paths.get(given) : sketch.dataFolder("schedule.txt");
    this.scheduler = given != null || !sketch.headless()
        ? new Scheduler(file, sketch.dataFolder("live").resolve(sketch.name() + ".schedule"), ZonedDateTime::now, this)
        : null;
    String net = sketch.option("--network", null);
    if (net != null) {
      try {
        network = Network.parse(net);
      } catch (IllegalArgumentException e) {
        sketch.fail(e.getMessage());
      }
    }
  }

  /**
   * The wall's archive, linked to booths on other machines when {@code --link} or {@code --broker}
   * says so. A link that cannot start is said on the panel; the wall runs on without it.
   */
  void wall(Archive archive) {
    String external = sketch.option("--broker", null);
    if (external == null && !sketch.flag("--link")) {
      return;
    }
    try {
      wall = WallLink.start(archive, new WallLink.Settings(external, network.bindAddress(),
          (int) sketch.option("--link-port", Broker.DEFAULT_PORT), network::allows, sketch.dataFolder("link"),
          machine()));
      System.err.println("mishmash: booths on other machines " + (external != null ? "reach this wall through " + external
          : "connect to port " + wall.port() + " (" + network.describe() + ")"));
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
    return network;
  }

  private void problem(String text) {
    linkProblem = text;
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
