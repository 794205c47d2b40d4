package mishmash.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import mishmash.log.RotatingLog;

/**
 * Keeps a sketch running for weeks: starts it, restarts it when it exits, and also when it hangs
 * (its {@link Heartbeat} says no frame was drawn for {@code --hang} seconds, or it says nothing at
 * all). What the sketch prints goes to a rotating, bounded log with the watchdog's own lines. A
 * sketch that crashes again at once is restarted after a growing pause (1 s up to a minute), so a
 * broken setting does not spin; an exit saying the setting itself cannot work (a bad option,
 * 2; an archive another grid holds, 3) ends the watchdog with that code instead. SIGTERM (the
 * service manager stopping it) stops the sketch and the watchdog.
 *
 * <pre>
 * java -cp ... mishmash.service.Watchdog --name grid --log data/logs/grid.log [--hang 30] [--start 180] [--final-exit 0] \
 *      -- java -cp ... ArchiveGrid --archive data/archive
 * </pre>
 *
 * The restart is the same sketch with the same options: the archive, the grid (grid.json) and the
 * live values it had come back by themselves.
 */
public final class Watchdog {
  /** Exit codes that mean "this cannot run as set up": restarting would only repeat the failure. */
  static final List<Integer> FINAL = List.of(2, 3);

  /**
   * @param hangSeconds no new frame for this long means hung
   * @param startSeconds the first frame may take this long (the model loading)
   */
  record Settings(String name, List<String> command, Path log, double hangSeconds, double startSeconds,
      Integer finalExit) {
    Settings(String name, List<String> command, Path log, double hangSeconds, double startSeconds) {
      this(name, command, log, hangSeconds, startSeconds, null);
    }
  }

  private final Settings settings;
  private final RotatingLog log;
  private volatile boolean stopping;
  private volatile Process child;
  private volatile long frames = -1;
  private volatile long progressAt;
  private volatile boolean beating;
  private int restarts;

  Watchdog(Settings settings) {
    this.settings = settings;
    this.log = new RotatingLog(settings.log());
  }

  public static void main(String[] args) {
    Settings s;
    try {
      s = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("mishmash watchdog: " + e.getMessage());
      System.exit(2);
      return;
    }
    Watchdog dog = new Watchdog(s);
    Runtime.getRuntime().addShutdownHook(new Thread(dog::stop, "mishmash-watchdog-stop"));
    System.exit(dog.run());
  }

  static Settings parse(String[] args) {
    String name = "sketch";
    Path log = null;
    double hang = 30;
    double start = 180;
    Integer finalExit = null;
    int i = 0;
    for (; i < args.length && !args[i].equals("--"); i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--name" -> name = need(value, "--name");
        case "--log" -> log = Path.of(need(value, "--log"));
        case "--hang" -> hang = seconds(value, "--hang");
        case "--start" -> start = seconds(value, "--start");
        case "--final-exit" -> finalExit = code(value); // under launchd 0, or it would start the watchdog again
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --name NAME --log FILE --hang SECONDS --start SECONDS -- COMMAND...");
      }
      i++;
    }
    List<String> command = i < args.length ? List.of(args).subList(i + 1, args.length) : List.of();
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no sketch to watch: give its command after --");
    }
    return new Settings(name, command, log == null ? Path.of("data", "logs", name + ".log") : log, hang, start,
        finalExit);
  }

  private static String need(String value, String option) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static int code(String value) {
    try {
      return Integer.parseInt(need(value, "--final-exit"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--final-exit " + value + ": give an exit code, such as 0");
    }
  }

  private static double seconds(String value, String option) {
    try {
      double s = Double.parseDouble(need(value, option));
      if (s > 0) {
        return s;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(option + " " + value + ": give seconds, more than 0");
  }

  /** Runs the sketch until stopped, or until it says it cannot run; returns the exit code for the watchdog. */
  int run() {
    double pause = 1;
    String lastExit = "";
    while (!stopping) {
      long started = System.nanoTime();
      String why;
      try {
        why = once(lastExit);
      } catch (IOException e) {
        say("cannot start " + settings.name() + ": " + e.getMessage());
        why = "could not start";
      }
      if (stopping) {
        break;
      }
      Process p = child;
      Integer code = p == null ? null : p.exitValue();
      if (code != null && FINAL.contains(code) && why == null) {
        say(settings.name() + " cannot run as it is set up (exit " + code + ", see its message above): not restarting");
        log.close();
        return settings.finalExit() != null ? settings.finalExit() : code;
      }
      double ran = (System.nanoTime() - started) / 1e9;
      pause = ran < 60 ? Math.min(60, pause * 2) : 1;
      lastExit = why != null ? why : "exit " + code;
      restarts++;
      say(settings.name() + " " + (why != null ? why : "ended (exit " + code + ")") + " after " + duration(ran)
          + "; restarting in " + duration(pause) + " (restart " + restarts + ")");
      sleep(pause);
    }
    say("stopped " + settings.name());
    log.close();
    return 0;
  }

  /** One run of the sketch; returns why it was killed (hung), or null if it ended by itself. */
  private String once(String lastExit) throws IOException {
    List<String> command = new ArrayList<>(settings.command());
    command.add("--heartbeat");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("MISHMASH_RESTARTS", Integer.toString(restarts));
    pb.environment().put("MISHMASH_LAST_EXIT", lastExit);
    child = null;
    frames = -1;
    beating = false;
    progressAt = System.nanoTime();
    say("starting " + settings.name() + (restarts > 0 ? " (restart " + restarts + ")" : ""));
    Process p = pb.start();
    child = p;
    Thread reader = new Thread(() -> read(p), "mishmash-watchdog-read");
    reader.setDaemon(true);
    reader.start();
    String why = null;
    while (p.isAlive() && !stopping) {
      try {
        if (p.waitFor(250, TimeUnit.MILLISECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      double quiet = (System.nanoTime() - progressAt) / 1e9;
      if (frames > 0 && quiet > settings.hangSeconds()) {
        why = "drew no frame for " + duration(quiet) + " (hung)";
      } else if (frames <= 0 && quiet > settings.startSeconds()) {
        why = beating ? "drew no first frame in " + duration(quiet) : "said nothing for " + duration(quiet) + " (hung)";
      }
      if (why != null) {
        say(settings.name() + " " + why + ": ending it");
        end(p);
      }
    }
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return why;
  }

  private void read(Process p) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        long f = Heartbeat.frames(line);
        if (f < 0) {
          log.line(settings.name() + ": " + line);
          continue;
        }
        beating = true;
        if (f > frames) {
          frames = f;
          progressAt = System.nanoTime();
        }
      }
    } catch (IOException e) {
      // the sketch ended
    }
  }

  /** SIGTERM, then after 20 s SIGKILL. */
  private static void end(Process p) {
    p.toHandle().destroy();
    try {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The service manager stops the watchdog: the sketch goes first. */
  void stop() {
    stopping = true;
    Process p = child;
    if (p != null && p.isAlive()) {
      end(p);
    }
  }

  private void sleep(double seconds) {
    long until = System.nanoTime() + (long) (seconds * 1e9);
    while (!stopping && System.nanoTime() < until) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void say(String text) {
    log.line("watchdog: " + text);
    System.err.println("mishmash watchdog: " + text);
  }

  static String duration(double s) {
    if (s < 90) {
      return String.format(Locale.ROOT, "%.0f s", Math.max(0, s));
    }
    if (s < 5400) {
      return String.format(Locale.ROOT, "%.0f min", s / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", s / 3600);
  }
}
