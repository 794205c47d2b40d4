package mishmash.archive;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import mishmash.files.AtomicFile;
import mishmash.log.LogLimit;
import mishmash.model.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive on disk: every creature as {@code <seed>.png}, one {@code index.jsonl} with a line per
 * creature, and {@code grid.json} with what the grid shows. Pictures and the grid file are written
 * atomically (temporary file, then rename); index lines are appended and forced to disk.
 *
 * <p>Nothing in the index is ever lost at start-up. A damaged line (a power cut mid-write, a junk
 * file) is set aside in {@code index-damaged.jsonl} and reported once, with a count; a creature
 * whose picture is missing (an interrupted copy, a slow network mount, files moved aside) keeps its
 * line, waits, and comes back by itself when its picture does.
 *
 * <p>The grid that breeds into an archive is its one writer ({@link #open}): it holds
 * {@code archive.lock}, and a second grid on the same folder is refused with a message naming the
 * first ({@link ArchiveInUseException}). It alone compacts the index, applies retention (at most
 * {@code max} creatures, the oldest not on the grid going first) and clears away pictures no line
 * names and pictures that cannot be read, so the files on disk stay within the bound. Other
 * programs, such as a booth, add to it through {@link #share}. If the disk is full or read-only,
 * creatures are kept in memory, {@link #warning()} says which, and they are written when the disk
 * recovers; repeated failures are logged rate-limited. Thread-safe.
 */
public final class Archive implements AutoCloseable {
  public static final int DEFAULT_MAX = 10_000;
  public static final String INDEX = "index.jsonl";
  public static final String GRID = "grid.json";
  /** Where damaged index lines are set aside, as they were. */
  public static final String DAMAGED = "index-damaged.jsonl";
  /** Damaged lines are set aside until that file is this big; beyond, they stay in the index. */
  static final long MAX_DAMAGED_BYTES = 64L << 20;
  /** Damaged lines described one by one in the log at start-up; the rest are counted. */
  static final int DESCRIBED = 3;
  /**
   * A picture younger than this may still be being written or copied: it is never taken for an
   * orphan or for corrupt. Old enough, an unreadable one is removed (its line waits for a good copy).
   */
  static final long SETTLE_MS = 10 * 60_000;
  /** Seconds between looks for the missing pictures of waiting creatures. */
  static final double RECHECK_SECONDS = 10;
  /** Seconds between clear-ups of orphan pictures while running. */
  static final double TIDY_SECONDS = 600;
  /** Creatures kept in memory at most while the disk refuses them. */
  static final int MAX_UNSAVED = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(Archive.class);

  /** Where bytes go; tests swap it to simulate a full disk. */
  interface Disk {
    void writePicture(Path file, Image picture) throws IOException;

    void append(Path file, String text) throws IOException;
  }

  static final Disk REAL_DISK = new Disk() {
    @Override
    public void writePicture(Path file, Image picture) throws IOException {
      BufferedImage image = picture.toBufferedImage();
      AtomicFile.write(file, out -> ImageIO.write(image, "png", out));
    }

    @Override
    public void append(Path file, String text) throws IOException {
      synchronized (INDEX_LOCK) {
        for (int tries = 0; ; tries++) {
          Object before = fileKey(file);
          try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
              StandardOpenOption.WRITE); java.nio.channels.FileLock lock = channel.lock()) {
            if (before == null || !before.equals(fileKey(file))) {
              if (tries < 5) {
                continue; // the grid compacted the index meanwhile: append to the new file, not the one it replaced
              }
            }
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
              channel.write(bytes);
            }
            channel.force(false);
            return;
          }
        }
      }
    }
  };

  /**
   * Appends and compactions of an index take it in turns: a line a booth appends is never written
   * to a file the grid is replacing. Across programs an operating-system lock on the index file;
   * within one (which Java's file locks do not cover), this.
   */
  static final Object INDEX_LOCK = new Object();

  static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private final Path dir;
  private final int max;
  /** The writer (a grid) or a program adding to another's archive (a booth). */
  private final boolean owner;
  private final LinkedHashMap<Long, Creature> creatures = new LinkedHashMap<>();
  private final LinkedHashMap<Long, Image> unsaved = new LinkedHashMap<>();
  /** Creatures whose index line is kept while their picture is missing. */
  private final LinkedHashMap<Long, Creature> waiting = new LinkedHashMap<>();
  /** Creatures handed in by this program for others to welcome (a profile from a booth elsewhere). */
  private final List<Creature> arrivals = new ArrayList<>();
  private final LogLimit logs = new LogLimit(LOG);
  private Disk disk = REAL_DISK;
  private String warning;
  private boolean tornTail;
  private int deletions;
  private int damaged;
  private int orphansRemoved;
  private int corruptRemoved;
  private int recovered;
  private long lastRecheck = System.nanoTime();
  private long lastTidy = System.nanoTime();
  private ArchiveLock lock;
  /** How far into the index file {@link #refresh} has read, and which file that was (its inode). */
  private long indexRead;
  private Object indexFile;
  /** The last bytes read of it: if they are not there any more, the file was rewritten (inode numbers are reused). */
  private byte[] indexTail = new byte[0];

  private Archive(Path dir, int max, boolean owner) {
    this.dir = dir;
    this.max = max;
    this.owner = owner;
  }

  public static Archive open(Path dir) {
    return open(dir, DEFAULT_MAX);
  }

  /**
   * Opens (or creates) an archive folder as its writer: takes its lock, sets damaged index lines
   * aside, keeps the lines of creatures whose pictures are missing, and clears away old pictures
   * that no line names.
   *
   * @throws IllegalArgumentException when {@code max} is below 1
   * @throws ArchiveInUseException when another grid is breeding into it
   */
  public static Archive open(Path dir, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("an archive must keep at least 1 creature (--max 10000 keeps ten thousand), not " + max);
    }
    Archive archive = new Archive(dir, max, true);
    if (!archive.createFolder()) {
      return archive;
    }
    try {
      archive.lock = ArchiveLock.acquire(dir, program());
    } catch (ArchiveInUseException e) {
      throw e;
    } catch (IOException e) {
      LOG.warn("archive: cannot lock {} ({}): make sure only one grid uses it", dir, e.getMessage());
    }
    archive.removeStaleTemporaryFiles();
    archive.load();
    archive.tidy();
    return archive;
  }

  /**
   * Opens an archive another program writes (the booth beside a grid): this one adds creatures and
   * deletes profiles, but never compacts, applies retention or clears files. No lock.
   */
  public static Archive share(Path dir) {
    Archive archive = new Archive(dir, DEFAULT_MAX, false);
    if (archive.createFolder()) {
      archive.load();
    }
    return archive;
  }

  private boolean createFolder() {
    try {
      Files.createDirectories(dir);
      return true;
    } catch (IOException e) {
      warning = "Cannot create the archive folder " + dir + " (" + e.getMessage() + "): creatures are kept in memory only.";
      LOG.warn(warning);
      return false;
    }
  }

  /** What holds the lock, for its file: the sketch's main class. */
  private static String program() {
    String command = System.getProperty("sun.java.command", "mishmash");
    return command.isBlank() ? "mishmash" : command.split(" ")[0];
  }

  /**
   * A private copy of the archive in {@code dir}, in a new temporary folder, for a render that
   * reads an installation's archive without writing into it: the index and the grid file are
   * copied, the pictures linked (hard links where the file system allows, copies elsewhere; a
   * picture is only ever replaced whole, by a rename, so a link never sees a change). A missing
   * {@code dir} gives an empty copy. Delete it with {@link #deleteCopy} when done.
   */
  public static Path scratchCopy(Path dir) throws IOException {
    Path copy = Files.createTempDirectory("mishmash-archive-");
    if (!Files.isDirectory(dir)) {
      return copy;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(".") || name.equals(ArchiveLock.FILE)) {
          continue; // temporary and lock files are the installation's own
        }
        Path to = copy.resolve(name);
        if (name.endsWith(".png")) {
          try {
            Files.createLink(to, f);
            continue;
          } catch (IOException | UnsupportedOperationException e) {
            // another file system, or no links: copy it
          }
        }
        Files.copy(f, to);
      }
    }
    return copy;
  }

  /** Removes a folder made by {@link #scratchCopy} (its files only: the originals stay). */
  public static void deleteCopy(Path copy) {
    try (var files = Files.list(copy)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(copy);
    } catch (IOException e) {
      LOG.warn("cannot remove the render's archive copy {}: {}", copy, e.getMessage());
    }
  }

  /**
   * Half-written files left by a crash are never part of the archive, so they go; only old ones,
   * since another program (the booth) may be writing to the same archive right now.
   */
  private void removeStaleTemporaryFiles() {
    try (var files = Files.list(dir)) {
      long minuteAgo = System.currentTimeMillis() - 60_000;
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(".")
          && f.getFileName().toString().endsWith(".tmp")).toList()) {
        if (Files.getLastModifiedTime(p).toMillis() < minuteAgo) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      LOG.warn("archive: could not tidy {} ({})", dir, e.getMessage());
    }
  }

  /**
   * Reads the index in two passes: lines first (deletions applied, so a creature that retention
   * removed is not reported missing), then which pictures are there.
   */
  private void load() {
    Path index = dir.resolve(INDEX);
    if (!Files.exists(index)) {
      return;
    }
    LinkedHashMap<Long, Creature> read = new LinkedHashMap<>();
    int lineNumber = 0;
    boolean damageKept = false;
    Writer aside = null;
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (InputStream in = Files.newInputStream(index);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        Index.Entry entry;
        try {
          entry = Index.parse(line);
        } catch (IllegalArgumentException e) {
          damaged++;
          if (damaged <= DESCRIBED) {
            LOG.warn("archive: {} line {} is damaged ({}); it is set aside in {}", index, lineNumber, e.getMessage(), DAMAGED);
          }
          if (aside == null && owner && !damageKept) {
            aside = openAside();
            damageKept = aside == null;
          }
          if (aside != null) {
            try {
              aside.write(line + "\n");
            } catch (IOException full) {
              damageKept = true; // what could not be set aside stays in the index
              closeAside(aside);
              aside = null;
            }
          }
          continue;
        }
        if (entry.deleted() != null) {
          read.remove(entry.deleted());
          deletions++;
        } else {
          read.put(entry.creature().seed(), entry.creature());
        }
      }
    } catch (IOException e) {
      warning = "Cannot read " + index + " (" + e.getMessage() + ").";
      LOG.warn(warning);
      return;
    } finally {
      damageKept |= !closeAside(aside);
    }
    if (damaged > DESCRIBED) {
      LOG.warn("archive: {} damaged lines in all in {}, {}; the rest loads", damaged, index,
          damageKept ? "kept in the index (" + DAMAGED + " is full or cannot be written)" : "set aside in " + DAMAGED);
    }
    for (Creature c : read.values()) {
      (Files.isRegularFile(dir.resolve(c.fileName())) ? creatures : waiting).put(c.seed(), c);
    }
    if (!waiting.isEmpty()) {
      LOG.warn("archive: the pictures of {} creatures are missing from {} (first {}): their index lines are kept,"
          + " and they come back by themselves when the pictures do", waiting.size(), dir,
          waiting.values().iterator().next().fileName());
    }
    markIndexRead(); // all of it is known here; a compaction reads only what others add from now on
    if (owner && ((damaged > 0 && !damageKept) || deletions > 0)) {
      compact();
    }
  }

  /** The file damaged lines go to, or null (with a log line) if it is full or cannot be written. */
  private Writer openAside() {
    Path file = dir.resolve(DAMAGED);
    try {
      if (Files.exists(file) && Files.size(file) >= MAX_DAMAGED_BYTES) {
        return null;
      }
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("archive: cannot set damaged lines aside in {} ({}); they stay in the index", file, e.getMessage());
      return null;
    }
  }

  private static boolean closeAside(Writer aside) {
    if (aside == null) {
      return true;
    }
    try {
      aside.close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Everything in the index file as it is now is known here. */
  private void markIndexRead() {
    indexRead = indexSize();
    indexFile = indexKey();
    indexTail = tail(indexRead);
  }

  /** The up to 64 bytes of the index before {@code end}. */
  private byte[] tail(long end) {
    int n = (int) Math.min(64, end);
    ByteBuffer b = ByteBuffer.allocate(n);
    try (FileChannel channel = FileChannel.open(dir.resolve(INDEX), StandardOpenOption.READ)) {
      channel.position(end - n);
      while (b.hasRemaining() && channel.read(b) > 0) {
        // read it all
      }
    } catch (IOException e) {
      return new byte[0];
    }
    return java.util.Arrays.copyOf(b.array(), b.position());
  }

  /** The index file's identity: a compaction (ours or another program's) renames a new file into place. */
  private Object indexKey() {
    try {
      return Files.readAttributes(dir.resolve(INDEX), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private long indexSize() {
    try {
      return Files.size(dir.resolve(INDEX));
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Reads what another program (the booth) has added to the index since this archive was opened
   * or last refreshed, and returns the creatures that are new here. Deletions by the other program
   * are applied too. Cheap when nothing changed: it reads only the bytes added since.
   */
  public synchronized List<Creature> refresh() {
    List<Creature> fresh = readAdded();
    if (!arrivals.isEmpty()) {
      fresh.addAll(arrivals);
      arrivals.clear();
    }
    long now = System.nanoTime();
    if ((now - lastRecheck) / 1e9 >= RECHECK_SECONDS) {
      lastRecheck = now;
      recheckWaiting();
    }
    if (owner && (now - lastTidy) / 1e9 >= TIDY_SECONDS) {
      tidy();
    }
    return fresh;
  }

  private List<Creature> readAdded() {
    Path index = dir.resolve(INDEX);
    long size = indexSize();
    Object key = indexKey();
    boolean rewritten = size < indexRead || (key != null && !key.equals(indexFile))
        || !java.util.Arrays.equals(tail(indexRead), indexTail);
    if (rewritten) {
      indexRead = 0; // rewritten (compacted) by another program: read it all again; known creatures are skipped
      indexFile = key;
    }
    if (size == indexRead) {
      return new ArrayList<>();
    }
    byte[] added;
    try (FileChannel channel = FileChannel.open(index, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - indexRead, 64L << 20));
      channel.position(indexRead);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // read what is there
      }
      added = java.util.Arrays.copyOf(buffer.array(), buffer.position());
    } catch (IOException e) {
      logs.warn("read", "archive: cannot read new lines of " + index + " (" + e.getMessage() + ")");
      return new ArrayList<>();
    }
    int end = added.length;
    while (end > 0 && added[end - 1] != '\n') {
      end--; // a line still being written is read next time
    }
    indexRead += end;
    indexTail = tail(indexRead);
    List<Creature> fresh = new ArrayList<>();
    Set<Long> inFile = new java.util.HashSet<>();
    for (String line : new String(added, 0, end, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Creature c = take(line, index + ": a line added by another program", inFile);
      if (c != null) {
        fresh.add(c);
      }
    }
    if (rewritten && !owner && indexRead == size) {
      // what the writer removed before it compacted (its deletion lines went with the old file) goes here too
      creatures.keySet().removeIf(s -> !inFile.contains(s) && !unsaved.containsKey(s));
      waiting.keySet().removeIf(s -> !inFile.contains(s));
    }
    fresh.removeIf(c -> !creatures.containsKey(c.seed())); // added, then deleted, in the same stretch
    return fresh;
  }

  /**
   * Removes a creature at once, picture and all (a visitor's profile deleted at their request):
   * the index records the deletion, so every program sharing the archive drops it too.
   *
   * @return false if there was no such creature
   */
  public synchronized boolean delete(long seed) {
    boolean known = creatures.remove(seed) != null | waiting.remove(seed) != null;
    unsaved.remove(seed);
    try {
      Files.deleteIfExists(dir.resolve(seed + ".png"));
      disk.append(dir.resolve(INDEX), (tornTail ? "\n" : "") + Index.deletion(seed) + "\n");
      tornTail = false;
    } catch (IOException e) {
      logs.warn("delete", "archive: could not delete " + seed + " (" + e.getMessage() + ")");
    }
    return known;
  }

  /**
   * Applies one index line added by another program: a deletion, or a creature (waiting if its
   * picture is not there yet). A damaged line is counted and logged, rate-limited.
   *
   * @return the creature, if it was not known here before and its picture is there; otherwise null
   */
  private Creature take(String line, String where, Set<Long> seen) {
    Index.Entry entry;
    try {
      entry = Index.parse(line);
    } catch (IllegalArgumentException e) {
      damaged++;
      logs.warn("damaged", "archive: " + where + " is damaged (" + e.getMessage() + "); skipped");
      return null;
    }
    if (entry.deleted() != null) {
      creatures.remove(entry.deleted());
      waiting.remove(entry.deleted());
      deletions++;
      return null;
    }
    Creature c = entry.creature();
    seen.add(c.seed());
    if (!Files.isRegularFile(dir.resolve(c.fileName()))) {
      waiting.put(c.seed(), c);
      return null;
    }
    return creatures.put(c.seed(), c) == null ? c : null;
  }

  /** Waiting creatures whose pictures are back (and not still being copied) return to the archive. */
  private void recheckWaiting() {
    long settled = System.currentTimeMillis() - 5_000;
    int back = 0;
    for (var it = waiting.values().iterator(); it.hasNext(); ) {
      Creature c = it.next();
      Path file = dir.resolve(c.fileName());
      try {
        if (Files.isRegularFile(file) && Files.size(file) > 0 && Files.getLastModifiedTime(file).toMillis() < settled) {
          it.remove();
          creatures.put(c.seed(), c);
          back++;
        }
      } catch (IOException e) {
        // still not there
      }
    }
    if (back > 0) {
      recovered += back;
      LOG.info("archive: {} creatures are back with their pictures ({} still waiting)", back, waiting.size());
    }
  }

  /**
   * Keeps the files on disk within the bound: a {@code <seed>.png} that no index line names (left by
   * a crash between picture and line, or copied in by hand), old enough not to be mid-write, is
   * removed. Counted and logged once per clear-up.
   */
  private void tidy() {
    lastTidy = System.nanoTime();
    recheckWaiting();
    long settled = System.currentTimeMillis() - SETTLE_MS;
    int removed = 0;
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String n = p.getFileName().toString();
        if (!n.matches("\\d{1,18}\\.png")) {
          continue;
        }
        long seed = Long.parseLong(n.substring(0, n.length() - 4));
        if (creatures.containsKey(seed) || waiting.containsKey(seed) || unsaved.containsKey(seed)) {
          continue;
        }
        if (Files.getLastModifiedTime(p).toMillis() < settled && Files.deleteIfExists(p)) {
          removed++;
        }
      }
    } catch (IOException | RuntimeException e) {
      logs.warn("tidy", "archive: could not clear orphan pictures in " + dir + " (" + e.getMessage() + ")");
    }
    if (removed > 0) {
      orphansRemoved += removed;
      LOG.warn("archive: removed {} pictures in {} that no index line names (left by a crash, or copied in"
          + " by hand), so the archive stays within its bound of {}", removed, dir, max);
    }
  }

  /**
   * Rewrites the index with the live creatures and the waiting ones (whose pictures may come back),
   * atomically: only deletion lines, and lines of creatures they removed, go.
   */
  private void compact() {
    Path index = dir.resolve(INDEX);
    synchronized (INDEX_LOCK) {
      try (FileChannel channel = FileChannel.open(index, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE); java.nio.channels.FileLock lock = channel.lock()) {
        readAdded(); // a booth's lines appended since the last look go into the new file too
        rewrite();
      } catch (IOException e) {
        logs.warn("compact", "archive: could not compact the index (" + e.getMessage() + "); it stays as it was");
      }
    }
  }

  private void rewrite() {
    StringBuilder text = new StringBuilder();
    for (Creature c : creatures.values()) {
      if (!unsaved.containsKey(c.seed())) {
        text.append(Index.line(c)).append('\n');
      }
    }
    for (Creature c : waiting.values()) {
      text.append(Index.line(c)).append('\n');
    }
    try {
      AtomicFile.writeString(dir.resolve(INDEX), text.toString());
      deletions = 0;
      markIndexRead(); // the new file holds exactly what is known here
    } catch (IOException e) {
      logs.warn("compact", "archive: could not compact the index (" + e.getMessage() + "); it stays as it was");
    }
  }

  public Path folder() {
    return dir;
  }

  public int max() {
    return max;
  }

  public synchronized int size() {
    return creatures.size();
  }

  /** Index lines that could not be read, and creatures waiting for their pictures. */
  public synchronized int skipped() {
    return damaged + waiting.size();
  }

  /** Index lines that could not be read (set aside in {@link #DAMAGED}). */
  public synchronized int damaged() {
    return damaged;
  }

  /** Creatures whose line is kept while their picture is missing. */
  public synchronized int waiting() {
    return waiting.size();
  }

  /** Creatures that came back when their pictures did. */
  public synchronized int recovered() {
    return recovered;
  }

  /** Pictures removed because no line named them, and unreadable pictures removed, so far. */
  public synchronized int cleaned() {
    return orphansRemoved + corruptRemoved;
  }

  /** True for the archive's writer (a grid), false for a program adding to it (a booth). */
  public boolean owner() {
    return owner;
  }

  public synchronized Optional<Creature> get(long seed) {
    return Optional.ofNullable(creatures.get(seed));
  }

  public synchronized boolean contains(long seed) {
    return creatures.containsKey(seed);
  }

  /** Every creature, oldest first. */
  public synchronized List<Creature> all() {
    return new ArrayList<>(creatures.values());
  }

  /**
   * A creature's picture: from memory if the disk refused it, else from its PNG. Empty (with a log
   * line, and the creature dropped from the archive) if the file is unreadable.
   */
  public Optional<Image> picture(long seed) {
    synchronized (this) {
      Image kept = unsaved.get(seed);
      if (kept != null) {
        return Optional.of(kept);
      }
    }
    Path file = dir.resolve(seed + ".png");
    try {
      BufferedImage image = ImageIO.read(file.toFile());
      if (image != null) {
        return Optional.of(Image.of(image));
      }
    } catch (IOException | RuntimeException e) {
      // reported below
    }
    unreadable(seed, file);
    return Optional.empty();
  }

  /**
   * A picture that cannot be read leaves the archive; its line waits for a good copy. The writer
   * removes the file once it is old enough not to be one still being copied.
   */
  private synchronized void unreadable(long seed, Path file) {
    Creature c = creatures.remove(seed);
    if (c == null || !owner) {
      return; // a program beside the writer: the writer keeps the line, and will read it again
    }
    waiting.put(seed, c);
    String what = "archive: the picture " + file + " cannot be read";
    try {
      if (owner && Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - SETTLE_MS
          && Files.deleteIfExists(file)) {
        corruptRemoved++;
        what += "; removed (its index line is kept, and a good copy brings the creature back)";
      }
    } catch (IOException e) {
      // gone meanwhile
    }
    logs.warn("unreadable", what);
  }

  /**
   * A creature that reached this program by another way than the archive's folder (a profile from
   * a booth on another machine): added like a newborn, and returned by the next {@link #refresh}
   * so a grid welcomes it as if another program had written it. A creature already known is
   * ignored: the same profile twice is one.
   *
   * @return false if it was already known
   */
  public synchronized boolean arrive(Creature creature, Image picture) {
    if (creatures.containsKey(creature.seed()) || waiting.containsKey(creature.seed())) {
      return false;
    }
    add(creature, picture);
    if (creatures.containsKey(creature.seed())) {
      arrivals.add(creature);
    }
    return true;
  }

  /**
   * Adds a newborn. Its picture is written first, then its index line, so an index line always has
   * its picture. If the disk refuses, the creature lives in memory and {@link #warning()} says so.
   */
  public synchronized void add(Creature creature, Image picture) {
    creatures.put(creature.seed(), creature);
    unsaved.put(creature.seed(), picture);
    flush();
    while (unsaved.size() > MAX_UNSAVED) {
      Long oldest = unsaved.keySet().iterator().next();
      unsaved.remove(oldest);
      creatures.remove(oldest);
    }
  }

  /** Writes every creature the disk has not taken yet, oldest first; called on every add. */
  private void flush() {
    try {
      for (var it = unsaved.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<Long, Image> e = it.next();
        Creature c = creatures.get(e.getKey());
        if (c != null) {
          disk.writePicture(dir.resolve(c.fileName()), e.getValue());
          // after a failed append the index may end mid-line: a newline first keeps this line whole
          disk.append(dir.resolve(INDEX), (tornTail ? "\n" : "") + Index.line(c) + "\n");
          tornTail = false;
        }
        it.remove();
      }
      if (warning != null) {
        LOG.info("archive: the disk takes creatures again");
        warning = null;
      }
    } catch (IOException e) {
      tornTail = true;
      String trouble = trouble(e, dir);
      if (warning == null && !mishmash.log.Ending.now()) { // a write cut off by the program ending is no news
        LOG.warn("archive: {} ({}: {}); breeding goes on in memory", trouble, dir, e.getMessage());
      }
      warning = trouble + ": " + unsaved.size() + " new creatures are kept in memory only, and saved when it"
          + " takes them again (" + dir + ")";
    }
  }

  /** What went wrong, in words for the wall: a full disk, a read-only folder, or another failure. */
  static String trouble(IOException e, Path dir) {
    String m = String.valueOf(e.getMessage());
    long free = Long.MAX_VALUE;
    try {
      free = Files.getFileStore(dir).getUsableSpace();
    } catch (IOException | RuntimeException ignored) {
      // unknown
    }
    if (m.contains("No space left") || m.contains("Disk quota") || free < 1 << 20) {
      return "The disk is full";
    }
    if (e instanceof AccessDeniedException || m.contains("Read-only file system") || m.contains("Permission denied")) {
      return "The archive folder is read-only";
    }
    return "Cannot write to the archive (" + m + ")";
  }

  /** Why new creatures are not reaching the disk, or null when all is well. */
  public synchronized String warning() {
    return warning;
  }

  /** Removes the oldest creatures not in {@code keep} until at most {@code max} remain. */
  public synchronized void retain(Set<Long> keep) {
    if (!owner || creatures.size() <= max) {
      return;
    }
    List<Long> doomed = new ArrayList<>();
    int excess = creatures.size() - max;
    for (Long seed : creatures.keySet()) {
      if (doomed.size() == excess) {
        break;
      }
      if (!keep.contains(seed)) {
        doomed.add(seed);
      }
    }
    for (Long seed : doomed) {
      creatures.remove(seed);
      if (unsaved.remove(seed) != null) {
        continue; // never reached the disk
      }
      try {
        disk.append(dir.resolve(INDEX), Index.deletion(seed) + "\n");
        Files.deleteIfExists(dir.resolve(seed + ".png"));
        deletions++;
      } catch (IOException e) {
        logs.warn("retain", "archive: could not remove " + seed + " to stay within " + max + " (" + e.getMessage() + ")");
      }
    }
    if (deletions > max / 4) {
      compact();
    }
  }

  /** Writes what the grid shows, atomically. Returns false (and logs) if the disk refused. */
  public boolean saveGrid(GridState state) {
    JsonObject o = new Gson().toJsonTree(state).getAsJsonObject();
    try {
      AtomicFile.writeString(dir.resolve(GRID), o + "\n");
      return true;
    } catch (IOException e) {
      logs.warn("grid", "archive: could not save the grid (" + e.getMessage() + ")");
      return false;
    }
  }

  /** The grid as last saved, if any and if readable. */
  public Optional<GridState> loadGrid() {
    Path file = dir.resolve(GRID);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      GridState state = new Gson().fromJson(Files.readString(file), GridState.class);
      return Optional.of(new GridState(state.columns(), state.rows(), state.cells(), state.births(), state.seed()));
    } catch (IOException | RuntimeException e) {
      LOG.warn("archive: {} is unreadable ({}); starting a new grid", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Lets go of the archive's lock (a process that ends lets go of it anyway). */
  @Override
  public synchronized void close() {
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  /** A creature as one index line (JSON), as another machine receives it. */
  public static String lineOf(Creature c) {
    return Index.line(c);
  }

  /**
   * A creature from an index line another machine sent.
   *
   * @throws IllegalArgumentException if it is not a creature's line
   */
  public static Creature creatureOf(String line) {
    Index.Entry e = Index.parse(line);
    if (e.creature() == null) {
      throw new IllegalArgumentException("not a creature's line");
    }
    return e.creature();
  }

  /** True once the creature's picture and line are on disk (not only in memory). */
  public synchronized boolean saved(long seed) {
    return creatures.containsKey(seed) && !unsaved.containsKey(seed);
  }

  /** Test hook: look for the pictures of waiting creatures now, and clear orphans now. */
  synchronized void recheckNow() {
    tidy();
  }

  /** Test hook: where bytes go. */
  synchronized void useDisk(Disk disk) {
    this.disk = disk;
  }

  synchronized Collection<Long> unsavedSeeds() {
    return new ArrayList<>(unsaved.keySet());
  }
}
