import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import mishmash.model.Image;
import mishmash.sketch.Headless;
import mishmash.sketch.MishmashSketch;

/** What the workshop pieces' tests share: a headless render with its own data folder, and what it sent over OSC. */
final class Pieces {
  private Pieces() {}

  /** Renders {@code frames} frames (at 320×180 unless told), 30 fps, with {@code --data} in {@code tmp} (no last values). */
  static Path render(MishmashSketch sketch, Path tmp, String name, int frames, String... args) {
    return render(sketch, 320, 180, tmp, name, frames, args);
  }

  static Path render(MishmashSketch sketch, int width, int height, Path tmp, String name, int frames, String... args) {
    List<String> all = new ArrayList<>(List.of("--data", tmp.resolve("data-" + name).toString(), "--seed", "11",
        "--no-midi", "--no-mdns", "--http-port", "0"));
    all.addAll(List.of(args));
    sketch.args = all.toArray(String[]::new);
    Path out = tmp.resolve(name);
    Headless.render(sketch, width, height, 30, frames, out);
    return out;
  }

  static Image frame(Path dir, int f) throws IOException {
    return Image.of(ImageIO.read(dir.resolve(String.format("frame-%05d.png", f)).toFile()));
  }

  /** The pixels of {@code x, y, w, h} in a picture. */
  static int[] crop(Image image, int x, int y, int w, int h) {
    int[] out = new int[w * h];
    for (int j = 0; j < h; j++) {
      System.arraycopy(image.argb(), (y + j) * image.width() + x, out, j * w, w);
    }
    return out;
  }

  /** Mean difference per channel, 0 … 255, of two pictures of the same size. */
  static double difference(Image a, Image b) {
    assertTrue(a.width() == b.width() && a.height() == b.height());
    double sum = 0;
    for (int i = 0; i < a.argb().length; i++) {
      for (int shift = 0; shift < 24; shift += 8) {
        sum += Math.abs((a.argb()[i] >> shift & 0xFF) - (b.argb()[i] >> shift & 0xFF));
      }
    }
    return sum / (3.0 * a.argb().length);
  }

  /** A UDP port that collects the OSC messages a sketch sends to it as a feedback client. */
  static final class Listener implements AutoCloseable {
    final DatagramChannel channel;

    Listener() throws IOException {
      channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
      channel.configureBlocking(false);
    }

    String client() throws IOException {
      return "127.0.0.1:" + ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** Every message that arrived, in order. */
    List<OSCMessage> received() throws Exception {
      List<OSCMessage> out = new ArrayList<>();
      ByteBuffer b = ByteBuffer.allocate(8192);
      long quiet = System.nanoTime() + 500_000_000L;
      while (System.nanoTime() < quiet) {
        b.clear();
        if (channel.receive(b) == null) {
          Thread.sleep(5);
          continue;
        }
        b.flip();
        out.add((OSCMessage) new OSCSerializerAndParserBuilder().buildParser().convert(b));
        quiet = System.nanoTime() + 500_000_000L;
      }
      return out;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
