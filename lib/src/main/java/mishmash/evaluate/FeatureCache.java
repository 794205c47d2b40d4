package mishmash.evaluate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import mishmash.files.AtomicFile;
import mishmash.files.Header;

/**
 * Features of pictures that do not change between runs (the specimen sets, the domain reader's
 * examples) and the trained domain reader, kept in a folder under names that are hashes of what
 * they were computed from: a changed specimen gives a new name, so nothing stale is ever read. A
 * damaged file is computed again.
 */
final class FeatureCache {
  static final String MAGIC = "mishmash-features";
  static final int VERSION = 1;

  private final Path folder;

  FeatureCache(Path folder) {
    this.folder = folder;
  }

  Path folder() {
    return folder;
  }

  /** The features stored under {@code key}, or null when there are none (or they are damaged). */
  float[][] features(String key) {
    Path file = folder.resolve(key + ".features");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (Header.version(in, MAGIC) != VERSION) {
        return null;
      }
      int n = in.readInt();
      int d = in.readInt();
      if (n < 0 || d < 1 || (long) n * d > 1L << 28) {
        return null;
      }
      float[][] out = new float[n][];
      for (int i = 0; i < n; i++) {
        out[i] = DomainReader.readFloats(in, d);
      }
      return out;
    } catch (IOException e) {
      return null;
    }
  }

  void putFeatures(String key, float[][] features) throws IOException {
    Files.createDirectories(folder);
    AtomicFile.write(folder.resolve(key + ".features"), stream -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
      Header.write(out, MAGIC, VERSION);
      out.writeInt(features.length);
      out.writeInt(features.length == 0 ? 1 : features[0].length);
      for (float[] row : features) {
        DomainReader.writeFloats(out, row);
      }
      out.flush();
    });
  }

  /** The domain reader stored under {@code key}, or null. */
  DomainReader reader(String key) {
    Path file = folder.resolve(key + ".reader");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      return DomainReader.read(in);
    } catch (IOException e) {
      return null;
    }
  }

  void putReader(String key, DomainReader reader) throws IOException {
    Files.createDirectories(folder);
    AtomicFile.write(folder.resolve(key + ".reader"), stream -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
      reader.write(out);
      out.flush();
    });
  }

  /** A short hex name for a SHA-256 digest. */
  static String name(String prefix, byte[] digest) {
    return prefix + "-" + HexFormat.of().formatHex(digest, 0, 12);
  }
}
