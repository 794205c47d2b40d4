package mishmash.mlp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import mishmash.files.AtomicFile;
import mishmash.files.Header;
import mishmash.train.Progress;

/**
 * Rows of numbers that take long to compute (features of pictures a generator draws, of specimens)
 * and never change for the same inputs: computed in chunks, each chunk kept in a file of its own
 * under {@code folder}, named after a key that says what went into it (a model's fingerprint, the
 * seeds, the settings). A command that is stopped — even with {@code kill -9} — loses at most the
 * chunk it was computing; run again, it reads the chunks it has and computes the rest. A damaged or
 * foreign chunk file is computed again.
 */
public final class Rows {
  static final String MAGIC = "mishmash-rows";
  static final int VERSION = 1;

  /** Computes rows {@code from} to {@code from + count - 1}, each a float[] of the same width. */
  public interface Maker {
    float[][] make(int from, int count);
  }

  private Rows() {}

  /**
   * Rows 0 to {@code total - 1}, from the folder where they were kept, the rest made by {@code maker}
   * {@code chunk} rows at a time with a progress bar.
   *
   * @param key what the rows are made from; another key never reads these chunks
   */
  public static float[][] get(Path folder, String key, int total, int chunk, String label, Maker maker) throws IOException {
    if (key.length() > 10_000) {
      throw new IllegalArgumentException("a key of " + key.length() + " characters; keep it short (hash what is long)");
    }
    Files.createDirectories(folder);
    String name = name(key);
    float[][] rows = new float[total][];
    int missing = 0;
    for (int from = 0; from < total; from += chunk) {
      int n = Math.min(chunk, total - from);
      float[][] kept = read(folder.resolve(file(name, from, n)), key, n);
      if (kept == null) {
        missing += n;
      } else {
        System.arraycopy(kept, 0, rows, from, n);
      }
    }
    if (missing > 0) {
      Progress progress = new Progress(label, missing);
      for (int from = 0; from < total; from += chunk) {
        int n = Math.min(chunk, total - from);
        if (rows[from] != null) {
          continue;
        }
        float[][] made = maker.make(from, n);
        if (made.length != n) {
          throw new IllegalStateException("asked for " + n + " rows, made " + made.length);
        }
        write(folder.resolve(file(name, from, n)), key, made);
        System.arraycopy(made, 0, rows, from, n);
        progress.step(n);
      }
      progress.done();
    }
    return rows;
  }

  static String file(String name, int from, int n) {
    return name + "-" + from + "+" + n + ".rows";
  }

  /** A short file name for a key. */
  static String name(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static float[][] read(Path file, String key, int n) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (Header.version(in, MAGIC) != VERSION || !key.equals(in.readUTF()) || in.readInt() != n) {
        return null;
      }
      int width = in.readInt();
      if (width < 0 || (long) width * n > 1L << 28) {
        return null;
      }
      float[][] rows = new float[n][width];
      for (float[] row : rows) {
        for (int j = 0; j < width; j++) {
          row[j] = in.readFloat();
        }
      }
      return in.read() == -1 ? rows : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void write(Path file, String key, float[][] rows) throws IOException {
    AtomicFile.write(file, stream -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
      Header.write(out, MAGIC, VERSION);
      out.writeUTF(key);
      out.writeInt(rows.length);
      out.writeInt(rows.length == 0 ? 0 : rows[0].length);
      for (float[] row : rows) {
        for (float v : row) {
          out.writeFloat(v);
        }
      }
      out.flush();
    });
  }
}
