package mishmash.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file a person may have edited or replaced (a model's model.json, a preset, a
 * recorded performance), so that a file that is not text at all (a picture saved under the wrong
 * name, a disk error, a copy cut short) is named in the message, with where it goes wrong, instead
 * of Java's "Input length = 1".
 */
public final class Text {
  private Text() {}

  /**
   * The file's text, as UTF-8.
   *
   * @throws IOException naming the file, when it cannot be read or is not UTF-8 text
   */
  public static String read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException(file + " cannot be read (" + e.getMessage() + ")", e);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new IOException(file + " is not a text file (byte " + (in.position() + 1) + " of " + bytes.length
          + " is not UTF-8): is it the right file? Replace it with a good copy");
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
