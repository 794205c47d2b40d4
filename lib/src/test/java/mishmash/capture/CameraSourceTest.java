package mishmash.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mishmash.capture.SourceStatus.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live pipelines and the camera's recovery, without a real camera. */
class CameraSourceTest {
  static final Duration FAST = Duration.ofMillis(200);
  static final Path VIDEO = Path.of("src/test/resources/fixtures/capture/smpte-160x120-30f.ogv");

  @TempDir Path tmp;

  @BeforeEach
  void gstreamer() {
    NeedsGStreamer.require();
  }

  @Test
  void videotestsrcGivesOpaqueFramesOfTheRequestedSizeWithTheTestPatternColours() {
    try (FrameSource source = CameraSource.pipeline("videotestsrc pattern=smpte is-live=true", 64, 48)) {
      Wait.running(source, 3, Duration.ofSeconds(10));
      Frame frame = source.latest();
      assertNotNull(frame);
      assertEquals(64, frame.width());
      assertEquals(48, frame.height());
      assertEquals(64 * 48, frame.pixels().length);
      for (int p : frame.pixels()) {
        assertEquals(0xFF, p >>> 24, "every pixel is opaque");
      }
      // SMPTE bars, top row left to right: white, yellow, cyan, green, magenta, red, blue, each
      // 64/7 pixels wide. Yellow vs cyan and red vs blue catch a swapped byte order.
      int[] row = frame.pixels();
      assertColour(row[4], 0xFF, 0xFF, 0xFF, "white bar");
      assertColour(row[4 + 9], 0xFF, 0xFF, 0x00, "yellow bar");
      assertColour(row[4 + 2 * 9], 0x00, 0xFF, 0xFF, "cyan bar");
      assertColour(row[4 + 3 * 9], 0x00, 0xFF, 0x00, "green bar");
      assertColour(row[4 + 5 * 9], 0xFF, 0x00, 0x00, "red bar");
      assertColour(row[60], 0x00, 0x00, 0xFF, "blue bar");
      long before = frame.number();
      Wait.until(Duration.ofSeconds(5), () -> source.latest().number() > before, () -> "no newer frame");
    }
  }

  static void assertColour(int argb, int r, int g, int b, String what) {
    int dr = Math.abs((argb >> 16 & 0xFF) - r);
    int dg = Math.abs((argb >> 8 & 0xFF) - g);
    int db = Math.abs((argb & 0xFF) - b);
    assertTrue(dr < 24 && dg < 24 && db < 24, what + String.format(": got #%06X", argb & 0xFFFFFF));
  }

  @Test
  void aMissingCameraWaitsWithAMessageInsteadOfThrowing() {
    Path device = tmp.resolve("video9");
    try (FrameSource camera = new CameraSource(device.toString(), 640, 480)) {
      Wait.until(Duration.ofSeconds(5), () -> camera.status().state() == State.WAITING, camera::toString);
      assertTrue(camera.status().message().contains(device.toString()), camera.status().message());
      assertTrue(camera.status().message().contains("plug"), camera.status().message());
      assertNull(camera.latest(), "no frame yet");
      assertEquals(0, camera.frameCount());
    }
  }

  @Test
  void aDeviceThatIsNotACameraIsReportedAndRetried() throws Exception {
    Path notACamera = Files.writeString(tmp.resolve("video3"), "not a v4l2 device");
    try (FrameSource camera = new CameraSource(notACamera.toString(), 320, 240)) {
      Wait.until(Duration.ofSeconds(10), () -> camera.status().message().contains("not working"), camera::toString);
      assertEquals(State.WAITING, camera.status().state());
    }
  }

  @Test
  void theCameraComesBackByItselfAfterBeingUnplugged() throws Exception {
    // a "camera" whose device is a file: present, then gone (unplugged), then back
    Path device = tmp.resolve("video0");
    String template = "filesrc location={device} ! oggdemux ! theoradec";
    try (FrameSource camera = new CameraSource(device, template, 80, 60, FAST)) {
      Wait.until(Duration.ofSeconds(5), () -> camera.status().state() == State.WAITING, camera::toString);
      assertTrue(camera.status().message().startsWith("no camera at"), camera.status().message());

      Files.copy(VIDEO, device);
      Wait.running(camera, 5, Duration.ofSeconds(10));

      Files.delete(device); // the file ends soon after: to the camera that is a lost stream
      Wait.until(Duration.ofSeconds(10), () -> camera.status().state() == State.WAITING, camera::toString);
      assertTrue(camera.status().message().contains("unplugged — waiting for it to come back"), camera.status().message());
      assertNotNull(camera.latest(), "the last frame is still there to show");
      long seen = camera.frameCount();

      Files.copy(VIDEO, device);
      Wait.until(Duration.ofSeconds(10), () -> camera.status().running() && camera.frameCount() > seen + 5,
          camera::toString);
    }
  }

  @Test
  void aPipelineThatFreezesWithoutAnErrorIsRestarted() {
    try (FrameSource frozen = CameraSource.pipeline("videotestsrc is-live=true ! valve drop=true", 32, 24, FAST)) {
      Wait.until(Duration.ofSeconds(10), () -> frozen.status().message().contains("no frames for 2 s"), frozen::toString);
      assertEquals(State.WAITING, frozen.status().state());
      assertEquals(0, frozen.frameCount());
    }
  }

  @Test
  void nonsensePipelinesAreRejectedWithTheReason() {
    var e = assertThrows(IllegalArgumentException.class, () -> CameraSource.pipeline("nosuchelement ! fakesink", 64, 48));
    assertTrue(e.getMessage().contains("nosuchelement"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CameraSource.pipeline("  ", 64, 48));
    assertThrows(IllegalArgumentException.class, () -> CameraSource.pipeline("videotestsrc", 0, 48));
  }

  @Test
  void openingAndClosingManyTimesLeavesNoThreadsBehind() {
    for (int i = 0; i < 15; i++) {
      try (FrameSource source = CameraSource.pipeline("videotestsrc is-live=true", 64, 48)) {
        Wait.running(source, 1, Duration.ofSeconds(10));
      }
    }
    Wait.until(Duration.ofSeconds(5), () -> captureThreads() == 0, () -> captureThreads() + " capture threads");
  }

  static long captureThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("capture: ")).count();
  }

  @Test
  void closingIsQuickIdempotentAndFinal() {
    FrameSource source = CameraSource.pipeline("videotestsrc is-live=true", 32, 24);
    Wait.running(source, 1, Duration.ofSeconds(10));
    source.close();
    source.close();
    assertEquals(State.CLOSED, source.status().state());
    long count = source.frameCount();
    assertNotEquals(0, count);
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertEquals(count, source.frameCount(), "no frames after close");
  }

  @Test
  void theBoothsExposureBrightensThePictureInThePipeline() throws Exception {
    NeedsGStreamer.require();
    try (FrameSource dim = CameraSource.pipeline("videotestsrc pattern=solid-color foreground-color=0xff383838 is-live=true",
        32, 24)) {
      Wait.running(dim, 3, Duration.ofSeconds(10));
      int before = dim.latest().pixels()[100] & 0xFF;
      assertTrue(dim.gain(2.0), "a GStreamer source applies the gain itself");
      long from = dim.frameCount();
      Wait.until(Duration.ofSeconds(10), () -> dim.frameCount() > from + 5 && (dim.latest().pixels()[100] & 0xFF) > before * 1.5,
          () -> "before " + before + ", now " + (dim.latest().pixels()[100] & 0xFF));
    }
  }

  @Test
  void aStandInCameraPlaysOnUntilItsFileIsTakenAwayAndComesBackWithIt() throws Exception {
    NeedsGStreamer.require();
    Path device = tmp.resolve("stand-in");
    Files.copy(VIDEO, device);
    try (FrameSource camera = CameraSource.standIn(device, 80, 60)) {
      Wait.running(camera, 5, Duration.ofSeconds(10));
      long start = camera.frameCount();
      Wait.until(Duration.ofSeconds(15), () -> camera.frameCount() > start + 60, camera::toString); // twice its 30 frames
      assertTrue(camera.status().running(), "it loops like a camera that does not end: " + camera.status());
      Files.delete(device);
      Wait.until(Duration.ofSeconds(10), () -> camera.status().message().contains("unplugged"), camera::toString);
      long seen = camera.frameCount();
      Files.copy(VIDEO, device);
      Wait.until(Duration.ofSeconds(15), () -> camera.status().running() && camera.frameCount() > seen + 5,
          camera::toString);
    }
  }
}
