package mishmash.grid;

import java.util.ArrayDeque;
import java.util.Deque;
import mishmash.model.Image;

/**
 * A cell's moving picture: keyframes at given times, shown as a crossfade from each keyframe to
 * the next. With keyframes drawn from points along a latent path, the crossfade reads as the
 * creature slowly changing shape, never as a cut.
 */
final class Film {
  private record Key(Image image, double at) {}

  private final Deque<Key> keys = new ArrayDeque<>();
  /** The keyframe last written as a still picture, so an unchanged cell is not rewritten. */
  private Key shownStill;

  Film(Image first, double at) {
    keys.add(new Key(first, at));
  }

  /** Replaces everything after {@code now} with a new path that starts from what shows at {@code now}. */
  void cut(double now, Image[] frames, double start, double duration, int[] scratch) {
    Image current = snapshot(now, scratch);
    keys.clear();
    keys.add(new Key(current, start));
    for (int i = 0; i < frames.length; i++) {
      keys.add(new Key(frames[i], start + duration * (i + 1) / frames.length));
    }
    shownStill = null;
  }

  /** Adds a keyframe reached at {@code at}, after the last one. */
  void then(Image frame, double at) {
    double last = keys.getLast().at;
    keys.add(new Key(frame, Math.max(at, last)));
  }

  /** When the last keyframe is reached. */
  double end() {
    return keys.getLast().at;
  }

  /** The picture the film settles on. */
  Image last() {
    return keys.getLast().image;
  }

  /**
   * Writes the picture at time {@code now} into {@code out}; returns false when it is the same
   * as the last one written (nothing moves), so the caller can skip the upload.
   */
  boolean render(double now, int[] out) {
    while (keys.size() > 1 && secondAt() <= now) {
      keys.removeFirst();
    }
    Key a = keys.getFirst();
    if (keys.size() == 1 || now <= a.at) {
      if (shownStill == a) {
        return false;
      }
      shownStill = a;
      System.arraycopy(a.image.argb(), 0, out, 0, out.length);
      return true;
    }
    shownStill = null;
    Key b = second();
    float t = (float) ((now - a.at) / (b.at - a.at));
    blend(a.image.argb(), b.image.argb(), t, out);
    return true;
  }

  private Image snapshot(double now, int[] scratch) {
    shownStill = null; // force a full write
    render(now, scratch);
    shownStill = null;
    Image first = keys.getFirst().image;
    return new Image(first.width(), first.height(), scratch.clone());
  }

  private Key second() {
    var it = keys.iterator();
    it.next();
    return it.next();
  }

  private double secondAt() {
    return second().at;
  }

  /** Linear crossfade of two ARGB pictures, t = 0 gives a, 1 gives b. */
  static void blend(int[] a, int[] b, float t, int[] out) {
    int w = Math.round(Math.max(0, Math.min(1, t)) * 256);
    int v = 256 - w;
    for (int i = 0; i < out.length; i++) {
      int p = a[i];
      int q = b[i];
      int rb = ((p & 0xFF00FF) * v + (q & 0xFF00FF) * w) >>> 8 & 0xFF00FF;
      int g = ((p & 0x00FF00) * v + (q & 0x00FF00) * w) >>> 8 & 0x00FF00;
      out[i] = 0xFF000000 | rb | g;
    }
  }
}
