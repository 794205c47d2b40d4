package mishmash.sketch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of a sketch: the options every sketch takes, and those a sketch declares for
 * itself on its class, one line each, name, value and what it does:
 *
 * <pre>
 * &#64;Options({"--max N    creatures the archive keeps at most (10000)"})
 * public class ArchiveGrid extends MishmashSketch {
 * </pre>
 *
 * An option nobody declared is an error (exit code 2, with the closest known option suggested),
 * so a typo such as {@code --sed 7} never runs with the default; {@code --help} prints them all.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Options {
  /**
   * "--name VALUE  what it does", or "--name  what it does" for a flag ("[VALUE]" for an optional
   * value): the name and value, then at least two spaces, then the help.
   */
  String[] value();

  /** The options of every sketch. */
  String[] COMMON = {
      "--window WxH            a window instead of fullscreen, such as 1280x720",
      "--display N             fullscreen on screen N (1, 2, ...)",
      "--renderer NAME         java2d, p2d or p3d instead of the sketch's own",
      "--model NAME            a model folder in models/ (default: models/DEFAULT)",
      "--model-threads N       cores the model may use (1; the frames get the other)",
      "--seed S                the run's seed: the same seed, the same headless frames",
      "--set NAME=VALUE,...    live parameters from the start (mutation=0.8,death=random)",
      "--data DIR              where presets, MIDI maps, last values, recordings and the archive live (data/)",
      "--archive DIR           the archive folder (default DATA/archive)",
      "--write-archive         let a headless render write into the archive (default: a scratch copy)",
      "--frames N              render N frames headless to PNG, then exit",
      "--out DIR               where headless frames go (frames)",
      "--fps N                 headless frames per second of sketch time (30)",
      "--size WxH              headless frame size (1920x1080)",
      "--panel                 show the live panel in headless frames",
      "--bench SECONDS         measure frame times, print the table, exit",
      "--network RANGES        let the gallery network in: 192.168.1.0/24,10.0.0.5 or any (default: this machine only)",
      "--osc-port N            OSC port, UDP (8000; 0: any free one)",
      "--osc-tcp               OSC over TCP too, on the same port",
      "--osc-feedback-port N   feedback to senders on this port (9000; 0: none)",
      "--osc-client HOST:PORT  more feedback clients, separated by commas",
      "--no-osc                no OSC",
      "--http-port N           the local HTTP server, OSCQuery (8001; 0: any free one)",
      "--no-http               no HTTP server, no OSCQuery",
      "--no-mdns               do not advertise OSCQuery over mDNS",
      "--no-midi               no MIDI",
      "--preset NAME           recall a preset at start",
      "--mod \"NAME=MOD,...\"    modulate at start: psi=lfo sine 0.05 0.2,mutation=drift 0.1 0.3",
      "--record [FILE]         record the performance (default data/performances/NAME-TIME.jsonl)",
      "--replay FILE           play a recorded performance",
      "--fresh                 start from the sketch's own values, not the last run's",
      "--touchosc FILE         write a TouchOSC layout of the live parameters (.tosc), then exit",
      "--schedule FILE         opening hours and presets by time of day (default data/schedule.txt, if there)",
      "--heartbeat             beat for the watchdog that runs it (the service command sets this)",
      "--help                  this list",
  };

  /** Options that were, and what to give instead. */
  Map<String, String> GONE = Map.of(
      "--osc-bind", "--osc-bind is gone: OSC listens on this machine only, unless --network names the gallery's network",
      "--osc-allow", "--osc-allow is gone: give the senders to let in to --network, such as --network 192.168.1.0/24");

  /** What a command line asks for, once checked. */
  record Check(List<String> errors, boolean help) {}

  /** Names and whether they take a value (null), need one (true) or none (false), from declaration lines. */
  final class Table {
    final Map<String, Boolean> takes = new LinkedHashMap<>();
    final List<String> lines = new ArrayList<>();

    Table(String[]... groups) {
      for (String[] group : groups) {
        for (String line : group) {
          // "--name VALUE" or "--name", then two or more spaces, then what it does
          String[] w = line.trim().split("\\s{2,}", 2)[0].split(" ", 2);
          boolean value = w.length > 1;
          boolean optional = value && w[1].startsWith("[");
          takes.put(w[0], optional ? null : value);
          lines.add(line);
        }
      }
    }

    /** The options of {@code sketch}: the common ones and its own. */
    static Table of(Class<?> sketch) {
      Options own = sketch.getAnnotation(Options.class);
      return own == null ? new Table(COMMON) : new Table(COMMON, own.value());
    }

    Check check(String[] args) {
      List<String> errors = new ArrayList<>();
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help") || a.equals("-h")) {
          help = true;
          continue;
        }
        if (GONE.containsKey(a)) {
          errors.add(GONE.get(a));
          i += i + 1 < args.length && !args[i + 1].startsWith("--") ? 1 : 0;
          continue;
        }
        if (!takes.containsKey(a)) {
          String near = nearest(a);
          errors.add((a.startsWith("-") ? "unknown option " : "unexpected argument ") + a
              + (near != null ? " (did you mean " + near + "?)" : ""));
          continue;
        }
        Boolean value = takes.get(a);
        boolean next = i + 1 < args.length && !args[i + 1].startsWith("--");
        if (Boolean.TRUE.equals(value)) {
          if (!next) {
            errors.add(a + " needs a value: " + line(a).trim());
          } else {
            i++;
          }
        } else if (value == null && next) {
          i++;
        }
      }
      return new Check(errors, help);
    }

    private String line(String name) {
      for (String l : lines) {
        if (l.trim().startsWith(name + " ")) {
          return l;
        }
      }
      return name;
    }

    /** The known option a typo most likely meant, if one is close. */
    private String nearest(String typo) {
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (String known : takes.keySet()) {
        int d = distance(typo.toLowerCase(Locale.ROOT), known);
        if (d < bestDistance) {
          bestDistance = d;
          best = known;
        }
      }
      return bestDistance <= Math.max(2, typo.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
      int[] prev = new int[b.length() + 1];
      int[] cur = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        prev[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        cur[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        }
        int[] t = prev;
        prev = cur;
        cur = t;
      }
      return prev[b.length()];
    }

    String usage(String sketch) {
      StringBuilder s = new StringBuilder("Usage: mvn -q compile exec:java -Dsketch=" + sketch + " -Dargs=\"OPTIONS\"\n\n");
      for (String l : lines) {
        s.append("  ").append(l).append('\n');
      }
      s.append("\nLive control (OSC addresses, MIDI learn, presets, OSCQuery): docs/live-control.md\n");
      return s.toString();
    }
  }
}
