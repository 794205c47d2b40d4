package mishmash.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing the user's choice of source. */
class SourcesTest {
  @TempDir Path tmp;

  @Test
  void nonsenseIsRejectedWithTheFormsThatWork() {
    for (String bad : new String[] {"", "  ", "webcam", "file:", "folder:", "pipeline:", "ftp://x"}) {
      var e = assertThrows(IllegalArgumentException.class, () -> Sources.open(bad, 64, 48), bad);
      assertTrue(e.getMessage().contains("camera:/dev/videoN"), bad + " → " + e.getMessage());
    }
    var rate = assertThrows(IllegalArgumentException.class, () -> Sources.open("folder:" + tmp + "@fast", 64, 48));
    assertTrue(rate.getMessage().contains("images per second"), rate.getMessage());
    var size = assertThrows(IllegalArgumentException.class, () -> Sources.open("camera", 0, 48));
    assertTrue(size.getMessage().contains("0x48"), size.getMessage());
    var pipe = assertThrows(IllegalArgumentException.class, () -> Sources.device("videotestsrc ! videoconvert"));
    assertTrue(pipe.getMessage().contains("pipeline:"), pipe.getMessage());
  }

  @Test
  void cameraNumbersAndPathsNameDevices() {
    assertEquals("/dev/video0", Sources.device(""));
    assertEquals("/dev/video2", Sources.device("2"));
    assertEquals("/dev/v4l/by-id/usb-cam", Sources.device("/dev/v4l/by-id/usb-cam"));
  }

  @Test
  void folderNeedsNoGStreamer() {
    try (FrameSource s = Sources.open("folder:" + tmp + "@5", 64, 48)) {
      assertInstanceOf(ImageFolderSource.class, s);
      Wait.until(Duration.ofSeconds(5), () -> s.status().message().contains("no readable images"), s::toString);
    }
  }

  @Test
  void eachKindOpensItsSource() {
    NeedsGStreamer.require();
    try (FrameSource s = Sources.open("camera:" + tmp.resolve("video5"), 64, 48)) {
      assertInstanceOf(CameraSource.class, s);
      assertEquals(64, s.width());
    }
    try (FrameSource s = Sources.open("file:" + CameraSourceTest.VIDEO, 64, 48)) {
      assertInstanceOf(VideoFileSource.class, s);
      Wait.running(s, 1, Duration.ofSeconds(10));
    }
    try (FrameSource s = Sources.open("pipeline:videotestsrc pattern=ball is-live=true", 64, 48)) {
      Wait.running(s, 1, Duration.ofSeconds(10));
      assertEquals(48, s.latest().height());
    }
  }
}
