package mishmash.sketch;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import mishmash.schedule.Schedule;
import mishmash.schedule.Scheduler;

/**
 * What a sketch needs to run unattended in a gallery, wired from its options so no sketch writes
 * any of it:
 * <pre>
 * --schedule FILE     opening hours and presets by time of day (default data/schedule.txt, if there)
 * --heartbeat         beat for the watchdog that runs it (the service command sets this)
 * </pre>
 * Outside opening hours the sketch rests ({@link #resting}: its timers stop, so the grid breeds
 * nothing and the booth takes no photos) and the screen dims or goes dark, unless the schedule
 * says "outside attract". Headless renders follow no schedule unless one is given.
 */
final class Installation implements Scheduler.Target {
  /** Seconds of sketch time between looks at the clock and the schedule file. */
  static final double POLL = 5;

  private final MishmashSketch sketch;
  private final Scheduler scheduler;
  private double nextPoll;
  private volatile Schedule.State state;

  Installation(MishmashSketch sketch) {
    this.sketch = sketch;
    String given = sketch.option("--schedule", null);
    Path file = given != null ? Paths.get(given) : sketch.dataFolder("schedule.txt");
    this.scheduler = given != null || !sketch.headless()
        ? new Scheduler(file, sketch.dataFolder("live").resolve(sketch.name() + ".schedule"), ZonedDateTime::now, this)
        : null;
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
    return scheduler == null ? null : scheduler.problem();
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
