package mishmash.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import mishmash.files.AtomicFile;
import mishmash.files.Text;

/**
 * Follows a {@link Schedule} file for a running sketch: call {@link #poll} now and then (every few
 * seconds) and it tells the sketch when opening hours begin and end and which preset to recall.
 * It compares what the schedule says now with what it said last time, so a clock that jumps back
 * or forward, or daylight saving, lands in the right state at the next poll; a preset is recalled
 * once per occurrence of its time, and the occurrence last recalled is remembered on disk, so a
 * restart does not recall it again over the performer's later changes. The file is read again when
 * it changes; a file with a mistake keeps the last good schedule, and {@link #problem} says what
 * the mistake is.
 */
public final class Scheduler {
  /** What the schedule drives. */
  public interface Target {
    /** Opening hours began or ended (or the sketch just started): show {@code state}. */
    void hours(Schedule.State state);

    /** Recall preset {@code name}, crossfading over {@code seconds}. */
    void recall(String name, double seconds);
  }

  private final Path file;
  private final Path memory;
  private final Supplier<ZonedDateTime> clock;
  private final Target target;
  private Schedule schedule = Schedule.always();
  private FileTime read;
  private Schedule.State last;
  private String recalled;
  private String problem;

  /**
   * @param file the schedule; a missing file means always open, no presets
   * @param memory where the last recalled occurrence is kept (in the sketch's own data)
   * @param clock the wall clock, in any zone
   */
  public Scheduler(Path file, Path memory, Supplier<ZonedDateTime> clock, Target target) {
    this.file = file;
    this.memory = memory;
    this.clock = clock;
    this.target = target;
    try {
      recalled = Files.exists(memory) ? Text.read(memory).trim() : null;
    } catch (IOException e) {
      recalled = null;
    }
    reload();
  }

  /** What is wrong with the schedule file, or null. */
  public String problem() {
    return problem;
  }

  /** What the schedule said at the last poll (null before the first). */
  public Schedule.State state() {
    return last;
  }

  public Schedule schedule() {
    return schedule;
  }

  /** Looks at the clock (and the file) and tells the target what changed. */
  public void poll() {
    reload();
    Schedule.State now = schedule.at(clock.get());
    if (last == null || now.open() != last.open() || now.outside() != last.outside()) {
      target.hours(now);
    }
    boolean first = last == null;
    last = now;
    if (now.preset() == null) {
      return;
    }
    String occurrence = now.preset() + " at " + now.since();
    if (!occurrence.equals(recalled)) {
      recalled = occurrence;
      target.recall(now.preset(), first ? 0 : now.fade());
      try {
        AtomicFile.writeString(memory, occurrence + "\n");
      } catch (IOException e) {
        // a read-only disk: the next restart may recall it once more
      }
    }
  }

  private void reload() {
    try {
      if (!Files.exists(file)) {
        if (read != null) {
          schedule = Schedule.always();
          read = null;
        }
        problem = null;
        return;
      }
      FileTime t = Files.getLastModifiedTime(file);
      if (t.equals(read)) {
        return;
      }
      read = t;
      schedule = Schedule.read(file);
      problem = null;
    } catch (IOException e) {
      problem = e.getMessage() + " (the last good schedule stays in force)";
      System.err.println("mishmash: " + problem);
    }
  }
}
