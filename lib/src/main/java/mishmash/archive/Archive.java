package mishmash.archive;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import mishmash.model.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive on disk: every creature as {@code <seed>.png}, one {@code index.jsonl} with a line per
 * creature, and {@code grid.json} with what the grid shows. Pictures and the grid file are written
 * atomically (temporary file, then rename); index lines are appended and forced to disk, and a
 * torn last line is skipped on the next start. Retention keeps at most {@code max} creatures,
 * removing the oldest one that is not on the grid. If the disk is full or read-only, creatures
 * are kept in memory, {@link #warning()} says so, and they are written when the disk recovers.
 * Thread-safe.
 */
public final class Archive {
  public static final int DEFAULT_MAX = 10_000;
  public static final String INDEX = "index.jsonl";
  public static final String GRID = "grid.json";
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
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(false);
      }
    }
  };

  private final Path dir;
  private final int max;
  private final LinkedHashMap<Long, Creature> creatures = new LinkedHashMap<>();
  private final LinkedHashMap<Long, Image> unsaved = new LinkedHashMap<>();
  private Disk disk = REAL_DISK;
  private String warning;
  private boolean tornTail;
  private int deletions;
  private int skipped;
  /** How far into the index file {@link #refresh} has read, and which file that was (its inode). */
  private long indexRead;
  private Object indexFile;

  private Archive(Path dir, int max) {
    this.dir = dir;
    this.max = max;
  }

  public static Archive open(Path dir) {
    return open(dir, DEFAULT_MAX);
  }

  /**
   * Opens (or creates) an archive folder. Unreadable index lines and creatures whose picture is
   * missing are skipped with a log line; the rest loads.
   */
  public static Archive open(Path dir, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("archive.max must be at least 1, not " + max);
    }
    Archive archive = new Archive(dir, max);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      archive.warning = "Cannot create the archive folder " + dir + " (" + e.getMessage()
          + "): creatures are kept in memory only.";
      LOG.warn(archive.warning);
      return archive;
    }
    archive.removeStaleTemporaryFiles();
    archive.load();
    return archive;
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
        if (name.startsWith(".")) {
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

  private void load() {
    Path index = dir.resolve(INDEX);
    if (!Files.exists(index)) {
      return;
    }
    int lineNumber = 0;
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (InputStream in = Files.newInputStream(index);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        take(line, index + " line " + lineNumber);
      }
    } catch (IOException e) {
      warning = "Cannot read " + index + " (" + e.getMessage() + ").";
      LOG.warn(warning);
      return;
    }
    if (skipped > 0 || deletions > 0) {
      compact();
    }
    markIndexRead();
  }

  /** Everything in the index file as it is now is known here. */
  private void markIndexRead() {
    indexRead = indexSize();
    indexFile = indexKey();
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
    Path index = dir.resolve(INDEX);
    long size = indexSize();
    Object key = indexKey();
    if (size < indexRead || (key != null && !key.equals(indexFile))) {
      indexRead = 0; // rewritten (compacted) by another program: read it all again; known creatures are skipped
      indexFile = key;
    }
    if (size == indexRead) {
      return List.of();
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
      LOG.warn("archive: cannot read new lines of {} ({})", index, e.getMessage());
      return List.of();
    }
    int end = added.length;
    while (end > 0 && added[end - 1] != '\n') {
      end--; // a line still being written is read next time
    }
    indexRead += end;
    List<Creature> fresh = new ArrayList<>();
    for (String line : new String(added, 0, end, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      Creature c = take(line, index + ": a line added by another program");
      if (c != null) {
        fresh.add(c);
      }
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
    boolean known = creatures.remove(seed) != null;
    unsaved.remove(seed);
    try {
      Files.deleteIfExists(dir.resolve(seed + ".png"));
      disk.append(dir.resolve(INDEX), (tornTail ? "\n" : "") + Index.deletion(seed) + "\n");
      tornTail = false;
    } catch (IOException e) {
      LOG.warn("archive: could not delete {} ({})", seed, e.getMessage());
    }
    return known;
  }

  /**
   * Applies one index line: a deletion, or a creature whose picture is there (a damaged line or a
   * missing picture is skipped with a log line naming {@code where}).
   *
   * @return the creature, if it was not known here before; otherwise null
   */
  private Creature take(String line, String where) {
    Index.Entry entry;
    try {
      entry = Index.parse(line);
    } catch (IllegalArgumentException e) {
      skip(where + " is damaged (" + e.getMessage() + ")");
      return null;
    }
    if (entry.deleted() != null) {
      creatures.remove(entry.deleted());
      deletions++;
      return null;
    }
    Creature c = entry.creature();
    if (!Files.isRegularFile(dir.resolve(c.fileName()))) {
      skip(where + ": its picture " + c.fileName() + " is missing");
      return null;
    }
    return creatures.put(c.seed(), c) == null ? c : null;
  }

  private void skip(String why) {
    skipped++;
    LOG.warn("archive: skipped {}", why);
  }

  /** Rewrites the index with only the live creatures, atomically. */
  private void compact() {
    StringBuilder text = new StringBuilder();
    for (Creature c : creatures.values()) {
      if (!unsaved.containsKey(c.seed())) {
        text.append(Index.line(c)).append('\n');
      }
    }
    try {
      AtomicFile.writeString(dir.resolve(INDEX), text.toString());
      deletions = 0;
      markIndexRead(); // the new file holds exactly what is known here
    } catch (IOException e) {
      LOG.warn("archive: could not compact the index ({}); it stays as it was", e.getMessage());
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

  /** Index lines and creatures skipped when the archive was opened. */
  public synchronized int skipped() {
    return skipped;
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
    synchronized (this) {
      if (creatures.remove(seed) != null) {
        skip(file + ": the picture is unreadable");
      }
    }
    return Optional.empty();
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
      if (warning == null) {
        LOG.warn("archive: cannot write to {} ({}); breeding goes on in memory", dir, e.getMessage());
      }
      warning = "Cannot write to the archive (" + e.getMessage() + "): " + unsaved.size()
          + " new creatures are kept in memory only.";
    }
  }

  /** Why new creatures are not reaching the disk, or null when all is well. */
  public synchronized String warning() {
    return warning;
  }

  /** Removes the oldest creatures not in {@code keep} until at most {@code max} remain. */
  public synchronized void retain(Set<Long> keep) {
    if (creatures.size() <= max) {
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
        LOG.warn("archive: could not delete {} ({})", seed, e.getMessage());
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
      LOG.warn("archive: could not save the grid ({})", e.getMessage());
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

  /** Test hook: where bytes go. */
  synchronized void useDisk(Disk disk) {
    this.disk = disk;
  }

  synchronized Collection<Long> unsavedSeeds() {
    return new ArrayList<>(unsaved.keySet());
  }
}
