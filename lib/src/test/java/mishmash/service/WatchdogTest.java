package mishmash.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog keeps a sketch running: after it exits, after it hangs, and not when it cannot run at all. */
class WatchdogTest {
  @TempDir Path tmp;

  /**
   * A sketch stand-in. Modes: "exit" draws frames for a second, then crashes; "hang" draws frames,
   * then its frame loop freezes (the heartbeat goes on, counting no new frame); "mute" says
   * nothing at all; "bad" exits 2 (an option that cannot work); "chatty" logs a lot and then exits.
   * Each start appends a line to the file given.
   */
  public static void main(String[] args) throws Exception {
    Files.writeString(Path.of(args[1]), "start\n", java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    AtomicLong frames = new AtomicLong();
    switch (args[0]) {
      case "bad" -> {
        System.err.println("mishmash: --max 0: the archive keeps at least 1 creature");
        System.exit(2);
      }
      case "mute" -> Thread.sleep(60_000);
      default -> { }
    }
    Heartbeat.start(frames::get, System.out, 100);
    long end = System.nanoTime() + 1_000_000_000L;
    while (System.nanoTime() < end) {
      frames.incrementAndGet();
      if (args[0].equals("chatty")) {
        System.out.println("a warning that repeats ".repeat(20));
      }
      Thread.sleep(5);
    }
    if (args[0].equals("hang")) {
      Thread.sleep(60_000); // the frame loop is stuck; the heartbeat thread is not
    }
    System.exit(1);
  }

  Watchdog dog(String mode, double hang, double start) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), WatchdogTest.class.getName(), mode, tmp.resolve("starts").toString()));
    return new Watchdog(new Watchdog.Settings("victim", command, tmp.resolve("logs/victim.log"), hang, start));
  }

  long starts() throws IOException {
    return Files.exists(tmp.resolve("starts")) ? Files.readAllLines(tmp.resolve("starts")).size() : 0;
  }

  /** Runs the watchdog on its own thread until {@code starts} starts have happened, then stops it. */
  String watch(Watchdog dog, int starts, long limitMs) throws Exception {
    Thread t = new Thread(dog::run);
    t.start();
    long end = System.currentTimeMillis() + limitMs;
    while (starts() < starts && System.currentTimeMillis() < end) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
    dog.stop();
    t.join(30_000);
    return Files.readString(tmp.resolve("logs/victim.log"));
  }

  @Test
  void aSketchThatExitsIsStartedAgain() throws Exception {
    String log = watch(dog("exit", 5, 30), 3, 40_000);
    assertTrue(starts() >= 3, "started again and again: " + starts());
    assertTrue(log.contains("watchdog: victim ended (exit 1) after"), log);
    assertTrue(log.contains("restarting in 2 s (restart 1)") && log.contains("restarting in 4 s (restart 2)"),
        "a sketch that crashes at once waits longer each time: " + log);
  }

  @Test
  void aSketchWhoseFramesStopIsEndedAndStartedAgain() throws Exception {
    String log = watch(dog("hang", 1.5, 30), 2, 30_000);
    assertTrue(starts() >= 2, log);
    assertTrue(log.contains("drew no frame for 2 s (hung): ending it"), log);
  }

  @Test
  void aSketchThatSaysNothingAtAllIsTakenForHung() throws Exception {
    String log = watch(dog("mute", 30, 1.5), 2, 30_000);
    assertTrue(starts() >= 2, log);
    assertTrue(log.contains("said nothing for 2 s (hung)"), log);
  }

  @Test
  void aSketchThatCannotRunAsSetUpIsNotRestartedInALoop() throws Exception {
    Watchdog dog = dog("bad", 30, 30);
    assertEquals(2, dog.run(), "the watchdog ends with the sketch's code, for the service manager");
    assertEquals(1, starts());
    String log = Files.readString(tmp.resolve("logs/victim.log"));
    assertTrue(log.contains("victim: mishmash: --max 0"), "the sketch's own message is in the log: " + log);
    assertTrue(log.contains("not restarting"), log);
  }

  @Test
  void theLogStaysWithinItsBound() throws Exception {
    watch(dog("chatty", 5, 30), 3, 40_000);
    long bytes = 0;
    try (Stream<Path> files = Files.list(tmp.resolve("logs"))) {
      for (Path f : files.toList()) {
        bytes += Files.size(f);
      }
    }
    assertTrue(bytes > 0);
    assertTrue(bytes <= mishmash.log.RotatingLog.DEFAULT_BYTES * (mishmash.log.RotatingLog.DEFAULT_KEEP + 1),
        "bounded: " + bytes);
  }
}
