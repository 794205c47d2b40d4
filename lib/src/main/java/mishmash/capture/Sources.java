package mishmash.capture;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens the frame source a user chose in one string, as given on a sketch's command line or in its
 * settings:
 *
 * <pre>
 * camera                         the v4l2 camera /dev/video0
 * camera:/dev/video1, camera:1   another camera
 * file:performance.ogv           a video file, on a loop
 * folder:photos[@2]              the images in a folder, 1 per second (or 2 with @2)
 * pipeline:videotestsrc ! ...    any GStreamer description that produces video
 * </pre>
 *
 * A choice that cannot mean anything is an {@link IllegalArgumentException} that lists the forms
 * above; an input that is merely absent right now (camera unplugged, file not copied yet) opens and
 * waits for it.
 */
public final class Sources {
  /** The forms a choice can take, for error messages and help text. */
  public static final String USAGE = "camera, camera:/dev/videoN, file:video.ogv, folder:images[@per-second]"
      + " or pipeline:videotestsrc ! ...";

  private Sources() {}

  /**
   * Opens {@code spec} delivering {@code width × height} frames.
   *
   * @throws IllegalArgumentException for a choice that is not one of {@link #USAGE}, with the reason
   * @throws IllegalStateException when a GStreamer source is chosen and GStreamer is not installed
   */
  public static FrameSource open(String spec, int width, int height) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("no video source given: use " + USAGE);
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
    }
    String s = spec.strip();
    int colon = s.indexOf(':');
    String kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : s.substring(colon + 1).strip();
    switch (kind) {
      case "camera":
        return new CameraSource(device(rest), width, height);
      case "file":
        return new VideoFileSource(Path.of(need(rest, spec, "a video file")), width, height);
      case "folder":
        return folder(need(rest, spec, "a folder"), width, height);
      case "pipeline":
        return CameraSource.pipeline(need(rest, spec, "a GStreamer description"), width, height);
      default:
        throw new IllegalArgumentException("unknown video source \"" + spec + "\": use " + USAGE);
    }
  }

  /** "" → /dev/video0, "2" → /dev/video2, a path → itself. */
  static String device(String rest) {
    if (rest.isEmpty()) {
      return CameraSource.DEFAULT_DEVICE;
    }
    if (rest.chars().allMatch(Character::isDigit) && rest.length() < 4) {
      return "/dev/video" + Integer.parseInt(rest);
    }
    if (rest.contains(" ") || rest.contains("!")) {
      throw new IllegalArgumentException("\"camera:" + rest + "\" is not a device; a GStreamer description is"
          + " given as pipeline:" + rest);
    }
    return rest;
  }

  private static FrameSource folder(String rest, int width, int height) {
    double perSecond = 1;
    int at = rest.lastIndexOf('@');
    if (at > 0) {
      String rate = rest.substring(at + 1);
      try {
        perSecond = Double.parseDouble(rate);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + rate + "\" in folder:" + rest + " is not a number of images per second");
      }
      rest = rest.substring(0, at);
    }
    return new ImageFolderSource(Path.of(rest), width, height, perSecond);
  }

  private static String need(String rest, String spec, String what) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("\"" + spec + "\" needs " + what + " after the colon: use " + USAGE);
    }
    return rest;
  }
}
