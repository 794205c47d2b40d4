package mishmash.live.midi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mishmash.files.AtomicFile;

/**
 * Which MIDI control plays which parameter or action, kept in a file people can read and edit,
 * such as {@code data/midi/grid.midimap}:
 * <pre>
 * # parameter or action = channel and control (a dial: dial/age = ch1 cc23)
 * mutation   = ch1 cc21
 * psi        = ch1 cc7 14bit     # MSB on CC 7, LSB on CC 39: 16,384 steps
 * breed      = ch10 note36
 * randomness = any cc22          # any channel
 * </pre>
 * A line it cannot read is reported with its number and skipped; the rest still loads, and the
 * line is written back as it was the next time MIDI learn saves the map, so an edit by hand is
 * never lost. A stray byte that is not UTF-8 spoils only its own line. A file that cannot be read
 * at all is never overwritten.
 */
public final class MidiMap {
  /** One binding. {@code channel} is 1..16, or 0 for any; {@code number} a CC (0..127) or a note. */
  public record Binding(String target, int channel, boolean note, int number, boolean fine) {
    public Binding {
      if (channel < 0 || channel > 16 || number < 0 || number > 127 || (fine && (note || number > 31))) {
        throw new IllegalArgumentException("not a MIDI binding: channel " + channel + ", "
            + (note ? "note " : "cc ") + number + (fine ? " 14bit (only CC 0..31 pair with CC 32..63)" : ""));
      }
    }

    boolean listensTo(int ch, boolean isNote, int n) {
      return (channel == 0 || channel == ch) && note == isNote && number == n;
    }

    @Override
    public String toString() {
      return (channel == 0 ? "any" : "ch" + channel) + " " + (note ? "note" : "cc") + number + (fine ? " 14bit" : "");
    }
  }

  private static final Pattern LINE = Pattern.compile(
      "([\\w./-]+)\\s*=\\s*(?:ch(\\d+)|(any))\\s+(cc|note)\\s*(\\d+)(\\s+14bit)?", Pattern.CASE_INSENSITIVE);

  private final List<Binding> bindings = new ArrayList<>();
  /** Lines that could not be read, as they were: saved back untouched. */
  private final List<String> unread = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private final java.util.Map<String, Integer> lineOf = new java.util.HashMap<>();
  private Path unreadable;

  public List<Binding> bindings() {
    return List.copyOf(bindings);
  }

  /** Binds {@code b}, replacing the target's earlier binding and any other binding of that control. */
  public void put(Binding b) {
    bindings.removeIf(o -> o.target().equals(b.target())
        || (o.note() == b.note() && o.number() == b.number() && (o.channel() == b.channel() || o.channel() == 0 || b.channel() == 0)));
    bindings.add(b);
  }

  public void remove(String target) {
    bindings.removeIf(b -> b.target().equals(target));
  }

  public Binding of(String target) {
    for (Binding b : bindings) {
      if (b.target().equals(target)) {
        return b;
      }
    }
    return null;
  }

  /** Reads a map file; a missing file is an empty map. Bad lines are reported ({@link #problems()}) and skipped. */
  public static MidiMap load(Path file) {
    MidiMap map = new MidiMap();
    if (!Files.isRegularFile(file)) {
      return map;
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // a bad byte becomes U+FFFD, in its line only
    } catch (IOException e) {
      map.unreadable = file;
      map.problem(file + " cannot be read (" + e.getMessage() + "); MIDI starts with no mappings, and MIDI learn "
          + "will not save over the file until it can be read");
      return map;
    }
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceAll("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      try {
        if (lines.get(i).indexOf('\uFFFD') >= 0) {
          throw new IllegalArgumentException("it has bytes that are not UTF-8 text");
        }
        if (!m.matches()) {
          throw new IllegalArgumentException("write it as: name = ch1 cc21, name = any note36 or name = ch1 cc7 14bit");
        }
        int channel = m.group(3) != null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) == null && (channel < 1 || channel > 16)) {
          throw new IllegalArgumentException("MIDI channels are ch1 to ch16 (or \"any\"), not ch" + channel);
        }
        Binding b = new Binding(m.group(1), channel, m.group(4).equalsIgnoreCase("note"), Integer.parseInt(m.group(5)),
            m.group(6) != null);
        map.put(b);
        map.lineOf.put(b.target(), i + 1);
      } catch (IllegalArgumentException e) {
        map.unread.add(lines.get(i));
        map.problem(file.getFileName() + " line " + (i + 1) + " \"" + lines.get(i).trim() + "\" skipped: "
            + e.getMessage() + " (the line stays in the file)");
      }
    }
    return map;
  }

  /**
   * Reports bindings whose target is none of {@code targets} (a parameter renamed, or a typo);
   * they stay in the map and the file, doing nothing.
   *
   * @param file the map's file, for the message
   */
  public void check(java.util.Collection<String> targets, String sketch, Path file) {
    for (Binding b : bindings) {
      if (!targets.contains(b.target())) {
        Integer line = lineOf.get(b.target());
        problem(file.getFileName() + (line != null ? " line " + line : "") + ": " + sketch + " has no parameter or action \""
            + b.target() + "\", so " + b + " does nothing; there are " + String.join(", ", targets));
      }
    }
  }

  /** What was wrong with the file, one line each, for the panel (also logged). */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  private void problem(String text) {
    problems.add(text);
    System.err.println("mishmash midi: " + text);
  }

  /**
   * Writes the map atomically (a crash mid-save leaves the old file), with the lines it could not
   * read written back as they were.
   *
   * @throws IOException if the disk refuses, or if the file could not be read when loading (saving
   *     would then replace a file nobody has seen)
   */
  public void save(Path file) throws IOException {
    if (unreadable != null && unreadable.equals(file)) {
      throw new IOException(file + " could not be read at start, so it is not overwritten; the new mapping works until "
          + "the sketch stops");
    }
    StringBuilder s = new StringBuilder("# Mishmash MIDI map: parameter or action = channel and control (see README, MIDI learn)\n");
    int width = bindings.stream().mapToInt(b -> b.target().length()).max().orElse(0);
    for (Binding b : bindings) {
      s.append(String.format(Locale.ROOT, "%-" + width + "s = %s%n", b.target(), b));
    }
    if (!unread.isEmpty()) {
      s.append("# lines Mishmash could not read, kept as they were (fix or delete them):\n");
      unread.forEach(line -> s.append(line).append('\n'));
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    AtomicFile.writeString(file, s.toString());
  }
}
