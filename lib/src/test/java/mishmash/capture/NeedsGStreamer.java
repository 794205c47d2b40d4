package mishmash.capture;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need the system's GStreamer skip visibly when it is absent, except in CI
 * ({@code MISHMASH_CI=1}), where nothing may skip and a missing GStreamer fails the build.
 */
final class NeedsGStreamer {
  private NeedsGStreamer() {}

  static void require() {
    String problem = GStreamer.problem();
    if (problem == null) {
      return;
    }
    if ("1".equals(System.getenv("MISHMASH_CI"))) {
      throw new AssertionError("CI must have GStreamer 1.x installed: " + problem);
    }
    Assumptions.abort("SKIPPED: " + problem);
  }
}
