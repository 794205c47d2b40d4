package mishmash.capture;

import java.util.ArrayList;
import java.util.List;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Version;

/**
 * Starts the system's GStreamer 1.x once per JVM, through gst1-java-core, and says clearly when it
 * cannot: the library is a Debian package (or a macOS/Windows installer), not a Maven artifact.
 */
public final class GStreamer {
  /** The oldest GStreamer API the capture code asks for. */
  static final Version REQUIRED = Version.of(1, 16);
  /** Elements every source's pipeline ends in (gstreamer1.0-plugins-base). */
  static final List<String> BASE_ELEMENTS = List.of("appsink", "videoconvert", "videoscale", "videobalance");
  static final String INSTALL = "sudo apt install gstreamer1.0-plugins-base gstreamer1.0-plugins-good"
      + " (macOS: brew install gstreamer; Windows: the MSVC runtime installer from gstreamer.freedesktop.org)";

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
   * Null when GStreamer is usable, else why not (with what to install): the library missing or too
   * old, or the library there without its plugins (a common half-install). Never throws. The system
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
            + "). Install it: " + INSTALL;
        return problem;
      }
      List<String> missing = absent(BASE_ELEMENTS);
      if (!missing.isEmpty()) {
        problem = Gst.getVersionString() + " is installed but not its plugins (no " + String.join(", ", missing)
            + "). Install them: " + INSTALL;
      }
    }
    return problem;
  }

  /**
   * The elements among {@code names} that this GStreamer does not have (their plugin is not
   * installed), e.g. ["v4l2src"] without gstreamer1.0-plugins-good. All of them when GStreamer itself
   * is not usable.
   */
  public static synchronized List<String> missing(String... names) {
    return problem() != null ? List.of(names) : absent(List.of(names));
  }

  private static List<String> absent(List<String> names) {
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      try {
        ElementFactory.find(n);
      } catch (RuntimeException e) {
        missing.add(n);
      }
    }
    return missing;
  }

  /** The running GStreamer's version, e.g. "GStreamer 1.22.0", or the problem. */
  public static String describe() {
    String why = problem();
    return why == null ? Gst.getVersionString() : why;
  }
}
