import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import mishmash.specimens.Dataset;
import mishmash.specimens.Specimen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless data-set mode of the Specimens sketch: files, determinism, and that the pictures differ. */
class SpecimensTest {
  static final int COUNT = 8;
  static final int SIZE = 64;

  @TempDir
  static Path first;
  @TempDir
  static Path second;

  @BeforeAll
  static void drawTwice() {
    System.setProperty("java.awt.headless", "true");
    generate(first, 7);
    generate(second, 7);
  }

  static void generate(Path dir, long seed) {
    Specimens.main(new String[] {"--out", dir.toString(), "--count", "" + COUNT, "--size", "" + SIZE, "--seed", "" + seed});
  }

  static BufferedImage read(Path dir, String domain, int i) throws IOException {
    return ImageIO.read(dir.resolve(domain).resolve(String.format("%05d.png", i)).toFile());
  }

  static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void writesEveryPictureAtTheAskedSize() throws IOException {
    for (String domain : Specimen.DOMAINS) {
      try (var files = Files.list(first.resolve(domain))) {
        assertEquals(COUNT, files.filter(f -> f.toString().endsWith(".png")).count(), domain);
      }
      for (int i = 0; i < COUNT; i++) {
        BufferedImage image = read(first, domain, i);
        assertEquals(SIZE, image.getWidth(), domain + " " + i);
        assertEquals(SIZE, image.getHeight(), domain + " " + i);
      }
    }
  }

  @Test
  void sameSeedGivesTheSamePixels() throws IOException {
    for (String domain : Specimen.DOMAINS) {
      for (int i = 0; i < COUNT; i++) {
        assertArrayEquals(pixels(read(first, domain, i)), pixels(read(second, domain, i)), domain + " " + i);
      }
    }
  }

  @Test
  void aFreshCanvasDrawsWhatTheGeneratorWrote() throws IOException {
    // the generator reuses one canvas per thread; nothing may leak from one picture into the next
    for (int kind = 0; kind < 3; kind++) {
      for (int i = COUNT - 1; i >= 0; i -= 3) {
        BufferedImage fresh = Dataset.render(Dataset.offscreen(SIZE), kind, Dataset.seedOf(7, i));
        assertArrayEquals(pixels(read(first, Specimen.DOMAINS[kind], i)), pixels(fresh), Specimen.DOMAINS[kind] + " " + i);
      }
    }
  }

  @Test
  void existingPicturesAreKeptAndMissingOnesRedrawn() throws IOException {
    Path faces = second.resolve("faces");
    Files.delete(faces.resolve("00003.png"));
    Files.writeString(faces.resolve("00004.png"), "not touched");
    generate(second, 7);
    assertEquals("not touched", Files.readString(faces.resolve("00004.png")));
    assertArrayEquals(pixels(read(first, "faces", 3)), pixels(read(second, "faces", 3)));
    Files.delete(faces.resolve("00004.png"));
    generate(second, 7);   // leave the directory as it was for the other tests
  }

  @Test
  void noTwoPicturesAreAlike() throws IOException {
    for (String domain : Specimen.DOMAINS) {
      Set<Integer> seen = new HashSet<>();
      double spread = 0;
      double[][] luma = new double[COUNT][];
      for (int i = 0; i < COUNT; i++) {
        int[] p = pixels(read(first, domain, i));
        assertTrue(seen.add(Arrays.hashCode(p)), domain + " " + i + " repeats an earlier picture");
        luma[i] = Arrays.stream(p).mapToDouble(SpecimensTest::luma).toArray();
      }
      // standard deviation of each pixel across the pictures, averaged over all pixels
      for (int px = 0; px < SIZE * SIZE; px++) {
        double mean = 0;
        double square = 0;
        for (double[] l : luma) {
          mean += l[px];
          square += l[px] * l[px];
        }
        mean /= COUNT;
        spread += Math.sqrt(Math.max(0, square / COUNT - mean * mean));
      }
      spread /= SIZE * SIZE;
      assertTrue(spread > 18, domain + " pictures are too much alike: pixel spread " + spread);
    }
  }

  @Test
  void theThreeDomainsLookDifferent() throws IOException {
    double[][] features = new double[3][];
    for (int d = 0; d < 3; d++) {
      features[d] = new double[5];
      for (int i = 0; i < COUNT; i++) {
        double[] f = features(read(first, Specimen.DOMAINS[d], i));
        for (int k = 0; k < f.length; k++) {
          features[d][k] += f[k] / COUNT;
        }
      }
    }
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        double distance = 0;
        for (int k = 0; k < 5; k++) {
          distance += Math.pow(features[a][k] - features[b][k], 2);
        }
        distance = Math.sqrt(distance);
        assertTrue(distance > 25, Specimen.DOMAINS[a] + " and " + Specimen.DOMAINS[b] + " look alike: "
            + Arrays.toString(features[a]) + " vs " + Arrays.toString(features[b]));
      }
    }
    // and what makes them recognisable: cells sit in a dark round field, machines are busy with edges,
    // faces are the most colourful
    assertTrue(features[2][2] < features[0][2] && features[2][2] < features[1][2], "cells have dark corners");
    assertTrue(features[1][3] > features[0][3], "machines have more edges than faces");
    assertTrue(features[0][4] > features[2][4], "faces are more colourful than cells");
  }

  @Test
  void differentSeedsGiveDifferentPictures() throws IOException {
    Path other = first.resolve("other");
    generate(other, 8);
    for (String domain : Specimen.DOMAINS) {
      assertFalse(Arrays.equals(pixels(read(first, domain, 0)), pixels(read(other, domain, 0))), domain);
    }
  }

  static double luma(int rgb) {
    return (((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255)) / 3.0;
  }

  /** Mean brightness, contrast, brightness of the corners, edge strength, and colourfulness. */
  static double[] features(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] p = pixels(image);
    double sum = 0;
    double square = 0;
    double corners = 0;
    int cornerCount = 0;
    double edges = 0;
    double colour = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int c = p[y * w + x];
        int r = (c >> 16) & 255;
        int g = (c >> 8) & 255;
        int b = c & 255;
        double l = luma(c);
        sum += l;
        square += l * l;
        colour += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        if ((x < w / 8 || x >= w - w / 8) && (y < h / 8 || y >= h - h / 8)) {
          corners += l;
          cornerCount++;
        }
        if (x > 0) {
          edges += Math.abs(l - luma(p[y * w + x - 1]));
        }
      }
    }
    double n = w * h;
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(square / n - mean * mean), corners / cornerCount, 4 * edges / n, colour / n};
  }
}
