package mishmash.live;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A performance on file: every control event with the frame and sketch time it took effect, one
 * JSON line each, after a header line naming the sketch and seed.
 *
 * <pre>
 * {"mishmash":"performance","sketch":"grid","seed":7,"started":"2026-11-24T10:00:00Z"}
 * {"frame":31,"t":1.033,"type":"SET","name":"mutation","value":0.8,"source":"osc 127.0.0.1"}
 * </pre>
 *
 * Replayed into the same sketch with the same seed, headless, it gives the same frames: each event
 * is applied at the start of the frame it was recorded in. Played live, events follow the clock.
 * Lines are flushed once a frame, so a crash or a power cut loses at most the frame in progress,
 * and a torn last line is skipped on replay.
 */
public final class Performance {
  private Performance() {}

  /** Appends events to a performance file. */
  public static final class Recorder implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private boolean dirty;
    private boolean failed;

    /** Starts a new file (an existing one is replaced) with a header line. */
    public Recorder(Path file, String sketch, long seed) throws IOException {
      this.file = file;
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      JsonObject header = new JsonObject();
      header.addProperty("mishmash", "performance");
      header.addProperty("sketch", sketch);
      header.addProperty("seed", seed);
      header.addProperty("started", java.time.Instant.now().toString());
      out.write(header.toString());
      out.newLine();
      out.flush();
    }

    public Path file() {
      return file;
    }

    void write(long frame, double t, Change c) {
      if (failed) {
        return;
      }
      JsonObject o = new JsonObject();
      o.addProperty("frame", frame);
      o.addProperty("t", Math.round(t * 1e6) / 1e6);
      o.addProperty("type", c.type().name());
      o.addProperty("name", c.name());
      o.addProperty("value", Double.isFinite(c.value()) ? c.value() : 0);
      if (c.text() != null) {
        o.addProperty("text", c.text());
      }
      o.addProperty("source", c.source());
      try {
        out.write(o.toString());
        out.newLine();
        dirty = true;
      } catch (IOException e) {
        failed = true;
        System.err.println("mishmash: recording to " + file + " stopped: " + e.getMessage()
            + " (the performance goes on; what was recorded so far is kept)");
      }
    }

    void flush() {
      if (dirty && !failed) {
        try {
          out.flush();
        } catch (IOException e) {
          failed = true;
          System.err.println("mishmash: recording to " + file + " stopped: " + e.getMessage());
        }
        dirty = false;
      }
    }

    @Override
    public void close() throws IOException {
      flush();
      out.close();
    }
  }

  /** Reads a performance file back and hands out its events when they are due. */
  public static final class Player {
    private record Entry(long frame, double t, Change change) {}

    private final List<Entry> entries = new ArrayList<>();
    private final boolean byFrame;
    private final String sketch;
    private final long seed;
    private int next;

    /**
     * @param byFrame true to apply each event at its recorded frame (headless replays, identical
     *     frames); false to follow sketch time (live playback)
     * @throws IOException if the file cannot be read, or is not a performance
     */
    public Player(Path file, boolean byFrame) throws IOException {
      this.byFrame = byFrame;
      List<String> lines = mishmash.files.Text.read(file).lines().toList();
      if (lines.isEmpty()) {
        throw new IOException(file + " is empty: not a Mishmash performance");
      }
      JsonObject header;
      try {
        header = JsonParser.parseString(lines.get(0)).getAsJsonObject();
      } catch (RuntimeException e) {
        header = new JsonObject();
      }
      if (!header.has("mishmash") || !"performance".equals(header.get("mishmash").getAsString())) {
        throw new IOException(file + " is not a Mishmash performance (its first line should be the header "
            + "{\"mishmash\":\"performance\",...})");
      }
      sketch = header.has("sketch") ? header.get("sketch").getAsString() : "";
      seed = header.has("seed") ? header.get("seed").getAsLong() : 0;
      int skipped = 0;
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i).trim();
        if (line.isEmpty()) {
          continue;
        }
        try {
          JsonObject o = JsonParser.parseString(line).getAsJsonObject();
          Change c = new Change(Change.Type.valueOf(o.get("type").getAsString()), o.get("name").getAsString(),
              o.get("value").getAsDouble(), o.has("text") ? o.get("text").getAsString() : null,
              "replay " + (o.has("source") ? o.get("source").getAsString() : ""));
          entries.add(new Entry(o.get("frame").getAsLong(), o.get("t").getAsDouble(), c));
        } catch (RuntimeException e) {
          skipped++;
          System.err.println("mishmash: " + file + " line " + (i + 1) + " is not an event (torn or edited?); skipped");
        }
      }
      if (skipped > 0) {
        System.err.println("mishmash: " + file + ": " + skipped + " bad lines skipped, " + entries.size() + " events kept");
      }
    }

    public String sketch() {
      return sketch;
    }

    /** The seed the performance was recorded with: render with it to get the same frames. */
    public long seed() {
      return seed;
    }

    public int size() {
      return entries.size();
    }

    /** The events due by this frame (or time), each handed out once. */
    List<Change> due(long frame, double t) {
      List<Change> out = new ArrayList<>();
      while (next < entries.size()) {
        Entry e = entries.get(next);
        if (byFrame ? e.frame() > frame : e.t() > t) {
          break;
        }
        out.add(e.change());
        next++;
      }
      return out;
    }

    /** True once every event has been handed out. */
    public boolean finished() {
      return next >= entries.size();
    }
  }
}
