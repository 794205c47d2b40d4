package mishmash.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A video file played on a loop, for installation playback and tests: any format the system's
 * GStreamer decodes (Ogg/Theora, WebM, MP4 with the right plugins). A missing file is waited for,
 * and a broken one is reported on screen and retried, so replacing it on disk is enough to recover.
 */
public final class VideoFileSource extends GstSource {
  private final Path file;

  public VideoFileSource(Path file, int width, int height) {
    this(file, width, height, RETRY);
  }

  VideoFileSource(Path file, int width, int height, Duration retry) {
    super("video " + file, width, height, retry);
    if (Files.isDirectory(file)) {
      close();
      throw new IllegalArgumentException(file + " is a folder, not a video file (a folder of images is folder:" + file + ")");
    }
    this.file = file.toAbsolutePath();
    start();
  }

  @Override
  protected String producer() {
    return "uridecodebin uri=" + CameraSource.quote(file.toUri().toString());
  }

  @Override
  protected String missing(boolean wasRunning) {
    if (!Files.exists(file)) {
      return "video file " + file + " not found — waiting for it to appear";
    }
    if (!Files.isReadable(file)) {
      return "video file " + file + " cannot be read (permissions?) — " + retrying();
    }
    return null;
  }

  @Override
  protected String failed(String error) {
    return "video file " + file + " cannot be played (" + error + ") — " + retrying();
  }

  @Override
  protected boolean loops() {
    return true;
  }
}
