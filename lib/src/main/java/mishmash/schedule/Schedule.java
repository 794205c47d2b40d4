package mishmash.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mishmash.files.Text;

/**
 * A gallery's week in one human-readable file (by default {@code data/schedule.txt}): opening
 * hours, what the work does outside them, and presets by time of day.
 *
 * <pre>
 * # the gallery is open Tuesday to Sunday, late on Thursdays
 * open    tue-sun 10:00-18:00
 * open    thu 18:00-21:00
 * closed  2026-12-24 2026-12-25          # holidays: closed all day
 * outside dim                            # outside opening hours: dim, attract or off
 * preset  10:00 morning                  # data/presets/SKETCH/morning.json
 * preset  14:00 afternoon fade 120       # crossfade over two minutes
 * preset  sat-sun 10:00 weekend
 * timezone Europe/Berlin                 # optional; the machine's own by default
 * </pre>
 *
 * Of two presets at the same time, the one written later wins (so write the weekend's after the daily ones).
 *
 * Days are mon tue wed thu fri sat sun, ranges (tue-sun), lists (mon,wed) or daily; times are
 * 24-hour. Opening hours past midnight (22:00-02:00) belong to the day they start. What the
 * schedule says is a pure function of the local date and time ({@link #at}), never a countdown to
 * the next event, so a clock that jumps (NTP, a technician) or daylight saving lands in the right
 * state: a preset time that does not exist on the spring-forward day takes effect from the hour
 * after; one that happens twice on the autumn day is one occurrence.
 */
public final class Schedule {
  /** What the work does outside opening hours. */
  public enum Outside {
    /** The picture dims and nothing new is made (births pause, the booth takes no photos). */
    DIM,
    /** The work plays on as if open; the booth shows when it opens. */
    ATTRACT,
    /** A black screen; nothing is made. */
    OFF
  }

  record Opening(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    /** The day the opening that covers {@code t} began (yesterday, past midnight), or null if none does. */
    LocalDate began(LocalDateTime t) {
      boolean overnight = !to.isAfter(from);
      LocalTime time = t.toLocalTime();
      if (days.contains(t.getDayOfWeek()) && !time.isBefore(from) && (overnight || time.isBefore(to))) {
        return t.toLocalDate();
      }
      boolean tail = overnight && days.contains(t.getDayOfWeek().minus(1)) && time.isBefore(to)
          && !(from.equals(LocalTime.MIDNIGHT) && to.equals(LocalTime.MIDNIGHT));
      return tail ? t.toLocalDate().minusDays(1) : null;
    }
  }

  record PresetAt(Set<DayOfWeek> days, LocalTime at, String name, double fade, int line) {}

  /**
   * What the schedule says at one moment.
   *
   * @param open within opening hours
   * @param outside what to do when not open
   * @param preset the preset whose time came last (null: none yet, or no presets)
   * @param fade its crossfade in seconds
   * @param since when that preset's time was, local: one occurrence of it, to recall it once
   */
  public record State(boolean open, Outside outside, String preset, double fade, LocalDateTime since) {
    /** Open, or closed with the work playing on. */
    public boolean playing() {
      return open || outside == Outside.ATTRACT;
    }
  }

  private final List<Opening> openings;
  private final Set<LocalDate> closed;
  private final Outside outside;
  private final List<PresetAt> presets;
  private final ZoneId zone;

  private Schedule(List<Opening> openings, Set<LocalDate> closed, Outside outside, List<PresetAt> presets, ZoneId zone) {
    this.openings = List.copyOf(openings);
    this.closed = Set.copyOf(closed);
    this.outside = outside;
    this.presets = List.copyOf(presets);
    this.zone = zone;
  }

  /** Always open, no presets: what a sketch does without a schedule. */
  public static Schedule always() {
    return new Schedule(List.of(new Opening(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
        Set.of(), Outside.DIM, List.of(), ZoneId.systemDefault());
  }

  public ZoneId zone() {
    return zone;
  }

  /** The preset names the schedule uses, to check they exist. */
  public List<String> presetNames() {
    return presets.stream().map(PresetAt::name).distinct().toList();
  }

  /**
   * Reads a schedule file.
   *
   * @throws IOException naming the file, and the line and what is wrong with it
   */
  public static Schedule read(Path file) throws IOException {
    try {
      return parse(Text.read(file));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage());
    }
  }

  /** Reads a schedule's text; IllegalArgumentException says which line is wrong and how to write it. */
  public static Schedule parse(String text) {
    List<Opening> openings = new ArrayList<>();
    Set<LocalDate> closed = new HashSet<>();
    List<PresetAt> presets = new ArrayList<>();
    Outside outside = Outside.DIM;
    ZoneId zone = ZoneId.systemDefault();
    boolean saidOpen = false;
    int n = 0;
    for (String raw : text.split("\r?\n|\r")) {
      n++;
      String line = raw.replaceFirst("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] w = line.toLowerCase(Locale.ROOT).split("\\s+");
      try {
        switch (w[0]) {
          case "open" -> {
            need(w, 3, "open DAYS HH:MM-HH:MM, such as: open tue-sun 10:00-18:00");
            String[] span = w[2].split("-");
            if (span.length != 2) {
              throw new IllegalArgumentException("write the hours as HH:MM-HH:MM, such as 10:00-18:00");
            }
            openings.add(new Opening(days(w[1]), time(span[0]), time(span[1])));
            saidOpen = true;
          }
          case "closed" -> {
            need(w, 2, "closed YYYY-MM-DD [YYYY-MM-DD ...], such as: closed 2026-12-25");
            for (int i = 1; i < w.length; i++) {
              closed.add(LocalDate.parse(w[i]));
            }
          }
          case "outside" -> {
            need(w, 2, "outside dim, outside attract or outside off");
            outside = switch (w[1]) {
              case "dim" -> Outside.DIM;
              case "attract" -> Outside.ATTRACT;
              case "off", "dark", "black" -> Outside.OFF;
              default -> throw new IllegalArgumentException("outside " + w[1] + ": write dim, attract or off");
            };
          }
          case "preset" -> {
            need(w, 3, "preset [DAYS] HH:MM NAME [fade SECONDS], such as: preset 14:00 afternoon fade 60");
            String[] original = line.split("\\s+");
            int i = 1;
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            if (!w[1].contains(":")) {
              days = days(w[1]);
              i = 2;
            }
            need(w, i + 2, "preset [DAYS] HH:MM NAME [fade SECONDS]");
            LocalTime at = time(w[i]);
            String name = original[i + 1];
            double fade = 10;
            if (w.length > i + 2) {
              if (!w[i + 2].equals("fade") || w.length != i + 4) {
                throw new IllegalArgumentException("after the preset's name, only \"fade SECONDS\"");
              }
              fade = Double.parseDouble(w[i + 3]);
              if (!(fade >= 0 && fade <= 3600)) {
                throw new IllegalArgumentException("fade " + w[i + 3] + ": seconds from 0 to 3600");
              }
            }
            presets.add(new PresetAt(days, at, name, fade, n));
          }
          case "timezone" -> {
            need(w, 2, "timezone Europe/Berlin");
            zone = ZoneId.of(line.split("\\s+")[1]);
          }
          default -> throw new IllegalArgumentException("\"" + w[0] + "\" is not a schedule line: begin it with open, closed,"
              + " outside, preset or timezone");
        }
      } catch (java.time.DateTimeException | NumberFormatException e) {
        throw new IllegalArgumentException("line " + n + " (\"" + raw.trim() + "\"): " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + n + " (\"" + raw.trim() + "\"): " + e.getMessage());
      }
    }
    if (!saidOpen) {
      openings.add(new Opening(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
    }
    return new Schedule(openings, closed, outside, presets, zone);
  }

  private static void need(String[] w, int n, String how) {
    if (w.length < n) {
      throw new IllegalArgumentException("write " + how);
    }
  }

  static LocalTime time(String t) {
    if (t.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    if (!t.matches("\\d{1,2}:\\d{2}")) {
      throw new IllegalArgumentException("\"" + t + "\" is not a time: write HH:MM, 24-hour, such as 09:30 or 18:00");
    }
    return LocalTime.parse(t.length() == 4 ? "0" + t : t);
  }

  static Set<DayOfWeek> days(String text) {
    if (text.equals("daily") || text.equals("every") || text.equals("all")) {
      return EnumSet.allOf(DayOfWeek.class);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",")) {
      String[] range = part.split("-");
      DayOfWeek a = day(range[0]);
      DayOfWeek b = range.length > 1 ? day(range[1]) : a;
      for (DayOfWeek d = a; ; d = d.plus(1)) {
        days.add(d);
        if (d == b) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String d) {
    for (DayOfWeek w : DayOfWeek.values()) {
      if (w.name().toLowerCase(Locale.ROOT).startsWith(d) && d.length() >= 2) {
        return w;
      }
    }
    throw new IllegalArgumentException("\"" + d + "\" is not a day: write mon, tue, wed, thu, fri, sat, sun, a range"
        + " such as tue-sun, or daily");
  }

  /** What the schedule says at {@code instant} (converted to the schedule's time zone). */
  public State at(ZonedDateTime instant) {
    LocalDateTime t = instant.withZoneSameInstant(zone).toLocalDateTime();
    boolean open = openings.stream().map(o -> o.began(t)).anyMatch(d -> d != null && !closed.contains(d));
    PresetAt latest = null;
    LocalDateTime latestAt = null;
    for (int back = 0; back <= 7 && latest == null; back++) {
      LocalDate day = t.toLocalDate().minusDays(back);
      for (PresetAt p : presets) {
        if (!p.days().contains(day.getDayOfWeek())) {
          continue;
        }
        LocalDateTime when = LocalDateTime.of(day, p.at());
        boolean later = latestAt == null || when.isAfter(latestAt) || (when.equals(latestAt) && p.line() > latest.line());
        if (!when.isAfter(t) && later) {
          latest = p;
          latestAt = when;
        }
      }
    }
    return new State(open, outside, latest == null ? null : latest.name(), latest == null ? 0 : latest.fade(),
        latestAt);
  }
}
