package mishmash.link;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.model.Image;

/**
 * A creature on the wire: its index line and its picture (PNG, base64) in one JSON object. What
 * arrives is checked before anything is kept: a creature's number (which becomes its file name;
 * nothing else from the network ever names a file), a PNG no larger than {@link #MAX_SIDE} a side
 * (its size is read before it is decoded), and a name that is only a name.
 */
public final class Profiles {
  /** The largest picture taken from the network, a side. */
  public static final int MAX_SIDE = 1024;
  /** The largest message taken, in bytes. */
  public static final int MAX_BYTES = 4 << 20;
  /** The highest creature number (twelve digits, like the grid's and the booth's). */
  static final long MAX_SEED = 999_999_999_999L;

  /** A creature that arrived, with its picture and when it was sent (ms since 1970, or 0). */
  public record Received(Creature creature, Image picture, long sent) {}

  private Profiles() {}

  public static byte[] encode(Creature c, Image picture, long sentMillis) {
    JsonObject o = new JsonObject();
    o.add("index", JsonParser.parseString(Archive.lineOf(c)));
    o.addProperty("picture", Base64.getEncoder().encodeToString(png(picture)));
    if (sentMillis > 0) {
      o.addProperty("sent", sentMillis);
    }
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] png(Image picture) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(picture.toBufferedImage(), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a picture: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a creature sent by another machine.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static Received decode(byte[] payload) {
    if (payload.length > MAX_BYTES) {
      throw new IllegalArgumentException("a message of " + payload.length + " bytes; at most " + MAX_BYTES);
    }
    JsonObject o;
    try {
      o = JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (!o.has("index") || !o.get("index").isJsonObject() || !o.has("picture")) {
      throw new IllegalArgumentException("it needs \"index\" (an index line) and \"picture\" (a PNG in base64)");
    }
    Creature c = Archive.creatureOf(o.get("index").toString());
    if (c.seed() < 1 || c.seed() > MAX_SEED) {
      throw new IllegalArgumentException("creature number " + c.seed() + " is out of range");
    }
    byte[] png;
    try {
      png = Base64.getDecoder().decode(o.get("picture").getAsString());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the picture is not base64");
    }
    long sent = o.has("sent") && o.get("sent").isJsonPrimitive() ? o.get("sent").getAsLong() : 0;
    return new Received(c, picture(png), sent);
  }

  /** A PNG, its size checked before its pixels are decoded. */
  static Image picture(byte[] png) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
          throw new IllegalArgumentException("a picture of " + w + "x" + h + "; at most " + MAX_SIDE + " a side");
        }
        BufferedImage image = reader.read(0);
        return Image.of(image);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw (IllegalArgumentException) e;
      }
      throw new IllegalArgumentException("the picture is not a PNG (" + e.getMessage() + ")");
    }
  }
}
