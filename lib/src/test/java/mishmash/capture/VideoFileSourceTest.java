package mishmash.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mishmash.capture.SourceStatus.State;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video files: looping playback, and missing or broken files that are waited for. */
class VideoFileSourceTest {
  static final Path VIDEO = CameraSourceTest.VIDEO;
  static final Duration FAST = CameraSourceTest.FAST;

  @TempDir Path tmp;

  @BeforeEach
  void gstreamer() {
    NeedsGStreamer.require();
  }

  @Test
  void theVideoLoopsForInstallationPlayback() {
    try (FrameSource video = new VideoFileSource(VIDEO, 160, 120)) {
      // the file has 30 frames: 45 means it went round at least once
      Wait.running(video, 45, Duration.ofSeconds(15));
      assertEquals(State.RUNNING, video.status().state());
      int[] pixels = video.latest().pixels();
      assertTrue(Arrays.stream(pixels).allMatch(p -> p >>> 24 == 0xFF), "opaque");
      long distinct = Arrays.stream(pixels).map(p -> p & 0xF0F0F0).distinct().count();
      assertTrue(distinct >= 6, "the colour bars are there: " + distinct + " colours");
    }
  }

  @Test
  void aPictureOfAnotherShapeIsLetterboxedNotStretched() {
    // 160x120 (4:3) into 160x60: pillarboxed, black at the sides, bars in the middle
    try (FrameSource video = new VideoFileSource(VIDEO, 160, 60)) {
      Wait.running(video, 2, Duration.ofSeconds(10));
      int[] px = video.latest().pixels();
      int middleRow = 30 * 160;
      assertEquals(0xFF000000, px[middleRow + 2], "black border on the left");
      assertEquals(0xFF000000, px[middleRow + 157], "black border on the right");
      assertTrue((px[middleRow + 80] & 0xFFFFFF) != 0, "picture in the middle");
    }
  }

  @Test
  void aMissingFileIsWaitedForAndPlaysWhenItAppears() throws Exception {
    Path later = tmp.resolve("later.ogv");
    try (FrameSource video = new VideoFileSource(later, 160, 120, FAST)) {
      Wait.until(Duration.ofSeconds(5), () -> video.status().state() == State.WAITING, video::toString);
      assertTrue(video.status().message().contains("not found — waiting for it to appear"), video.status().message());
      assertNull(video.latest());
      Files.copy(VIDEO, tmp.resolve("partial"));
      Files.move(tmp.resolve("partial"), later);
      Wait.running(video, 5, Duration.ofSeconds(10));
    }
  }

  @Test
  void aCorruptFileIsReportedAndRecoversWhenReplaced() throws Exception {
    Path broken = tmp.resolve("broken.ogv");
    byte[] garbage = new byte[20_000];
    new Random(7).nextBytes(garbage);
    Files.write(broken, garbage);
    try (FrameSource video = new VideoFileSource(broken, 160, 120, FAST)) {
      Wait.until(Duration.ofSeconds(10), () -> video.status().message().contains("cannot be played"), video::toString);
      assertEquals(State.WAITING, video.status().state());
      assertFalse(video.status().message().isBlank());

      // replaced on disk by a good file (moved in whole, as an installer would)
      Files.copy(VIDEO, tmp.resolve("fixed"));
      Files.move(tmp.resolve("fixed"), broken, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Wait.running(video, 5, Duration.ofSeconds(10));
    }
  }

  @Test
  void aTruncatedFilePlaysWhatItHasAndKeepsGoing() throws Exception {
    byte[] real = Files.readAllBytes(VIDEO);
    Path cut = Files.write(tmp.resolve("cut.ogv"), Arrays.copyOf(real, real.length / 2));
    try (FrameSource video = new VideoFileSource(cut, 160, 120, FAST)) {
      Wait.until(Duration.ofSeconds(15), () -> video.frameCount() >= 30, video::toString);
    }
  }

  @Test
  void aFileWithSoundPlaysItsPictureAndLoops() throws Exception {
    Path withSound = tmp.resolve("with-sound.ogv");
    Pipeline writer = (Pipeline) Gst.parseLaunch("oggmux name=mux ! filesink location=" + CameraSource.quote(withSound.toString())
        + " videotestsrc num-buffers=20 ! video/x-raw,width=64,height=48,framerate=20/1 ! videoconvert ! theoraenc ! mux."
        + " audiotestsrc num-buffers=10 ! audioconvert ! vorbisenc ! mux.");
    CountDownLatch done = new CountDownLatch(1);
    Bus.EOS eos = source -> done.countDown();
    Bus.ERROR error = (source, code, message) -> done.countDown();
    Bus bus = writer.getBus();
    bus.connect(eos);
    bus.connect(error);
    writer.play();
    assertTrue(done.await(20, TimeUnit.SECONDS), "the fixture was written");
    writer.stop();
    bus.disconnect(eos);
    bus.disconnect(error);
    bus.dispose();
    writer.dispose();
    assertTrue(Files.size(withSound) > 1000, "fixture size " + Files.size(withSound));
    try (FrameSource video = new VideoFileSource(withSound, 64, 48, FAST)) {
      Wait.running(video, 30, Duration.ofSeconds(15));
    }
  }

  @Test
  void aFolderIsNotAVideo() {
    var e = assertThrows(IllegalArgumentException.class, () -> new VideoFileSource(tmp, 160, 120));
    assertTrue(e.getMessage().contains("folder:"), e.getMessage());
  }
}
