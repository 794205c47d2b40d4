package mishmash.log;

/**
 * Whether the program is ending (SIGTERM from a service manager, Ctrl-C, System.exit): then a
 * failure on another thread is part of the ending, not news, and is not reported as an error.
 */
public final class Ending {
  private static final Thread PROBE = new Thread(() -> { }, "mishmash-ending-probe");

  private Ending() {}

  /** True once the JVM has begun to shut down. */
  public static boolean now() {
    try {
      Runtime.getRuntime().addShutdownHook(PROBE);
      Runtime.getRuntime().removeShutdownHook(PROBE);
      return false;
    } catch (IllegalStateException e) {
      return true;
    } catch (IllegalArgumentException e) {
      return false; // another thread is probing right now: not ending
    }
  }
}
