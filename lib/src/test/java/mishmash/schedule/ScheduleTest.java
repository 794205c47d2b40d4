package mishmash.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String WEEK = String.join("\n",
      "# a museum week",
      "open    tue-sun 10:00-18:00",
      "open    thu 18:00-21:00      # late on Thursdays",
      "open    sat 22:00-02:00      # the long night",
      "closed  2026-12-24 2026-12-25",
      "outside dim",
      "preset  10:00 morning",
      "preset  14:00 afternoon fade 120",
      "preset  sat-sun 10:00 weekend",
      "preset  02:30 night",
      "timezone Europe/Berlin",
      "");

  static ZonedDateTime at(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN);
  }

  @Test
  void openingHoursHolidaysAndTheNightPastMidnight() {
    Schedule s = Schedule.parse(WEEK);
    assertTrue(s.at(at("2026-12-01T10:00")).open(), "a Tuesday at ten");
    assertFalse(s.at(at("2026-12-01T09:59")).open());
    assertFalse(s.at(at("2026-11-30T12:00")).open(), "closed on Mondays");
    assertTrue(s.at(at("2026-12-03T20:30")).open(), "late on Thursday");
    assertFalse(s.at(at("2026-12-02T20:30")).open(), "not on Wednesday");
    assertFalse(s.at(at("2026-12-24T12:00")).open(), "a holiday");
    assertTrue(s.at(at("2026-12-06T01:30")).open(), "Saturday's long night goes on past midnight");
    assertFalse(s.at(at("2026-12-07T01:30")).open(), "not Sunday's night");
    assertEquals(Schedule.Outside.DIM, s.at(at("2026-11-30T12:00")).outside());
  }

  @Test
  void theLatestPresetTimeRulesAndDaysNarrowIt() {
    Schedule s = Schedule.parse(WEEK);
    assertEquals("morning", s.at(at("2026-12-01T11:00")).preset());
    assertEquals("afternoon", s.at(at("2026-12-01T15:00")).preset());
    assertEquals(120, s.at(at("2026-12-01T15:00")).fade());
    assertEquals("weekend", s.at(at("2026-12-05T11:00")).preset(), "Saturday: both at 10:00, the line written later wins");
    assertEquals("afternoon", s.at(at("2026-12-02T01:00")).preset(), "past midnight, yesterday's last");
  }

  @Test
  void daylightSaving() {
    Schedule s = Schedule.parse(WEEK);
    // 29 March 2026: clocks go from 02:00 to 03:00; 02:30 does not happen, and the night preset takes effect at 03:00
    ZonedDateTime before = at("2026-03-29T01:59");
    ZonedDateTime after = before.plusMinutes(2); // 03:01 summer time
    assertEquals(3, after.getHour());
    assertEquals("afternoon", s.at(before).preset());
    assertEquals("night", s.at(after).preset());
    // 25 October 2026: 02:30 happens twice; it is one occurrence
    ZonedDateTime first = ZonedDateTime.ofLocal(LocalDateTime.parse("2026-10-25T02:40"), BERLIN, java.time.ZoneOffset.ofHours(2));
    ZonedDateTime second = first.plusHours(1); // 02:40 again, winter time
    assertEquals(first.toLocalDateTime(), second.toLocalDateTime());
    assertEquals(s.at(first).since(), s.at(second).since(), "the same occurrence of 02:30");
  }

  @Test
  void aMistakeNamesTheFileTheLineAndHowToWriteIt(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("schedule.txt"), "open tue-sun 10:00-18:00\nopen someday 10-18\n");
    IOException e = assertThrows(IOException.class, () -> Schedule.read(file));
    assertTrue(e.getMessage().startsWith(file + ": line 2 (\"open someday 10-18\")"), e.getMessage());
    for (String bad : List.of("preset 25:00 x", "outside sideways", "opne daily 10:00-18:00", "closed yesterday",
        "preset 10:00 x fade forever", "timezone Mars/Olympus")) {
      IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(bad), bad);
      assertTrue(b.getMessage().startsWith("line 1"), b.getMessage());
    }
  }

  /** Records what the scheduler tells the sketch. */
  static final class Record implements Scheduler.Target {
    final List<String> said = new ArrayList<>();

    @Override
    public void hours(Schedule.State state) {
      said.add(state.open() ? "open" : "closed");
    }

    @Override
    public void recall(String name, double seconds) {
      said.add(name + "/" + (int) seconds);
    }
  }

  @Test
  void theClockJumpingBackAndForwardLandsInTheRightStateAndRecallsEachOccurrenceOnce(@TempDir Path tmp)
      throws IOException {
    Path file = Files.writeString(tmp.resolve("schedule.txt"), WEEK);
    ZonedDateTime[] now = {at("2026-12-01T09:58")};
    Record r = new Record();
    Scheduler s = new Scheduler(file, tmp.resolve("memory"), () -> now[0], r);
    for (int i = 0; i < 60 * 6; i++) { // six hours, a poll a minute
      s.poll();
      now[0] = now[0].plusMinutes(1);
    }
    assertEquals(List.of("closed", "night/0", "open", "morning/10", "afternoon/120"), r.said,
        "at start the current preset at once; then each at its time");
    r.said.clear();
    now[0] = now[0].minusHours(3); // NTP sets the clock back three hours, to 12:58
    s.poll();
    assertEquals(List.of("morning/10"), r.said, "back to the morning's preset");
    now[0] = now[0].plusHours(6); // and forward past closing
    s.poll();
    assertEquals(List.of("morning/10", "closed", "afternoon/120"), r.said);
    r.said.clear();
    s.poll();
    s.poll();
    assertTrue(r.said.isEmpty(), "nothing twice");
  }

  @Test
  void aRestartDoesNotRecallThePresetAgainOverThePerformersChanges(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("schedule.txt"), WEEK);
    ZonedDateTime[] now = {at("2026-12-01T14:30")};
    Record first = new Record();
    new Scheduler(file, tmp.resolve("memory"), () -> now[0], first).poll();
    assertEquals(List.of("open", "afternoon/0"), first.said);
    now[0] = now[0].plusMinutes(20); // kill -9 and back
    Record again = new Record();
    new Scheduler(file, tmp.resolve("memory"), () -> now[0], again).poll();
    assertEquals(List.of("open"), again.said, "the afternoon preset was recalled already; the last values stand");
  }

  @Test
  void anEditedFileIsReadAgainAndAMistakeKeepsTheLastGoodOne(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("schedule.txt"), "open daily 10:00-18:00\n");
    ZonedDateTime now = at("2026-12-01T12:00");
    Record r = new Record();
    Scheduler s = new Scheduler(file, tmp.resolve("memory"), () -> now, r);
    s.poll();
    assertEquals(List.of("open"), r.said);
    Files.writeString(file, "open daily 10:00-11:00\n");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
    s.poll();
    assertEquals(List.of("open", "closed"), r.said, "the technician's edit takes effect");
    Files.writeString(file, "open dailly 10:00-18:00\n");
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 4000));
    s.poll();
    assertTrue(s.problem().contains("line 1"), s.problem());
    assertEquals(List.of("open", "closed"), r.said, "the last good schedule stays");
    assertNull(Schedule.always().at(now).preset());
  }
}
