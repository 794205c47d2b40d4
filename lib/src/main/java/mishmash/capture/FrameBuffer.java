package mishmash.capture;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-free triple buffer of fixed-size ARGB frames between one producer thread (GStreamer's
 * streaming thread, an image loader) and one consumer thread (the sketch). The producer always has
 * a free slot to write into and the consumer always has a slot nobody writes to, so neither waits
 * for the other, and the three pixel arrays are allocated once: memory stays flat however long the
 * installation runs.
 */
final class FrameBuffer {
  private static final int FRESH = 4;
  private static final int INDEX = 3;

  private final int width;
  private final int height;
  private final int[][] slots;
  private final Frame[] frames = new Frame[3];
  /** The slot handed over from producer to consumer, plus FRESH when the consumer has not taken it yet. */
  private final AtomicInteger middle = new AtomicInteger(1);
  /** Producer-only. */
  private int back = 0;
  /** Consumer-only. */
  private int front = 2;
  private volatile long published;

  FrameBuffer(int width, int height) {
    if (width <= 0 || height <= 0 || (long) width * height > 64L * 1024 * 1024) {
      throw new IllegalArgumentException("frame size " + width + "x" + height + " is not usable");
    }
    this.width = width;
    this.height = height;
    this.slots = new int[3][width * height];
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Producer: the array to fill for the next frame (opaque ARGB, width × height). */
  int[] backPixels() {
    return slots[back];
  }

  /**
   * Producer: fills the back slot from BGRx bytes (as GStreamer's {@code format=BGRx} delivers them)
   * and publishes it. Returns false, publishing nothing, if the buffer holds fewer bytes than a frame.
   */
  boolean publishBgrx(ByteBuffer bgrx) {
    int n = width * height;
    if (bgrx.remaining() < n * 4) {
      return false;
    }
    // BGRx bytes read as little-endian ints are 0xxxRRGGBB: ARGB once alpha is forced opaque.
    IntBuffer ints = bgrx.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
    int[] px = slots[back];
    ints.get(px, 0, n);
    for (int i = 0; i < n; i++) {
      px[i] |= 0xFF000000;
    }
    publish();
    return true;
  }

  /** Producer: publishes the back slot after the caller filled {@link #backPixels()}. */
  void publish() {
    long number = published + 1;
    frames[back] = new Frame(slots[back], width, height, number, System.nanoTime());
    published = number;
    back = middle.getAndSet(back | FRESH) & INDEX;
  }

  /** How many frames were published. */
  long count() {
    return published;
  }

  /** Consumer: the newest published frame, or null before the first. Never waits. */
  Frame latest() {
    if ((middle.get() & FRESH) != 0) {
      front = middle.getAndSet(front) & INDEX;
    }
    return frames[front];
  }
}
