import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import mishmash.specimens.Attributes;
import mishmash.specimens.Dataset;
import mishmash.specimens.Sheet;
import mishmash.specimens.Specimen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless data-set mode of the Specimens sketch: files, determinism, the attributes file
 * beside the pictures, and that the pictures differ.
 */
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

  /** What every line says, per kind: the parameters a later attribute network learns from. */
  static final List<List<String>> ATTRIBUTES = List.of(
      List.of("file", "seed", "age", "masculine", "skinTone", "yaw", "pitch", "roll", "smile", "mouthOpen", "eyesOpen", "glasses",
          "beard", "hairStyle", "hairLength", "grey", "light", "background", "clothes"),
      List.of("file", "seed", "kind", "material", "gears", "parts", "light"),
      List.of("file", "seed", "stain", "imaging", "density", "cells", "mitoses", "magnification", "fieldStop"));

  static List<String> lines(Path dir, String domain) throws IOException {
    return Files.readAllLines(dir.resolve(domain).resolve(Dataset.ATTRIBUTES));
  }

  @Test
  void everyPictureHasItsLineOfAttributesInOrder() throws IOException {
    for (int kind = 0; kind < 3; kind++) {
      String domain = Specimen.DOMAINS[kind];
      List<String> lines = lines(first, domain);
      assertEquals(COUNT, lines.size(), domain);
      for (int i = 0; i < COUNT; i++) {
        Attributes a = Attributes.parse(lines.get(i));
        assertEquals(String.format("%05d.png", i), a.text("file"), domain);
        assertTrue(lines.get(i).contains("\"seed\":" + Dataset.seedOf(7, i) + ","), "the seed as a whole number: " + lines.get(i));
        for (String name : ATTRIBUTES.get(kind)) {
          assertTrue(a.has(name), domain + " " + i + " has no " + name + ": " + a);
        }
      }
    }
  }

  @Test
  void theAttributesAreWhatDrewThePicture() throws IOException {
    for (int kind = 0; kind < 3; kind++) {
      String domain = Specimen.DOMAINS[kind];
      List<String> lines = lines(first, domain);
      for (int i = 0; i < COUNT; i += 3) {
        var canvas = Dataset.offscreen(SIZE);
        Attributes drawn = Specimen.draw(canvas, kind, Dataset.seedOf(7, i));
        Attributes line = Attributes.parse(lines.get(i));
        for (String name : drawn.names()) {
          assertEquals(drawn.text(name), line.text(name), domain + " " + i + " " + name);
        }
        canvas.loadPixels();
        assertArrayEquals(pixels(read(first, domain, i)), canvas.pixels.clone(), domain + " " + i);
      }
    }
  }

  @Test
  void theSameSeedWritesTheSameAttributes() throws IOException {
    for (String domain : Specimen.DOMAINS) {
      assertEquals(Files.readString(first.resolve(domain).resolve(Dataset.ATTRIBUTES)),
          Files.readString(second.resolve(domain).resolve(Dataset.ATTRIBUTES)), domain);
    }
  }

  @Test
  void aMissingOrTornAttributesFileIsWrittenAgainWithoutTouchingThePictures() throws IOException {
    Path cells = second.resolve("cells");
    String whole = Files.readString(first.resolve("cells").resolve(Dataset.ATTRIBUTES));
    long before = Files.getLastModifiedTime(cells.resolve("00001.png")).toMillis();
    Files.delete(cells.resolve(Dataset.ATTRIBUTES));
    generate(second, 7);
    assertEquals(whole, Files.readString(cells.resolve(Dataset.ATTRIBUTES)));
    assertEquals(before, Files.getLastModifiedTime(cells.resolve("00001.png")).toMillis(), "a picture that matched was rewritten");
    // a power cut in the middle of a line: the line is dropped, and written again; the temporary file is removed
    Files.writeString(cells.resolve(Dataset.ATTRIBUTES), whole.substring(0, whole.length() - 40));
    Path leftover = cells.resolve(".00003.png4711.tmp");
    Files.writeString(leftover, "half a picture");
    generate(second, 7);
    assertEquals(whole, Files.readString(cells.resolve(Dataset.ATTRIBUTES)));
    assertFalse(Files.exists(leftover), "a killed run's temporary file is left behind");
  }

  @Test
  void aPictureThatDoesNotMatchItsSeedIsDrawnAgainWhenItHasNoLine() throws IOException {
    Path machines = second.resolve("machines");
    // another picture in place of 00002.png (as an older Specimens would have left it), and no line for it
    Files.copy(first.resolve("machines").resolve("00005.png"), machines.resolve("00002.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<String> lines = lines(second, "machines");
    lines.remove(2);
    Files.write(machines.resolve(Dataset.ATTRIBUTES), lines);
    generate(second, 7);
    assertArrayEquals(pixels(read(first, "machines", 2)), pixels(read(second, "machines", 2)));
    assertEquals(lines(first, "machines"), lines(second, "machines"));
  }

  @Test
  void wrongOptionsAreNamedAndNothingIsWritten() throws IOException {
    Path out = first.resolve("never");
    var unknown = assertThrows(IllegalArgumentException.class,
        () -> Dataset.write(new String[] {"--out", out.toString(), "--colour", "red"}));
    assertTrue(unknown.getMessage().contains("--colour"), unknown.getMessage());
    var count = assertThrows(IllegalArgumentException.class, () -> Dataset.write(new String[] {"--out", out.toString(), "--count", "many"}));
    assertTrue(count.getMessage().contains("--count") && count.getMessage().contains("many"), count.getMessage());
    var size = assertThrows(IllegalArgumentException.class, () -> Dataset.write(new String[] {"--out", out.toString(), "--size", "0"}));
    assertTrue(size.getMessage().contains("--size"), size.getMessage());
    var value = assertThrows(IllegalArgumentException.class, () -> Dataset.write(new String[] {"--out"}));
    assertTrue(value.getMessage().contains("--out needs a value"), value.getMessage());
    var kind = assertThrows(IllegalArgumentException.class, () -> Sheet.write(new String[] {"--sheet", out + ".png", "--kind", "dogs"}));
    assertTrue(kind.getMessage().contains("dogs"), kind.getMessage());
    assertFalse(Files.exists(out), "a wrong command line wrote " + out);
    assertFalse(Files.exists(Path.of(out + ".png")));
  }

  @Test
  void aContactSheetShowsTheDataSetsPictures() throws IOException {
    Path file = first.resolve("sheet.png");
    Sheet.write(new String[] {"--sheet", file.toString(), "--kind", "cells", "--seed", "7", "--size", "" + SIZE, "--columns", "4",
        "--rows", "2"});
    BufferedImage sheet = ImageIO.read(file.toFile());
    assertEquals(4 * (SIZE + 2) + 2, sheet.getWidth());
    assertEquals(2 * (SIZE + 2) + 2, sheet.getHeight());
    // picture 5 sits in the second row, second column
    BufferedImage tile = sheet.getSubimage(2 + (SIZE + 2), 2 + (SIZE + 2), SIZE, SIZE);
    assertArrayEquals(pixels(read(first, "cells", 5)), pixels(tile));
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
