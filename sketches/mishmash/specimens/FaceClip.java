package mishmash.specimens;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import mishmash.capture.VideoWriter;
import processing.awt.PGraphicsJava2D;

/**
 * A drawn face that turns its head and smiles, as a video: the clip the mirror is tested and
 * measured on, with the truth beside it. One person from the seed; every frame draws them again with
 * a new head turn ({@code yaw}), smile and mouth opening, and nothing else changes. For the first
 * {@code --empty} seconds nobody is there (the room alone), so the mirror can be seen to turn to the
 * face when it appears. {@code --still} keeps the face still, for measuring how calm the reflection
 * stays. {@code --photo FILE} shows a photograph instead of a drawn face (after the empty seconds,
 * drifting gently as a hand-held camera would), for a test clip of a real face.
 *
 * <pre>
 * mvn -q compile exec:java -Dsketch=mishmash.specimens.FaceClip -Dargs="--out data/clips/turn-and-smile.ogv"
 * </pre>
 *
 * Beside {@code clip.ogv} it writes {@code clip.jsonl}: per frame, its time and what the face does.
 */
public final class FaceClip {
  static final String USAGE = "usage: FaceClip --out FILE.ogv [--seconds 8] [--fps 15] [--seed 3] [--empty 1] [--still]"
      + " [--size 640x480] [--photo FILE]";

  /** One frame of a clip and what the face in it does (yaw and smile as in attributes.jsonl). */
  public record Shot(BufferedImage picture, double t, boolean face, float yaw, float smile, float mouthOpen) {}

  /** The frames of a clip: the person of {@code seed}, after {@code empty} seconds of nobody. */
  public static List<Shot> shots(long seed, double seconds, int fps, double empty, boolean still, int w, int h) {
    PGraphicsJava2D canvas = Dataset.offscreen(Math.min(w, h));
    List<Shot> out = new ArrayList<>();
    int n = (int) Math.round(seconds * fps);
    for (int f = 0; f < n; f++) {
      double t = f / (double) fps;
      Moment m = Moment.at(t, empty, still);
      out.add(new Shot(frame(canvas, seed, m, w, h), t, m.face(), m.yaw(), m.smile(), m.mouthOpen()));
    }
    return out;
  }

  /** What the face does at time t: the head turns left and right every 4 s, smiles come and go every 3 s. */
  record Moment(boolean face, float yaw, float smile, float mouthOpen) {
    static Moment at(double t, double empty, boolean still) {
      if (t < empty) {
        return new Moment(false, 0, 0, 0);
      }
      if (still) {
        return new Moment(true, 0.1f, 0.2f, 0.05f);
      }
      double u = t - empty;
      float yaw = (float) Math.sin(2 * Math.PI * u / 4);
      float smile = (float) (-0.6 + 1.6 * (1 - Math.cos(2 * Math.PI * u / 3)) / 2);
      float open = (float) Math.max(0, Math.sin(2 * Math.PI * u / 5)) * 0.6f;
      return new Moment(true, yaw, smile, open);
    }
  }

  private FaceClip() {}

  public static void main(String[] args) throws IOException {
    Path out = null;
    double seconds = 8;
    int fps = 15;
    long seed = 3;
    double empty = 1;
    boolean still = false;
    int w = 640;
    int h = 480;
    BufferedImage photo = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Paths.get(Dataset.value(args, ++i, "--out", USAGE));
        case "--seconds" -> seconds = Double.parseDouble(Dataset.value(args, ++i, "--seconds", USAGE));
        case "--fps" -> fps = Integer.parseInt(Dataset.value(args, ++i, "--fps", USAGE));
        case "--seed" -> seed = Long.parseLong(Dataset.value(args, ++i, "--seed", USAGE));
        case "--empty" -> empty = Double.parseDouble(Dataset.value(args, ++i, "--empty", USAGE));
        case "--still" -> still = true;
        case "--photo" -> photo = javax.imageio.ImageIO.read(Paths.get(Dataset.value(args, ++i, "--photo", USAGE)).toFile());
        case "--size" -> {
          String[] wh = Dataset.value(args, ++i, "--size", USAGE).split("x");
          w = Integer.parseInt(wh[0]);
          h = Integer.parseInt(wh[1]);
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out is missing\n" + USAGE);
    }
    List<BufferedImage> frames = new ArrayList<>();
    StringBuilder truth = new StringBuilder();
    int n = (int) Math.round(seconds * fps);
    if (photo != null) {
      for (int f = 0; f < n; f++) {
        double t = f / (double) fps;
        frames.add(photoFrame(photo, t >= empty, t, w, h));
      }
    } else {
      for (Shot s : shots(seed, seconds, fps, empty, still, w, h)) {
        frames.add(s.picture());
        truth.append(String.format(Locale.ROOT, "{\"frame\":%d,\"t\":%.4f,\"face\":%b,\"yaw\":%.4f,\"smile\":%.4f,"
            + "\"mouthOpen\":%.4f}%n", frames.size() - 1, s.t(), s.face(), s.yaw(), s.smile(), s.mouthOpen()));
      }
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    VideoWriter.write(out, frames, fps);
    if (photo == null) {
      String name = out.getFileName().toString();
      Files.writeString(out.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".jsonl"), truth,
          StandardCharsets.UTF_8);
    }
    System.out.println("wrote " + n + " frames to " + out);
  }

  /** The photo filling a w × h frame, drifting a few pixels and breathing in and out; grey before it appears. */
  static BufferedImage photoFrame(BufferedImage photo, boolean there, double t, int w, int h) {
    BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(new Color(96, 98, 94));
    g.fillRect(0, 0, w, h);
    if (there) {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      double zoom = 1.04 + 0.03 * Math.sin(t * 1.3);
      int pw = (int) (w * zoom);
      int ph = (int) (h * zoom);
      int dx = (int) (-(pw - w) / 2 + 4 * Math.sin(t * 2.1));
      int dy = (int) (-(ph - h) / 2 + 3 * Math.cos(t * 1.7));
      g.drawImage(photo, dx, dy, pw, ph, null);
    }
    g.dispose();
    return frame;
  }

  /** The person of the seed, doing what the moment says, in the middle of a w × h frame. */
  static BufferedImage frame(PGraphicsJava2D canvas, long seed, Moment m, int w, int h) {
    Person p = new Person(new Random(Specimen.stir(seed)));
    p.yaw = m.yaw();
    p.smile = m.smile();
    p.mouthOpen = m.mouthOpen();
    p.x = 0;
    p.y = 0;
    Random details = new Random(Specimen.stir(seed + 1)); // the same strands of hair in every frame
    if (m.face()) {
      Specimen.onCanvas(canvas, () -> {
        Faces.draw(canvas, p, details);
        return null;
      });
    } else {
      Specimen.onCanvas(canvas, () -> {
        Faces.backdrop(canvas, details, p);
        return null;
      });
    }
    BufferedImage square = Dataset.picture(canvas);
    BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    int side = Math.min(w, h);
    int edge = square.getRGB(0, square.getHeight() / 2);
    g.setColor(new Color(edge));
    g.fillRect(0, 0, w, h);
    g.drawImage(square, (w - side) / 2, (h - side) / 2, side, side, null);
    g.dispose();
    return frame;
  }
}
