package mishmash.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A live camera: a v4l2 device ({@code /dev/video0} by default), or any gst-launch description that
 * produces video (a different camera element, {@code videotestsrc}, a network stream). When the
 * device disappears or the pipeline fails, the status says so — "camera /dev/video0 unplugged —
 * waiting for it to come back" — and the camera is reopened by itself every 2 s until it works.
 */
public final class CameraSource extends GstSource {
  /** The default camera device. */
  public static final String DEFAULT_DEVICE = "/dev/video0";

  private final Path device;
  private final String producer;
  private final boolean loop;

  /** The v4l2 camera at {@code device} (e.g. "/dev/video0"), delivering {@code width × height} frames. */
  public CameraSource(String device, int width, int height) {
    this(Path.of(device), "v4l2src device={device}", width, height, RETRY);
  }

  /**
   * A camera whose device file must exist before {@code template} (with {@code {device}} standing for
   * the quoted path) is opened: how the booth's recovery is tested without a real camera.
   */
  CameraSource(Path device, String template, int width, int height, Duration retry) {
    this(device, template, width, height, retry, false);
  }

  private CameraSource(Path device, String template, int width, int height, Duration retry, boolean loop) {
    super("camera " + device, width, height, retry);
    this.device = device;
    this.producer = template.replace("{device}", quote(device.toString()));
    this.loop = loop;
    start();
  }

  private CameraSource(String description, int width, int height, Duration retry) {
    super("pipeline \"" + description + "\"", width, height, retry);
    if (description.isBlank()) {
      close();
      throw new IllegalArgumentException("empty pipeline: give a GStreamer description such as videotestsrc");
    }
    this.device = null;
    this.producer = description;
    this.loop = false;
    start();
  }

  /**
   * A video file (Ogg Theora) standing in for a camera device, to rehearse a camera's faults: the
   * file is the device, so deleting it unplugs the camera and copying it back plugs it in again.
   * The soak and the tests use it; a technician can too.
   */
  public static CameraSource standIn(Path file, int width, int height) {
    // a camera does not end: the file plays on a loop until it is taken away
    return new CameraSource(file, "filesrc location={device} ! oggdemux ! theoradec", width, height, RETRY, true);
  }

  @Override
  protected boolean loops() {
    return loop;
  }

  /**
   * Any gst-launch description that produces video, e.g. {@code videotestsrc pattern=ball} or
   * {@code v4l2src device=/dev/video2 ! image/jpeg ! jpegdec}; the conversion to ARGB is appended.
   *
   * @throws IllegalArgumentException when the description cannot be parsed or names unknown elements
   */
  public static CameraSource pipeline(String description, int width, int height) {
    return new CameraSource(description, width, height, RETRY);
  }

  static CameraSource pipeline(String description, int width, int height, Duration retry) {
    return new CameraSource(description, width, height, retry);
  }

  @Override
  protected String producer() {
    return producer;
  }

  @Override
  protected String missing(boolean wasRunning) {
    if (device == null || Files.exists(device)) {
      return null;
    }
    return wasRunning
        ? "camera " + device + " unplugged — waiting for it to come back"
        : "no camera at " + device + " — plug one in; it will be picked up by itself";
  }

  @Override
  protected String failed(String error) {
    return device == null
        ? super.failed(error)
        : "camera " + device + " is not working (" + error + ") — " + retrying();
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
