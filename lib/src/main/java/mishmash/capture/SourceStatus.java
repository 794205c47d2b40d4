package mishmash.capture;

/**
 * What a {@link FrameSource} is doing, in words a visitor or technician can read on screen.
 *
 * @param state what the source is doing
 * @param message one line for the screen, e.g. "camera /dev/video0 unplugged — waiting for it to come back"
 */
public record SourceStatus(State state, String message) {
  /** The states a source moves through. */
  public enum State {
    /** Opening; no frame yet. */
    STARTING,
    /** Frames are arriving. */
    RUNNING,
    /** The input is missing or failed; the source retries by itself and resumes when it comes back. */
    WAITING,
    /** Closed by its owner; no more frames. */
    CLOSED
  }

  public boolean running() {
    return state == State.RUNNING;
  }

  @Override
  public String toString() {
    return state + ": " + message;
  }
}
