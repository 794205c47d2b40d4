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
 * JSON line each, after a header line naming the sketch, the seed and the clock it ran by.
 *
 * <pre>
 * {"mishmash":"performance","sketch":"grid","seed":7,"clock":"time","started":"2026-11-24T10:00:00Z"}
 * {"frame":31,"t":1.033,"type":"SET","name":"mutation","value":0.8,"source":"osc 127.0.0.1"}
 * </pre>
 *
 * A performance recorded headless ({@code "clock":"frames","fps":30}) and replayed headless at the
 * same frame rate, with the same seed, gives the same frames: each event is applied at the start of
 * the frame it was recorded in. Everything else follows the clock: a live performance, which ran at
 * whatever frame rate the machine managed, lands in a headless render at the same sketch time, so
 * it keeps its tempo. Lines are flushed once a frame, so a crash or a power cut loses at most the
 * frame in progress, and a torn last line is skipped on replay.
 */
public final class Performance {
  private Performance() {}

  /** Appends events to a performance file. */
  public static final class Recorder implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private boolean dirty;
    private boolean failed;

    /**
     * Starts a new file with a header line. An existing take is never overwritten: if {@code file}
     * exists, the recording goes to the first free {@code NAME-2.jsonl}, {@code NAME-3.jsonl}...
     * beside it ({@link #file()} says which).
     *
     * @param fps the fixed frame rate of a headless render, or 0 for a live run (which follows the clock)
     */
    public Recorder(Path file, String sketch, long seed, double fps) throws IOException {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      BufferedWriter opened = null;
      Path target = file;
      for (int n = 2; opened == null; n++) {
        try {
          opened = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          if (n > 10_000) {
            throw new IOException(file + " and its numbered takes up to -10000 exist already; name another file");
          }
          target = numbered(file, n);
        }
      }
      this.file = target;
      this.out = opened;
      JsonObject header = new JsonObject();
      header.addProperty("mishmash", "performance");
      header.addProperty("sketch", sketch);
      header.addProperty("seed", seed);
      header.addProperty("clock", fps > 0 ? "frames" : "time");
      if (fps > 0) {
        header.addProperty("fps", fps);
      }
      header.addProperty("started", java.time.Instant.now().toString());
      out.write(header.toString());
      out.newLine();
      out.flush();
    }

    /** Where the take goes: the file asked for, or a numbered one beside it if that existed. */
    public Path file() {
      return file;
    }

    /** {@code take.jsonl} → {@code take-2.jsonl}. */
    static Path numbered(Path file, int n) {
      String name = file.getFileName().toString();
      int dot = name.lastIndexOf('.');
      String numbered = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
      return file.resolveSibling(numbered);
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
     * @param fps the fixed frame rate of the headless render it plays into, or 0 when playing live.
     *     Events go by frame (identical frames) only when the performance was itself recorded
     *     headless at this frame rate; otherwise they follow sketch time, keeping their tempo.
     * @throws IOException if the file cannot be read, or is not a performance
     */
    public Player(Path file, double fps) throws IOException {
      // read leniently: a stray byte spoils one event line, not the whole performance
      List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      if (lines.isEmpty()) {
        throw new IOException(file + " is empty: not a Mishmash performance");
      }
      JsonObject header;
      try {
        header = JsonParser.parseString(lines.get(0)).getAsJsonObject();
      } catch (RuntimeException e) {
        header = new JsonObject();
      }
      try {
        if (!header.has("mishmash") || !"performance".equals(header.get("mishmash").getAsString())) {
          throw new IllegalArgumentException();
        }
        sketch = header.has("sketch") ? header.get("sketch").getAsString() : "";
        seed = header.has("seed") ? header.get("seed").getAsLong() : 0;
        // files from before the clock was written down were replayed by frame
        boolean recordedByFrames = !header.has("clock") || "frames".equals(header.get("clock").getAsString());
        double recordedFps = header.has("fps") ? header.get("fps").getAsDouble() : fps;
        byFrame = fps > 0 && recordedByFrames && recordedFps == fps;
      } catch (RuntimeException e) {
        throw new IOException(file + " is not a Mishmash performance (its first line should be the header "
            + "{\"mishmash\":\"performance\",\"sketch\":...,\"seed\":...})");
      }
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

    /** True when events land by frame number (a headless take replayed headless); false: by sketch time. */
    public boolean byFrame() {
      return byFrame;
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
