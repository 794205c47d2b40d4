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
 * # parameter or action = channel and control
 * mutation   = ch1 cc21
 * psi        = ch1 cc7 14bit     # MSB on CC 7, LSB on CC 39: 16,384 steps
 * breed      = ch10 note36
 * randomness = any cc22          # any channel
 * </pre>
 * A line it cannot read is reported with its number and skipped; the rest still loads.
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
      "([\\w.-]+)\\s*=\\s*(?:ch(\\d+)|(any))\\s+(cc|note)\\s*(\\d+)(\\s+14bit)?", Pattern.CASE_INSENSITIVE);

  private final List<Binding> bindings = new ArrayList<>();

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

  /** Reads a map file; a missing file is an empty map. Bad lines are reported and skipped. */
  public static MidiMap load(Path file) {
    MidiMap map = new MidiMap();
    if (!Files.isRegularFile(file)) {
      return map;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("mishmash midi: cannot read " + file + ": " + e.getMessage() + "; starting with no MIDI mappings");
      return map;
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceAll("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      try {
        if (!m.matches()) {
          throw new IllegalArgumentException("write it as: name = ch1 cc21, name = any note36 or name = ch1 cc7 14bit");
        }
        int channel = m.group(3) != null ? 0 : Integer.parseInt(m.group(2));
        map.put(new Binding(m.group(1), channel, m.group(4).equalsIgnoreCase("note"), Integer.parseInt(m.group(5)),
            m.group(6) != null));
      } catch (IllegalArgumentException e) {
        System.err.println("mishmash midi: " + file + " line " + (i + 1) + " \"" + lines.get(i).trim()
            + "\" skipped: " + e.getMessage());
      }
    }
    return map;
  }

  /** Writes the map atomically: a crash mid-save leaves the old file. */
  public void save(Path file) throws IOException {
    StringBuilder s = new StringBuilder("# Mishmash MIDI map: parameter or action = channel and control (see README, MIDI learn)\n");
    int width = bindings.stream().mapToInt(b -> b.target().length()).max().orElse(0);
    for (Binding b : bindings) {
      s.append(String.format(Locale.ROOT, "%-" + width + "s = %s%n", b.target(), b));
    }
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    AtomicFile.writeString(file, s.toString());
  }
}
