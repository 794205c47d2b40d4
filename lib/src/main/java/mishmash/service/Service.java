package mishmash.service;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mishmash.files.AtomicFile;
import mishmash.model.Models;

/**
 * Start on boot, restart on crash: writes and installs a systemd user unit (Linux) or a launchd
 * agent (macOS) that runs a sketch under the {@link Watchdog}.
 *
 * <pre>
 * mvn -q compile exec:java -Dsketch=mishmash.service.Service -Dargs="install grid"
 * mvn -q compile exec:java -Dsketch=mishmash.service.Service -Dargs="install booth -- --camera camera:/dev/video2"
 * mvn -q compile exec:java -Dsketch=mishmash.service.Service -Dargs="print grid"        (show, install nothing)
 * mvn -q compile exec:java -Dsketch=mishmash.service.Service -Dargs="uninstall grid"
 * </pre>
 *
 * Options before {@code --}: {@code --hang SECONDS} (30), {@code --os linux|macos} (to write for
 * another machine). After {@code --}: the sketch's own options, as on the command line. The unit
 * starts with the user's session (set the gallery machine to log in by itself), runs the sketch
 * from this project folder with this Java and these libraries, and logs to
 * {@code data/logs/NAME.log}.
 */
public final class Service {
  /** The sketches the service knows by a short name; any other name is taken as a sketch's class. */
  static final Map<String, String> SKETCHES = Map.of("grid", "ArchiveGrid", "booth", "Booth", "mirror", "Mirror");

  /** What to run: a service named {@code name} for {@code sketch}, from {@code project}. */
  record Plan(String name, String sketch, Path project, String java, String classpath, List<String> options,
      double hang, Map<String, String> environment) {
    List<String> watchdog(boolean launchd) {
      List<String> c = new ArrayList<>(List.of(java, "-cp", classpath, Watchdog.class.getName(), "--name", name, "--log",
          project.resolve("data/logs/" + name + ".log").toString(), "--hang", num(hang)));
      if (launchd) {
        c.addAll(List.of("--final-exit", "0"));
      }
      c.addAll(List.of("--", java, "-Dai.djl.offline=true", "-cp", classpath, sketch));
      c.addAll(options);
      return c;
    }
  }

  private Service() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("mishmash service: " + e.getMessage());
      System.exit(2);
    }
  }

  static final String USAGE = "use: install|print|uninstall grid|booth|SketchClass [--hang SECONDS] [--os linux|macos]"
      + " [-- sketch options]";

  static int run(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException(USAGE);
    }
    String what = args[0];
    String name = args[1].toLowerCase(Locale.ROOT);
    String sketch = SKETCHES.getOrDefault(name, args[1]);
    double hang = 30;
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "macos" : "linux";
    List<String> options = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--")) {
        options.addAll(List.of(args).subList(i + 1, args.length));
        break;
      }
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--hang" -> hang = Double.parseDouble(value);
        case "--os" -> os = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
      i++;
    }
    if (!os.equals("linux") && !os.equals("macos")) {
      throw new IllegalArgumentException("--os " + os + ": linux or macos (on Windows, use the Task Scheduler: see the README)");
    }
    Path project = Models.directory().toAbsolutePath().getParent();
    Map<String, String> env = new java.util.TreeMap<>();
    for (String k : List.of("DISPLAY", "XAUTHORITY", "WAYLAND_DISPLAY")) {
      if (System.getenv(k) != null) {
        env.put(k, System.getenv(k));
      }
    }
    env.putIfAbsent("DISPLAY", ":0");
    Plan plan = new Plan(name, sketch, project, ProcessHandle.current().info().command().orElse("java"), classpath(),
        options, hang, env);
    Path home = Paths.get(System.getProperty("user.home"));
    Path file = os.equals("linux") ? systemdFile(home, name) : launchdFile(home, name);
    String text = os.equals("linux") ? systemd(plan) : launchd(plan);
    switch (what) {
      case "print" -> {
        System.out.println("# " + file);
        System.out.print(text);
        return 0;
      }
      case "install" -> {
        try {
          AtomicFile.writeString(file, text);
        } catch (IOException e) {
          System.err.println("mishmash service: cannot write " + file + ": " + e.getMessage());
          return 1;
        }
        System.out.println("wrote " + file);
        return os.equals("linux")
            ? commands(List.of(List.of("systemctl", "--user", "daemon-reload"),
                List.of("systemctl", "--user", "enable", "--now", unit(name))),
                "started; it starts again with your session. Its log: " + project.resolve("data/logs/" + name + ".log")
                    + "; stop it with: systemctl --user stop " + unit(name))
            : commands(List.of(List.of("launchctl", "load", "-w", file.toString())),
                "started; it starts again when you log in. Its log: " + project.resolve("data/logs/" + name + ".log"));
      }
      case "uninstall" -> {
        int r = os.equals("linux")
            ? commands(List.of(List.of("systemctl", "--user", "disable", "--now", unit(name))), "stopped")
            : commands(List.of(List.of("launchctl", "unload", "-w", file.toString())), "stopped");
        try {
          Files.deleteIfExists(file);
          System.out.println("removed " + file);
        } catch (IOException e) {
          System.err.println("mishmash service: cannot remove " + file + ": " + e.getMessage());
          return 1;
        }
        return r;
      }
      default -> throw new IllegalArgumentException(USAGE);
    }
  }

  static String unit(String name) {
    return "mishmash-" + name + ".service";
  }

  static Path systemdFile(Path home, String name) {
    return home.resolve(".config/systemd/user").resolve(unit(name));
  }

  static Path launchdFile(Path home, String name) {
    return home.resolve("Library/LaunchAgents").resolve("art.mishmash." + name + ".plist");
  }

  /** The systemd user unit: the watchdog restarts the sketch; systemd restarts the watchdog if it dies. */
  static String systemd(Plan p) {
    StringBuilder s = new StringBuilder();
    s.append("# Mishmash ").append(p.name()).append(": written by the service command (mishmash.service.Service);\n")
        .append("# write it again after moving the project or changing Java: install ").append(p.name()).append(" again.\n")
        .append("[Unit]\n")
        .append("Description=Mishmash ").append(p.name()).append(" (").append(p.sketch()).append("), kept running by its watchdog\n")
        .append("After=graphical-session.target\n")
        .append("StartLimitIntervalSec=0\n\n")
        .append("[Service]\n")
        .append("Type=simple\n")
        .append("WorkingDirectory=").append(p.project().toString().replace("%", "%%")).append('\n'); // the rest of the line, unquoted
    p.environment().forEach((k, v) -> s.append("Environment=").append(systemdWord(k + "=" + v)).append('\n'));
    s.append("ExecStart=");
    List<String> command = p.watchdog(false);
    for (int i = 0; i < command.size(); i++) {
      s.append(i == 0 ? "" : " ").append(systemdWord(command.get(i)));
    }
    s.append('\n')
        .append("# the watchdog restarts the sketch; this restarts the watchdog, except when the sketch cannot run as set up\n")
        .append("Restart=on-failure\n")
        .append("RestartSec=10\n")
        .append("RestartPreventExitStatus=").append(String.join(" ", Watchdog.FINAL.stream().map(String::valueOf).toList()))
        .append('\n')
        .append("SuccessExitStatus=143\n")
        .append("# SIGTERM to the watchdog only: it stops the sketch itself\n")
        .append("KillMode=mixed\n")
        .append("TimeoutStopSec=40\n\n")
        .append("[Install]\n")
        .append("WantedBy=default.target\n");
    return s.toString();
  }

  /** One word of a systemd command line: quoted when it must be, with % and $ doubled. */
  static String systemdWord(String w) {
    String e = w.replace("%", "%%").replace("$", "$$");
    if (e.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return e;
    }
    return '"' + e.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The launchd agent: RunAtLoad and KeepAlive start the watchdog at login and again if it dies. */
  static String launchd(Plan p) {
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n")
        .append("<!-- Mishmash ").append(xml(p.name())).append(": written by the service command (mishmash.service.Service) -->\n")
        .append("<plist version=\"1.0\">\n<dict>\n")
        .append("  <key>Label</key><string>art.mishmash.").append(xml(p.name())).append("</string>\n")
        .append("  <key>ProgramArguments</key>\n  <array>\n");
    for (String w : p.watchdog(true)) {
      s.append("    <string>").append(xml(w)).append("</string>\n");
    }
    s.append("  </array>\n")
        .append("  <key>WorkingDirectory</key><string>").append(xml(p.project().toString())).append("</string>\n")
        .append("  <key>RunAtLoad</key><true/>\n")
        .append("  <key>KeepAlive</key><dict><key>SuccessfulExit</key><false/></dict>\n")
        .append("  <key>ThrottleInterval</key><integer>10</integer>\n")
        .append("  <key>StandardErrorPath</key><string>")
        .append(xml(p.project().resolve("data/logs/" + p.name() + ".watchdog.txt").toString())).append("</string>\n")
        .append("</dict>\n</plist>\n");
    return s.toString();
  }

  private static String xml(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Runs the service manager's commands; on failure says what to run by hand. */
  static int commands(List<List<String>> commands, String done) {
    for (List<String> c : commands) {
      String shown = String.join(" ", c);
      try {
        Process p = new ProcessBuilder(c).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          System.err.println("mishmash service: \"" + shown + "\" failed" + (out.isEmpty() ? "" : ": " + out)
              + ". The file is written; run the command yourself once the session's service manager is there.");
          return 1;
        }
      } catch (IOException e) {
        System.err.println("mishmash service: cannot run \"" + shown + "\" (" + e.getMessage() + "). The file is written;"
            + " run the command yourself.");
        return 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
    System.out.println(done);
    return 0;
  }

  /** The libraries this program runs with, to run the sketch with the same: from the class loaders (Maven's exec:java) or java.class.path. */
  public static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (ClassLoader l = Service.class.getClassLoader(); l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader u) {
        for (URL url : u.getURLs()) {
          try {
            entries.add(Paths.get(url.toURI()).toString());
          } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file
          }
        }
      }
    }
    if (entries.isEmpty() || entries.stream().noneMatch(e -> e.contains("mishmash") || e.endsWith("classes"))) {
      entries.clear();
      entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
