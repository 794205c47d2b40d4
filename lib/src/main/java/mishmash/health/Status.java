package mishmash.health;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How a sketch is doing, for the technician: frame rate, what it has made (births, visits),
 * memory, disk, camera, the last error, and whatever else the sketch reports. One snapshot feeds
 * the OSC status message, the status page and its JSON. The slow parts (the archive's files on
 * disk, the process's resident memory) are measured by {@link #measure}, off the frame loop.
 */
public final class Status {
  private final String sketch;
  private final long started = System.nanoTime();
  private final Map<String, Supplier<?>> reported = new LinkedHashMap<>();
  private volatile Path archive;
  private volatile int bound;
  private volatile double rssMb = -1;
  private volatile long diskFreeMb = -1;
  private volatile long archiveFiles = -1;
  private volatile long archiveMb = -1;
  private volatile String lastError;
  private volatile String lastErrorAt;

  public Status(String sketch) {
    this.sketch = sketch;
  }

  /** A value the sketch reports by name ("births", "camera"); read at each snapshot. */
  public synchronized void report(String name, Supplier<?> value) {
    reported.put(name, value);
  }

  /** The archive folder whose disk use is shown against its bound of {@code max} creatures. */
  public void archive(Path folder, int max) {
    this.archive = folder;
    this.bound = max;
  }

  /** Something went wrong (a full disk, a lost camera, a model failing): the newest is shown with its time. */
  public void error(String message) {
    if (message != null && !message.equals(lastError)) {
      lastError = message;
      lastErrorAt = Instant.now().toString();
    }
  }

  /** The slow measurements: call every few seconds, from any thread but the frame loop. */
  public void measure() {
    rssMb = rss();
    Path a = archive;
    try {
      diskFreeMb = Files.getFileStore(a != null ? a : Path.of(".").toAbsolutePath()).getUsableSpace() >> 20;
    } catch (IOException | RuntimeException e) {
      diskFreeMb = -1;
    }
    if (a != null) {
      long files = 0;
      long bytes = 0;
      try (Stream<Path> s = Files.list(a)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          files++;
          try {
            bytes += Files.size(p);
          } catch (IOException e) {
            // gone meanwhile
          }
        }
      } catch (IOException e) {
        files = -1;
      }
      archiveFiles = files;
      archiveMb = bytes >> 20;
    }
  }

  /** The snapshot, as the status page's JSON. */
  public JsonObject json(double fps) {
    JsonObject o = new JsonObject();
    o.addProperty("sketch", sketch);
    o.addProperty("uptime_s", Math.round((System.nanoTime() - started) / 1e9));
    o.addProperty("since", Instant.now().minusNanos(System.nanoTime() - started).toString());
    o.addProperty("fps", Math.round(fps * 10) / 10.0);
    List<Map.Entry<String, Supplier<?>>> values;
    synchronized (this) {
      values = new ArrayList<>(reported.entrySet());
    }
    for (Map.Entry<String, Supplier<?>> e : values) {
      Object v;
      try {
        v = e.getValue().get();
      } catch (RuntimeException ex) {
        v = "unknown (" + ex.getMessage() + ")";
      }
      if (v instanceof Number n) {
        o.addProperty(e.getKey(), n);
      } else if (v instanceof Boolean b) {
        o.addProperty(e.getKey(), b);
      } else {
        o.addProperty(e.getKey(), v == null ? "" : v.toString());
      }
    }
    Runtime r = Runtime.getRuntime();
    o.addProperty("heap_mb", (r.totalMemory() - r.freeMemory()) >> 20);
    o.addProperty("heap_max_mb", r.maxMemory() >> 20);
    o.addProperty("rss_mb", Math.round(rssMb));
    o.addProperty("disk_free_mb", diskFreeMb);
    if (archive != null) {
      o.addProperty("archive", archive.toString());
      o.addProperty("archive_files", archiveFiles);
      o.addProperty("archive_mb", archiveMb);
      o.addProperty("archive_bound", bound);
    }
    String restarts = System.getenv("MISHMASH_RESTARTS");
    o.addProperty("restarts", restarts == null ? 0 : Integer.parseInt(restarts.matches("\\d{1,9}") ? restarts : "0"));
    String lastExit = System.getenv("MISHMASH_LAST_EXIT");
    if (lastExit != null && !lastExit.isEmpty()) {
      o.addProperty("last_restart", lastExit);
    }
    o.addProperty("last_error", lastError == null ? "" : lastError);
    o.addProperty("last_error_at", lastErrorAt == null ? "" : lastErrorAt);
    return o;
  }

  /** The status page: the same values, large, refreshing itself every few seconds. */
  public String html(double fps) {
    JsonObject o = json(fps);
    StringBuilder s = new StringBuilder();
    s.append("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"5\">")
        .append("<title>Mishmash ").append(escape(sketch)).append("</title><style>")
        .append("body{font:18px/1.5 sans-serif;background:#111;color:#ddd;margin:2em}")
        .append("td{padding:.2em 1.2em .2em 0}td:first-child{color:#999}.bad{color:#f96}")
        .append("</style></head><body><h1>Mishmash · ").append(escape(sketch)).append("</h1><table>");
    for (String key : o.keySet()) {
      String v = o.get(key).getAsString();
      boolean bad = key.equals("last_error") && !v.isEmpty();
      s.append("<tr><td>").append(escape(key.replace('_', ' '))).append("</td><td").append(bad ? " class=\"bad\"" : "")
          .append(">").append(escape(v)).append("</td></tr>");
    }
    s.append("</table><p><a href=\"status.json\">status.json</a> · refreshes every 5 s</p></body></html>\n");
    return s.toString();
  }

  /** For logs and tests: the JSON, indented. */
  public String pretty(double fps) {
    return new GsonBuilder().setPrettyPrinting().create().toJson(json(fps));
  }

  private static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Resident memory in MB: /proc on Linux, the committed heap and non-heap elsewhere. */
  static double rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    var m = ManagementFactory.getMemoryMXBean();
    return (m.getHeapMemoryUsage().getCommitted() + m.getNonHeapMemoryUsage().getCommitted()) / (1024.0 * 1024.0);
  }
}
