package mishmash.capture;

import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;

/**
 * Starts the system's GStreamer 1.x once per JVM, through gst1-java-core, and says clearly when it
 * cannot: the library is a Debian package (or a macOS/Windows installer), not a Maven artifact.
 */
public final class GStreamer {
  /** The oldest GStreamer API the capture code asks for. */
  static final Version REQUIRED = Version.of(1, 16);

  private static String problem;
  private static boolean tried;

  private GStreamer() {}

  /**
   * Starts GStreamer if needed.
   *
   * @throws IllegalStateException with an install hint when GStreamer 1.x is missing or too old
   */
  public static synchronized void require() {
    String why = problem();
    if (why != null) {
      throw new IllegalStateException(why);
    }
  }

  /**
   * Null when GStreamer is usable, else why not (with what to install). Never throws. The system
   * property {@code mishmash.gstreamer=off} makes it report GStreamer missing, to rehearse that case
   * (the booth's message, the tests' skip) on a machine that has it.
   */
  public static synchronized String problem() {
    if (!tried) {
      tried = true;
      try {
        if ("off".equals(System.getProperty("mishmash.gstreamer"))) {
          throw new UnsatisfiedLinkError("switched off with -Dmishmash.gstreamer=off");
        }
        if (!Gst.isInitialized()) {
          Gst.init(REQUIRED, "mishmash");
        }
      } catch (Throwable e) {
        problem = "GStreamer " + REQUIRED.getMajor() + "." + REQUIRED.getMinor()
            + " or newer is not available (" + e.getClass().getSimpleName() + ": " + e.getMessage()
            + "). Install it: sudo apt install gstreamer1.0-plugins-base gstreamer1.0-plugins-good"
            + " (macOS: brew install gstreamer; Windows: the MSVC runtime installer from gstreamer.freedesktop.org)";
      }
    }
    return problem;
  }

  /** The running GStreamer's version, e.g. "GStreamer 1.22.0", or the problem. */
  public static String describe() {
    String why = problem();
    return why == null ? Gst.getVersionString() : why;
  }
}
