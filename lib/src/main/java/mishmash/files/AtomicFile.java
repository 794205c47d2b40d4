package mishmash.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that it is either the old version or the complete new one, never half of it:
 * the bytes go to a temporary file beside it, are forced to disk, and the temporary file is then
 * renamed over the target. A crash or a full disk leaves the old file untouched.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Something that writes the file's bytes. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  public static void write(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      readableByAll(tmp);
      try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel))) {
        writer.write(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temporary files are created private; the finished file should read like any other. */
  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /**
   * Deletes the temporary files that {@link #write} left in {@code dir} when it was killed mid-write,
   * those last changed more than {@code olderThanMillis} ago (another program may be writing there
   * now). Returns how many went.
   */
  public static int removeLeftovers(Path dir, long olderThanMillis) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int removed = 0;
    long before = System.currentTimeMillis() - olderThanMillis;
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(".")
          && f.getFileName().toString().endsWith(".tmp")).toList()) {
        if (Files.getLastModifiedTime(p).toMillis() <= before && Files.deleteIfExists(p)) {
          removed++;
        }
      }
    }
    return removed;
  }

  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
