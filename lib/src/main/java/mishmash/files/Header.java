package mishmash.files;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The start of Mishmash's own binary files (weights, training checkpoints): a magic string that
 * says what the file is, then a format version. Reading tells "not this kind of file" apart from
 * "this kind, another version", so each caller can say which in its own words.
 */
public final class Header {
  /** What {@link #version} returns for a file that does not start with the magic string. */
  public static final int NOT_THIS_KIND = -1;

  private Header() {}

  public static void write(DataOutputStream out, String magic, int version) throws IOException {
    out.writeUTF(magic);
    out.writeInt(version);
  }

  /**
   * Reads the header: the file's format version, or {@link #NOT_THIS_KIND} when it does not start
   * with {@code magic} (another file, or too short to tell).
   */
  public static int version(DataInputStream in, String magic) throws IOException {
    String found;
    try {
      found = in.readUTF();
    } catch (IOException e) {
      return NOT_THIS_KIND;
    }
    return magic.equals(found) ? in.readInt() : NOT_THIS_KIND;
  }
}
