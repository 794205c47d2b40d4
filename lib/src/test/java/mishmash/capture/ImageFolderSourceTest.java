package mishmash.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import mishmash.capture.SourceStatus.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder source: no GStreamer needed, so these always run. */
class ImageFolderSourceTest {
  @TempDir Path tmp;

  static Path png(Path file, int w, int h, Color colour) throws IOException {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, w, h);
    g.dispose();
    ImageIO.write(image, file.toString().endsWith(".jpg") ? "jpg" : "png", file.toFile());
    return file;
  }

  /** The colour at the centre of each new frame, collected for a while. */
  static Set<Integer> centres(FrameSource source, int frames) {
    Set<Integer> seen = new HashSet<>();
    long last = 0;
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (source.frameCount() < last + frames && System.nanoTime() < end) {
      Frame f = source.latest();
      if (f != null && f.number() != last) {
        seen.add(f.pixels()[f.height() / 2 * f.width() + f.width() / 2]);
        if (last == 0) {
          last = f.number();
        }
      }
      Thread.onSpinWait();
    }
    return seen;
  }

  @Test
  void nonImagesAndCorruptPngsAreSkippedAndTheRestAreShown() throws Exception {
    png(tmp.resolve("a.png"), 40, 30, Color.RED);
    Files.writeString(tmp.resolve("b-notes.txt"), "not an image");
    byte[] good = Files.readAllBytes(png(tmp.resolve("c.png"), 40, 30, Color.GREEN));
    Files.write(tmp.resolve("d-corrupt.png"), Arrays.copyOf(good, 40)); // a PNG header, then nothing
    png(tmp.resolve("e.jpg"), 30, 40, Color.BLUE);
    try (ImageFolderSource source = new ImageFolderSource(tmp, 64, 48, 50)) {
      Wait.running(source, 6, Duration.ofSeconds(10));
      Set<Integer> seen = centres(source, 9);
      assertEquals(3, seen.size(), "red, green and blue only: " + seen);
      assertTrue(seen.contains(0xFFFF0000) && seen.contains(0xFF00FF00), seen.toString());
      assertTrue(seen.stream().allMatch(c -> c >>> 24 == 0xFF), "opaque");
      assertEquals(2, source.skipped(), "the text file and the corrupt PNG, each once");
      assertEquals(State.RUNNING, source.status().state());
    }
  }

  @Test
  void imagesAreFittedWithBlackBordersNotStretched() throws Exception {
    png(tmp.resolve("tall.png"), 30, 60, Color.WHITE);
    try (FrameSource source = new ImageFolderSource(tmp, 80, 60, 20)) {
      Wait.running(source, 1, Duration.ofSeconds(5));
      Frame f = source.latest();
      assertEquals(0xFF000000, f.pixels()[30 * 80 + 2], "left border");
      assertEquals(0xFFFFFFFF, f.pixels()[30 * 80 + 40], "picture");
      assertEquals(0xFF000000, f.pixels()[30 * 80 + 77], "right border");
    }
  }

  @Test
  void anEmptyOrMissingFolderWaitsAndPicksUpImagesAddedLater() throws Exception {
    Path photos = tmp.resolve("photos");
    // 4 pictures a second: slow enough that a busy machine's test thread sees each one (at 20 a second it
    // could look at every other frame only, and two alternating pictures then looked like one)
    try (FrameSource source = new ImageFolderSource(photos, 32, 24, 4)) {
      Wait.until(Duration.ofSeconds(5), () -> source.status().state() == State.WAITING, source::toString);
      assertTrue(source.status().message().contains("not found"), source.status().message());
      Files.createDirectory(photos);
      Files.writeString(photos.resolve("readme.txt"), "hello");
      Wait.until(Duration.ofSeconds(5), () -> source.status().message().contains("no readable images"), source::toString);
      assertNull(source.latest());

      png(photos.resolve("visitor-1.png"), 32, 24, Color.RED);
      Wait.running(source, 1, Duration.ofSeconds(5));
      png(photos.resolve("visitor-2.png"), 32, 24, Color.BLUE);
      Wait.until(Duration.ofSeconds(8), () -> centres(source, 2).contains(0xFF0000FF), source::toString);
    }
  }

  @Test
  void oneImageIsShownOnceNotReloadedEveryTick() throws Exception {
    png(tmp.resolve("only.png"), 32, 24, Color.RED);
    try (FrameSource source = new ImageFolderSource(tmp, 32, 24, 50)) {
      Wait.running(source, 1, Duration.ofSeconds(5));
      Thread.sleep(300);
      assertEquals(1, source.frameCount());
      assertNotNull(source.latest());
    }
  }

  @Test
  void badSettingsAreRejected() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> new ImageFolderSource(tmp, 32, 24, 0));
    Path file = png(tmp.resolve("x.png"), 4, 4, Color.RED);
    var e = assertThrows(IllegalArgumentException.class, () -> new ImageFolderSource(file, 32, 24, 1));
    assertTrue(e.getMessage().contains("file:"), e.getMessage());
  }
}
