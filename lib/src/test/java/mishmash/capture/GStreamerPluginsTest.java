package mishmash.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GStreamer library without its plugins (Debian's libgstreamer1.0-0 alone, which many desktop
 * programs bring): the message says so and names what to install, and a source refuses to open
 * with that message instead of failing on some element's name.
 */
class GStreamerPluginsTest {
  @TempDir Path tmp;

  /** Run in a JVM whose GStreamer sees no plugins: prints what the booth would say. */
  public static void main(String[] args) {
    System.out.println("problem: " + GStreamer.problem());
    try {
      CameraSource.pipeline("videotestsrc", 64, 48).close();
      System.out.println("opened");
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }

  @Test
  void theLibraryWithoutItsPluginsIsNamedWithWhatToInstall() throws Exception {
    NeedsGStreamer.require(); // the library itself must be there to rehearse its plugins missing
    Path none = Files.createDirectories(tmp.resolve("no-plugins"));
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        GStreamerPluginsTest.class.getName()).redirectErrorStream(true);
    pb.environment().put("GST_PLUGIN_SYSTEM_PATH", none.toString());
    pb.environment().put("GST_PLUGIN_SYSTEM_PATH_1_0", none.toString());
    pb.environment().put("GST_PLUGIN_PATH", none.toString());
    pb.environment().put("GST_PLUGIN_PATH_1_0", none.toString());
    pb.environment().put("GST_REGISTRY", tmp.resolve("registry.bin").toString());
    pb.environment().put("GST_REGISTRY_1_0", tmp.resolve("registry.bin").toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("is installed but not its plugins (no appsink, videoconvert, videoscale, videobalance)"), out);
    assertTrue(out.contains("gstreamer1.0-plugins-base"), out);
    assertTrue(out.contains("refused: GStreamer"), "a source says the same, not \"no element videotestsrc\": " + out);
  }
}
