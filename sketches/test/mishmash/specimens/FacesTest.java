package mishmash.specimens;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a face's attributes promise shows in its picture, and faces cover the ranges the issue asks for. */
class FacesTest {
  static final int SIZE = 128;

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** The face of seed, changed by {@code change}, in plain light on a plain wall, straight in the middle. */
  static BufferedImage face(long seed, Consumer<Person> change) {
    Random rnd = new Random(seed);
    Person p = new Person(rnd);
    p.x = 0;
    p.y = 0;
    p.scale = 1;
    p.roll = 0;
    p.pitch = 0;
    p.light = 0;
    p.contrast = 0.8f;
    p.backdrop = "plain";
    p.hat = "none";
    p.hairStyle = "bald";
    p.beard = "none";
    p.glasses = false;
    p.skin = Person.tone(0.3f);
    change.accept(p);
    var canvas = Dataset.offscreen(SIZE);
    Specimen.onCanvas(canvas, () -> {
      Faces.draw(canvas, p, rnd);
      return null;
    });
    return Dataset.picture(canvas);
  }

  /** The person's build, to know where their features are in the picture (at scale 1, in the middle). */
  static Person person(long seed) {
    return new Person(new Random(seed));
  }

  /** Picture pixels of a canvas point (the canvas is 256 wide, the head's middle at 128, 120). */
  static int px(float canvas) {
    return Math.round(canvas * SIZE / 256f);
  }

  /** The mean x of the pixels between the eyes and the mouth that are much darker than the skin there: eyes, nostrils, lips. */
  static double featureCentre(BufferedImage image, Person p) {
    int y0 = px(120 + p.eyeY - p.eyeH);
    int y1 = px(120 + p.mouthY + 4);
    int x0 = px(128 - p.hw);
    int x1 = px(128 + p.hw);
    double skin = Pictures.luma(Person.tone(0.3f));
    double sum = 0;
    double n = 0;
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double dark = skin * 0.6 - Pictures.luma(image.getRGB(x, y));
        if (dark > 0) {
          sum += x * dark;
          n += dark;
        }
      }
    }
    return sum / n;
  }

  @Test
  void turningTheHeadMovesTheFeaturesToThatSide() {
    for (long seed : new long[] {3, 17, 42}) {
      Person p = person(seed);
      double left = featureCentre(face(seed, q -> q.yaw = -1), p);
      double ahead = featureCentre(face(seed, q -> q.yaw = 0), p);
      double right = featureCentre(face(seed, q -> q.yaw = 1), p);
      assertTrue(right > ahead + 6 && left < ahead - 6, "seed " + seed + ": features at x " + left + ", " + ahead + ", " + right
          + " for yaw -1, 0, 1");
    }
  }

  @Test
  void anOpenMouthShowsItsDarkInside() {
    for (long seed : new long[] {3, 17, 42}) {
      Person p = person(seed);
      int closed = darkPixels(face(seed, q -> { q.mouthOpen = 0; q.round = 0; }), p);
      int open = darkPixels(face(seed, q -> { q.mouthOpen = 1; q.round = 0; }), p);
      assertTrue(open > closed + 25, "seed " + seed + ": " + closed + " dark pixels at the closed mouth, " + open + " open");
    }
  }

  /** Pixels near black around the mouth. */
  static int darkPixels(BufferedImage image, Person p) {
    int n = 0;
    for (int y = px(120 + p.mouthY - 6); y <= px(120 + p.mouthY + p.mouthW * 0.8f); y++) {
      for (int x = px(128 - p.mouthW * 0.6f); x <= px(128 + p.mouthW * 0.6f); x++) {
        n += Pictures.luma(image.getRGB(x, y)) < 45 ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void sunglassesDarkenTheEyesAndGlassesFrameThem() {
    for (long seed : new long[] {3, 17, 42}) {
      Person p = person(seed);
      double bare = edges(face(seed, q -> q.glasses = false), p);
      double glasses = edges(face(seed, q -> { q.glasses = true; q.sunglasses = false; q.frame = "square"; q.frameColour = 0xFF111111; }), p);
      assertTrue(glasses > bare * 1.3, "seed " + seed + ": edges round the eyes " + bare + " bare, " + glasses + " with glasses");
      double open = eyeLight(face(seed, q -> q.glasses = false), p);
      double dark = eyeLight(face(seed, q -> { q.glasses = true; q.sunglasses = true; }), p);
      assertTrue(dark < open - 30, "seed " + seed + ": the eyes' brightness " + open + " bare, " + dark + " behind sunglasses");
    }
  }

  @Test
  void oldFacesAreLined() {
    for (long seed : new long[] {3, 17, 42}) {
      Person p = person(seed);
      // the forehead, between the top of the head and the brows
      double young = edges(face(seed, q -> q.age = 0.3f), p, p.hh * -0.6f, p.browY - 6);
      double old = edges(face(seed, q -> q.age = 1), p, p.hh * -0.6f, p.browY - 6);
      assertTrue(old > young * 1.3, "seed " + seed + ": lines on the forehead " + young + " at 30, " + old + " at 85");
    }
  }

  /** Edge strength along the eyes. */
  static double edges(BufferedImage image, Person p) {
    return edges(image, p, p.eyeY - p.eyeW * 0.6f, p.eyeY + p.eyeW * 0.6f);
  }

  /** Edge strength over the face between heights y0 and y1 of the head. */
  static double edges(BufferedImage image, Person p, float y0, float y1) {
    double e = 0;
    for (int y = px(120 + y0); y <= px(120 + y1); y++) {
      for (int x = px(128 - p.hw * 0.9f); x <= px(128 + p.hw * 0.9f); x++) {
        e += Math.abs(Pictures.luma(image.getRGB(x, y)) - Pictures.luma(image.getRGB(x - 1, y)))
            + Math.abs(Pictures.luma(image.getRGB(x, y)) - Pictures.luma(image.getRGB(x, y - 1)));
      }
    }
    return e;
  }

  static double eyeLight(BufferedImage image, Person p) {
    double sum = 0;
    int n = 0;
    for (int side = -1; side <= 1; side += 2) {
      for (int y = px(120 + p.eyeY - 3); y <= px(120 + p.eyeY + 3); y++) {
        for (int x = px(128 + side * p.eyeX - 5); x <= px(128 + side * p.eyeX + 5); x++) {
          sum += Pictures.luma(image.getRGB(x, y));
          n++;
        }
      }
    }
    return sum / n;
  }

  @Test
  void facesCoverAgesTurnsMoodsAndLooks() {
    List<Attributes> faces = Pictures.attributes(0, 400, 1);
    double[] lowest = {9, 9, 9, 9};
    double[] highest = {-9, -9, -9, -9};
    String[] range = {"age", "yaw", "smile", "skinTone"};
    int open = 0;
    int glasses = 0;
    int beards = 0;
    Set<String> moods = new HashSet<>();
    Set<String> hair = new HashSet<>();
    Set<String> backgrounds = new HashSet<>();
    for (Attributes a : faces) {
      for (int i = 0; i < range.length; i++) {
        lowest[i] = Math.min(lowest[i], a.number(range[i]));
        highest[i] = Math.max(highest[i], a.number(range[i]));
      }
      open += a.number("mouthOpen") > 0.4 ? 1 : 0;
      glasses += (int) a.number("glasses");
      beards += (int) a.number("beard");
      moods.add(a.text("mood"));
      hair.add(a.text("hairStyle"));
      backgrounds.add(a.text("background"));
    }
    assertTrue(lowest[0] < 0.05 && highest[0] > 0.95, "ages from " + lowest[0] + " to " + highest[0]);
    assertTrue(lowest[1] < -0.9 && highest[1] > 0.9, "head turns from " + lowest[1] + " to " + highest[1]);
    assertTrue(lowest[2] < -0.6 && highest[2] > 0.9, "smiles from " + lowest[2] + " to " + highest[2]);
    assertTrue(lowest[3] < 0.05 && highest[3] > 0.95, "skin tones from " + lowest[3] + " to " + highest[3]);
    assertTrue(open > 40 && glasses > 20 && beards > 20, open + " open mouths, " + glasses + " glasses, " + beards + " beards in 400");
    assertTrue(moods.size() == Person.MOODS.length, "moods " + moods);
    assertTrue(hair.size() >= Person.HAIR_STYLES.length, "hair " + hair);
    assertTrue(backgrounds.size() == Person.BACKDROPS.length, "backgrounds " + backgrounds);
  }
}
