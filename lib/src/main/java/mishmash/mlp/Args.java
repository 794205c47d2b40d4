package mishmash.mlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a training command, checked against its usage text: each line
 * {@code "  --name VALUE  what it does"} declares an option that takes a value ({@code VALUE...}:
 * one or more), {@code "  --name  what it does"} a flag (the name and its value are separated from
 * the help by at least two spaces). An option nobody declared, a missing value
 * or a value of the wrong kind is an {@link IllegalArgumentException} that names it.
 */
public final class Args {
  private final String usage;
  private final Map<String, List<String>> given = new LinkedHashMap<>();

  private Args(String usage) {
    this.usage = usage;
  }

  public static Args parse(String[] args, String usage) {
    Map<String, Integer> declared = new LinkedHashMap<>(); // 0 flag, 1 one value, 2 several
    for (String line : usage.split("\n")) {
      String t = line.strip();
      if (!t.startsWith("--")) {
        continue;
      }
      String[] words = t.split("\\s{2,}")[0].split("\\s+"); // "--name VALUE" before the help text
      declared.put(words[0], words.length == 1 ? 0 : words[1].endsWith("...") ? 2 : 1);
    }
    Args a = new Args(usage);
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      Integer kind = declared.get(name);
      if (kind == null) {
        throw new IllegalArgumentException("unknown option \"" + name + "\"" + suggestion(name, declared.keySet())
            + "\n" + usage);
      }
      List<String> values = new ArrayList<>();
      if (kind > 0) {
        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          values.add(args[++i]);
          if (kind == 1) {
            break;
          }
        }
        if (values.isEmpty()) {
          throw new IllegalArgumentException(name + " needs a value\n" + usage);
        }
      }
      a.given.put(name, values);
    }
    return a;
  }

  private static String suggestion(String name, Iterable<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(name, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean " + best + "?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  public boolean has(String name) {
    return given.containsKey(name);
  }

  public boolean flag(String name) {
    return given.containsKey(name);
  }

  public String string(String name, String fallback) {
    List<String> v = given.get(name);
    return v == null ? fallback : v.get(0);
  }

  public List<String> strings(String name) {
    return given.getOrDefault(name, List.of());
  }

  /** A whole number of at least {@code min}. */
  public int integer(String name, int fallback, int min) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number of at least " + min + ", not \"" + v + "\"");
  }

  public long longValue(String name, long fallback) {
    String v = string(name, null);
    try {
      return v == null ? fallback : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not \"" + v + "\"");
    }
  }

  /** A number from {@code min} to {@code max}. */
  public double real(String name, double fallback, double min, double max) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v.trim());
      if (d >= min && d <= max) {
        return d;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + ", not \"" + v + "\"");
  }

  public String usage() {
    return usage;
  }
}
