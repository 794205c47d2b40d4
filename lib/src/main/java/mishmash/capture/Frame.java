package mishmash.capture;

/**
 * One picture from a {@link FrameSource}: {@code width × height} opaque ARGB pixels, row by row,
 * the layout of Processing's {@code PImage.pixels}. {@code number} counts frames from 1 since the
 * source was opened (it keeps counting across reconnects and loops), so a sketch can tell a new
 * frame from one it has already drawn. {@code nanos} is {@link System#nanoTime()} when the frame was
 * handed over, so {@code System.nanoTime() - nanos} is how old it is.
 *
 * <p>The pixel array belongs to the source and is reused: it stays unchanged until the next call of
 * {@link FrameSource#latest()}. Copy it (for example into a PImage) if you keep it longer.
 */
public record Frame(int[] pixels, int width, int height, long number, long nanos) {
  public Frame {
    if (pixels.length != width * height) {
      throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
    }
  }
}
