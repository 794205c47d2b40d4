package mishmash.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A CycleGAN-style translator in each exported format loads and turns the fixture's picture into
 * what PyTorch made of it (expected.png, written by tools/make-fixtures.py).
 */
class TranslatorTest {

  static Image png(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertTrue(image != null, "readable PNG: " + file);
    return Image.of(image);
  }

  /** The largest difference of any channel of any pixel, 0..255. */
  static int maxDifference(Image a, Image b) {
    assertEquals(a.width(), b.width());
    assertEquals(a.height(), b.height());
    int worst = 0;
    for (int i = 0; i < a.argb().length; i++) {
      for (int shift = 0; shift < 24; shift += 8) {
        worst = Math.max(worst, Math.abs((a.argb()[i] >> shift & 0xFF) - (b.argb()[i] >> shift & 0xFF)));
      }
    }
    return worst;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ts-translator", "onnx-translator"})
  void translatesWhatPyTorchTranslated(String fixture) throws IOException {
    Path folder = TinyModels.fixture(fixture);
    Image input = png(folder.resolve("input.png"));
    Image expected = png(folder.resolve("expected.png"));
    try (Translator t = Models.loadTranslator(folder)) {
      assertEquals(Manifest.Kind.TRANSLATOR, t.manifest().kind());
      assertEquals(64, t.width());
      assertEquals(64, t.height());
      Image out = t.translate(input);
      assertEquals(64, out.width());
      assertEquals(64, out.height());
      assertTrue(maxDifference(out, expected) <= 2, fixture + " differs from PyTorch by up to "
          + maxDifference(out, expected) + "/255");
      assertTrue(TinyModels.difference(out, input) > 10, "the network changed the picture");
      assertEquals(0, maxDifference(out, t.translate(input)), "the same picture translates the same way");
    }
  }

  @Test
  void anyInputSizeIsResizedToTheModelsSize() throws IOException {
    Path folder = TinyModels.fixture("ts-translator");
    Image input = png(folder.resolve("input.png"));
    try (Translator t = Models.loadTranslator(folder.toString())) {
      Image wide = t.translate(Resize.to(input, 160, 90));
      assertEquals(64, wide.width());
      assertEquals(64, wide.height());
      for (int argb : wide.argb()) {
        assertEquals(0xFF, argb >>> 24, "opaque");
      }
      // the picture is brought to the model's size first, by Resize
      Image big = Resize.to(input, 200, 150);
      assertEquals(0, maxDifference(t.translate(big), t.translate(Resize.to(big, 64, 64))));
    }
  }

  @Test
  void resizeKeepsFlatColoursAndAveragesWhenShrinking() {
    int[] flat = new int[30 * 20];
    java.util.Arrays.fill(flat, 0xFF336699);
    Image image = new Image(30, 20, flat);
    assertSame(image, Resize.to(image, 30, 20));
    for (int[] size : new int[][] {{7, 5}, {64, 64}, {1, 1}, {90, 11}}) {
      Image r = Resize.to(image, size[0], size[1]);
      assertEquals(size[0] * size[1], r.argb().length);
      for (int p : r.argb()) {
        assertEquals(0xFF336699, p);
      }
    }
    // stripes of black and white one pixel wide become mid grey at half the width, not aliased
    // (away from the edges, where the filter has only one side)
    int[] stripes = new int[16 * 4];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = i % 2 == 0 ? 0xFF000000 : 0xFFFFFFFF;
    }
    Image half = Resize.to(new Image(16, 4, stripes), 8, 4);
    for (int y = 0; y < 4; y++) {
      for (int x = 1; x < 7; x++) {
        assertEquals(128, half.get(x, y) & 0xFF, 1, "pixel " + x + "," + y);
      }
    }
    // enlarging a black-white step gives a ramp between them, in order
    Image ramp = Resize.to(new Image(2, 1, new int[] {0xFF000000, 0xFFFFFFFF}), 8, 1);
    for (int x = 1; x < 8; x++) {
      assertTrue((ramp.get(x, 0) & 0xFF) >= (ramp.get(x - 1, 0) & 0xFF), "ramp rises at " + x);
    }
    assertEquals(0, ramp.get(0, 0) & 0xFF);
    assertEquals(255, ramp.get(7, 0) & 0xFF);
  }
}
