package mishmash.booth;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import mishmash.capture.Frame;
import mishmash.face.Box;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;

/**
 * Looks for faces in the camera's frames without holding up the animation: the sketch offers each
 * new frame, the watcher copies it if it is free and analyses it on its own thread, and the newest
 * {@link Session.Sight} is there to read. Frames that arrive while it is busy are skipped.
 * Headless (no background thread), it analyses at once, so renders repeat exactly.
 */
public final class Watcher implements AutoCloseable {
  private final FaceAnalyzer faces;
  private final boolean background;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final Thread thread;
  private int[] pixels = new int[0];
  private int width;
  private int height;
  private volatile Session.Sight sight;
  private volatile String problem;
  private volatile boolean running = true;
  private final Object signal = new Object();
  private boolean pending;

  public Watcher(FaceAnalyzer faces, boolean background) {
    this.faces = faces;
    this.background = background;
    this.thread = background ? new Thread(this::loop, "mishmash-face-watcher") : null;
    if (thread != null) {
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Offers a frame; it is analysed unless the watcher is still busy with an earlier one. */
  public void offer(Frame frame) {
    if (frame == null || !busy.compareAndSet(false, true)) {
      return;
    }
    if (pixels.length != frame.pixels().length) {
      pixels = new int[frame.pixels().length];
    }
    System.arraycopy(frame.pixels(), 0, pixels, 0, pixels.length);
    width = frame.width();
    height = frame.height();
    if (!background) {
      analyse();
      return;
    }
    synchronized (signal) {
      pending = true;
      signal.notifyAll();
    }
  }

  /** The newest look at the camera, or null before the first. */
  public Session.Sight sight() {
    return sight;
  }

  /** Why analysis failed, or null. */
  public String problem() {
    return problem;
  }

  private void loop() {
    while (running) {
      synchronized (signal) {
        while (!pending && running) {
          try {
            signal.wait(500);
          } catch (InterruptedException e) {
            return;
          }
        }
        pending = false;
      }
      if (running) {
        analyse();
      }
    }
  }

  private void analyse() {
    try {
      List<Face> found = faces.analyze(pixels, width, height);
      double all = brightness(pixels);
      sight = new Session.Sight(found, all, found.isEmpty() ? all : brightness(pixels, width, found.get(0).box()), width,
          height);
      problem = null;
    } catch (RuntimeException e) {
      problem = "Face analysis failed: " + e.getMessage();
    } finally {
      busy.set(false);
    }
  }

  /** Mean luminance 0..255 inside {@code box} (clipped to the picture), from every 2nd pixel of every 2nd row. */
  public static double brightness(int[] argb, int width, Box box) {
    int height = argb.length / width;
    int x0 = Math.max(0, (int) box.x());
    int y0 = Math.max(0, (int) box.y());
    int x1 = Math.min(width, (int) Math.ceil(box.right()));
    int y1 = Math.min(height, (int) Math.ceil(box.bottom()));
    long sum = 0;
    int n = 0;
    for (int y = y0; y < y1; y += 2) {
      for (int x = x0; x < x1; x += 2) {
        sum += luma(argb[y * width + x]);
        n++;
      }
    }
    return n == 0 ? brightness(argb) : sum / (double) n;
  }

  private static int luma(int p) {
    return (299 * ((p >> 16) & 255) + 587 * ((p >> 8) & 255) + 114 * (p & 255)) / 1000;
  }

  /** Mean luminance 0..255, from every 7th pixel. */
  public static double brightness(int[] argb) {
    long sum = 0;
    int n = 0;
    for (int i = 0; i < argb.length; i += 7) {
      sum += luma(argb[i]);
      n++;
    }
    return n == 0 ? 0 : sum / (double) n;
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      synchronized (signal) {
        signal.notifyAll();
      }
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
