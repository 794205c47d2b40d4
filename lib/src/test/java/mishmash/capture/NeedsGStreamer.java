package mishmash.capture;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need the system's GStreamer skip visibly when it is absent, or present without the
 * plugins they use (the library alone is a common half-install: Debian's libgstreamer1.0-0 comes
 * with many desktop programs), except in CI ({@code MISHMASH_CI=1}), where nothing may skip and a
 * missing GStreamer or plugin fails the build.
 */
final class NeedsGStreamer {
  /** Every element the capture tests build pipelines from (plugins-base and plugins-good). */
  static final String[] ELEMENTS = {"videotestsrc", "videoconvert", "videoscale", "videobalance", "appsink", "uridecodebin",
      "oggdemux", "oggmux", "theoradec", "theoraenc", "vorbisenc", "audiotestsrc", "audioconvert", "valve",
      "filesink", "fakesink", "v4l2src"};

  private NeedsGStreamer() {}

  static void require() {
    String problem = GStreamer.problem();
    if (problem == null) {
      List<String> missing = GStreamer.missing(ELEMENTS);
      if (!missing.isEmpty()) {
        problem = "GStreamer has no " + String.join(", ", missing) + " (install gstreamer1.0-plugins-base"
            + " gstreamer1.0-plugins-good)";
      }
    }
    if (problem == null) {
      return;
    }
    if ("1".equals(System.getenv("MISHMASH_CI"))) {
      throw new AssertionError("CI must have GStreamer 1.x and its plugins installed: " + problem);
    }
    System.err.println("SKIPPED (capture test): " + problem);
    Assumptions.abort("SKIPPED: " + problem);
  }
}
