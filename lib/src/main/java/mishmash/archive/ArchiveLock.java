package mishmash.archive;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per archive: the grid that breeds into a folder holds {@code archive.lock} there, a
 * line of JSON with its pid, host, program and start time, under an operating-system lock that the
 * kernel releases when the process dies (even by kill -9 or a power cut). A second grid on the same
 * folder is refused with a message naming the holder. The holder refreshes the file every
 * {@link #BEAT_MS}, so where the file system cannot lock (some network mounts) a lock from a live
 * process still counts, and one left by a dead process (a pid no longer running on this host, or
 * no heartbeat for {@link #STALE_MS}) is taken over. Within one program the lock is shared.
 */
final class ArchiveLock implements AutoCloseable {
  static final String FILE = "archive.lock";
  static final long BEAT_MS = 10_000;
  static final long STALE_MS = 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveLock.class);
  private static final Map<Path, ArchiveLock> HELD = new HashMap<>();

  static {
    // an ordinary end (SIGTERM from a service manager, Esc) leaves an empty lock file: nothing stale to report
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (ArchiveLock.class) {
        for (ArchiveLock l : HELD.values()) {
          l.clear();
        }
      }
    }, "mishmash-archive-unlock"));
  }

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private final String since = Instant.now().toString();
  private final String program;
  private final ScheduledExecutorService beat;
  private int users = 1;

  private ArchiveLock(Path key, FileChannel channel, FileLock lock, String program) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
    this.program = program;
    this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mishmash-archive-lock");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Takes the lock of the archive folder {@code dir}.
   *
   * @throws ArchiveInUseException when another live program holds it
   * @throws IOException when the lock file cannot be written (a read-only folder)
   */
  static synchronized ArchiveLock acquire(Path dir, String program) throws IOException {
    Path key = dir.toRealPath();
    ArchiveLock held = HELD.get(key);
    if (held != null) {
      held.users++;
      return held;
    }
    FileChannel channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    boolean locks = true;
    try {
      lock = channel.tryLock();
    } catch (IOException e) {
      lock = null; // this file system cannot lock: the heartbeat decides
      locks = false;
    }
    JsonObject previous = read(channel);
    String refusal = null;
    if (locks && lock == null) {
      refusal = inUse(dir, previous);
    } else if (previous != null && !mine(previous) && alive(previous)) {
      refusal = inUse(dir, previous);
    }
    if (refusal != null) {
      if (lock != null) {
        lock.release();
      }
      channel.close();
      throw new ArchiveInUseException(refusal);
    }
    if (previous != null && !mine(previous)) {
      LOG.info("archive: took over the lock of {} left by pid {} on {} (no longer running)", dir,
          text(previous, "pid"), text(previous, "host"));
    }
    ArchiveLock taken = new ArchiveLock(key, channel, lock, program);
    taken.write();
    taken.beat.scheduleWithFixedDelay(taken::write, BEAT_MS, BEAT_MS, TimeUnit.MILLISECONDS);
    HELD.put(key, taken);
    return taken;
  }

  private static String inUse(Path dir, JsonObject holder) {
    String who = holder == null ? "another program"
        : text(holder, "program") + " (pid " + text(holder, "pid") + " on " + text(holder, "host") + ", since "
            + text(holder, "since") + ")";
    return "The archive " + dir + " is in use by " + who + ": only one grid may breed into an archive. Stop the"
        + " other one first, or give this one its own folder with --archive DIR.";
  }

  /** The holder's heartbeat is recent and, on this host, its process is running. */
  private static boolean alive(JsonObject holder) {
    long beat = holder.has("beat") ? holder.get("beat").getAsLong() : 0;
    if (System.currentTimeMillis() - beat > STALE_MS) {
      return false;
    }
    if (!host().equals(text(holder, "host"))) {
      return true;
    }
    try {
      return ProcessHandle.of(holder.get("pid").getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean mine(JsonObject holder) {
    return host().equals(text(holder, "host")) && Long.toString(ProcessHandle.current().pid()).equals(text(holder, "pid"));
  }

  private static String text(JsonObject o, String field) {
    return o.has(field) ? o.get(field).getAsString() : "?";
  }

  private static JsonObject read(FileChannel channel) {
    try {
      ByteBuffer b = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
      channel.read(b, 0);
      String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).trim();
      return text.isEmpty() ? null : JsonParser.parseString(text).getAsJsonObject();
    } catch (IOException | RuntimeException e) {
      return null; // a torn or foreign file: no holder to speak of
    }
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String h = System.getenv("HOSTNAME");
      return h == null ? "localhost" : h;
    }
  }

  private synchronized void write() {
    JsonObject o = new JsonObject();
    o.addProperty("pid", ProcessHandle.current().pid());
    o.addProperty("host", host());
    o.addProperty("program", program);
    o.addProperty("since", since);
    o.addProperty("beat", System.currentTimeMillis());
    try {
      byte[] bytes = (o + "\n").getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(bytes), 0);
      channel.force(false);
    } catch (IOException e) {
      // a disk that went read-only or full: the operating-system lock still holds
    }
  }

  private synchronized void clear() {
    beat.shutdownNow();
    try {
      channel.truncate(0);
      channel.force(false);
    } catch (IOException e) {
      // a read-only disk: the kernel drops the lock all the same
    }
  }

  @Override
  public void close() {
    synchronized (ArchiveLock.class) {
      if (--users > 0) {
        return;
      }
      HELD.remove(key);
    }
    beat.shutdownNow();
    try {
      channel.truncate(0);
      if (lock != null) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      // the process is ending anyway; the kernel drops the lock
    }
  }
}
