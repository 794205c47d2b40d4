package mishmash.capture;

/**
 * A stream of pictures for a sketch: a camera, a video file, a folder of images. Frames arrive on
 * the source's own threads; the sketch's animation thread only ever picks up the newest one and never
 * waits for it.
 *
 * <p>A source does not throw when its input goes away (a camera is unplugged, a file is missing or
 * broken): it reports {@link SourceStatus.State#WAITING} with a message for the screen, keeps
 * retrying in the background, and resumes by itself. Close it to release its native resources.
 *
 * <p>{@link #latest()} is meant to be called from one thread (the animation thread).
 */
public interface FrameSource extends AutoCloseable {
  /**
   * The newest frame, or null before the first one. Returns at once. The frame's pixels stay valid
   * until the next call; after the input is lost it keeps returning the last frame it had.
   */
  Frame latest();

  /** What the source is doing now, with a message to show on screen. */
  SourceStatus status();

  /** How many frames have arrived since the source was opened. */
  long frameCount();

  /** Width of every frame, as requested when the source was opened. */
  int width();

  /** Height of every frame, as requested when the source was opened. */
  int height();

  /**
   * Brightens what the source delivers by {@code gain} (1: as it comes), if it can: the booth's
   * exposure, adapted to a visitor's face.
   *
   * @return false if this source cannot (the caller then brightens frames itself)
   */
  default boolean gain(double gain) {
    return false;
  }

  /** A short name for logs and screens, e.g. "camera /dev/video0". */
  String name();

  /** Stops the input and releases native resources. Idempotent; never throws. */
  @Override
  void close();
}
