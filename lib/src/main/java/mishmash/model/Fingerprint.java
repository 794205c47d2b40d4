package mishmash.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generator a file made for it belongs to: a SHA-256 over the weight files its model.json
 * names (role, file name and bytes, roles in alphabetical order), written as {@code sha256:} and 32
 * hex digits. An inverter or a dials file records its generator's name and fingerprint, and refuses
 * to load beside another one: retrained weights under the same name are another generator.
 *
 * <p>Hashing reads the weights once per process (a 4 MB model takes a few milliseconds, a 100 MB
 * StyleGAN about half a second); the result is kept until a file's size or time changes.
 */
public final class Fingerprint {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Fingerprint() {}

  /** The fingerprint of the generator whose manifest this is. */
  public static String of(Manifest generator) {
    Map<String, String> files = new TreeMap<>(generator.files());
    StringBuilder key = new StringBuilder();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path f = generator.folder().resolve(e.getValue());
      try {
        key.append(f.toAbsolutePath()).append('|').append(Files.size(f)).append('|')
            .append(Files.getLastModifiedTime(f).toMillis()).append(';');
      } catch (IOException ex) {
        throw new ModelException(f, "cannot be read to check which generator this is (" + ex.getMessage() + ").", ex);
      }
    }
    return CACHE.computeIfAbsent(key.toString(), k -> hash(generator, files));
  }

  private static String hash(Manifest generator, Map<String, String> files) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[1 << 16];
    for (Map.Entry<String, String> e : files.entrySet()) {
      sha.update((e.getKey() + "=" + e.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
      Path f = generator.folder().resolve(e.getValue());
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      } catch (IOException ex) {
        throw new ModelException(f, "cannot be read to check which generator this is (" + ex.getMessage() + ").", ex);
      }
    }
    return "sha256:" + HexFormat.of().formatHex(sha.digest(), 0, 16);
  }
}
