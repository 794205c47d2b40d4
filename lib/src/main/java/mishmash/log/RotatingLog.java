package mishmash.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A log that cannot fill the disk: lines go to {@code grid.log}; when it reaches {@code maxBytes}
 * it becomes {@code grid.log.1} (the older ones move up to {@code .2} ... {@code .keep}, the oldest
 * goes), so the log takes at most {@code maxBytes × (keep + 1)}. Each line is stamped with the local
 * time. A disk that refuses the log does not stop the program: lines are dropped and counted.
 */
public final class RotatingLog implements AutoCloseable {
  public static final long DEFAULT_BYTES = 2L << 20;
  public static final int DEFAULT_KEEP = 4;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Path file;
  private final long maxBytes;
  private final int keep;
  private OutputStream out;
  private long size;
  private long dropped;

  public RotatingLog(Path file) {
    this(file, DEFAULT_BYTES, DEFAULT_KEEP);
  }

  public RotatingLog(Path file, long maxBytes, int keep) {
    this.file = file;
    this.maxBytes = Math.max(1024, maxBytes);
    this.keep = Math.max(1, keep);
  }

  public Path file() {
    return file;
  }

  /** Lines that could not be written (a full or read-only disk). */
  public synchronized long dropped() {
    return dropped;
  }

  /** Appends one line, stamped. */
  public synchronized void line(String text) {
    byte[] bytes = (LocalDateTime.now().format(STAMP) + "  " + text + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (out == null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
      }
      if (size + bytes.length > maxBytes && size > 0) {
        rotate();
      }
      out.write(bytes);
      out.flush();
      size += bytes.length;
    } catch (IOException e) {
      dropped++;
      closeQuietly();
    }
  }

  private void rotate() throws IOException {
    closeQuietly();
    Files.deleteIfExists(numbered(keep));
    for (int i = keep - 1; i >= 1; i--) {
      if (Files.exists(numbered(i))) {
        Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    size = 0;
  }

  private Path numbered(int i) {
    return file.resolveSibling(file.getFileName() + "." + i);
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
      out = null;
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}
