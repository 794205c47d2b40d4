package mishmash.mirror;

import java.util.List;
import mishmash.face.Box;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;

/**
 * Follows one face from frame to frame for the mirror. The detector runs every
 * {@code redetectEvery} frames and whenever the face is lost; in between, the face is read where its
 * landmarks say it went ({@link FaceAnalyzer#track}), which skips the detector and takes about a
 * third of the time. Of several faces it keeps the one it was following, or else takes the largest.
 * A read whose landmarks jump or change size too much counts as lost, and the detector looks again.
 */
public final class FaceTracker {
  private final FaceAnalyzer faces;
  private final int redetectEvery;
  private Face last;
  /** How the detector's box sat around the landmarks at the last detection: offsets and scale. */
  private float dx;
  private float dy;
  private float scale = 1.3f;
  private int sinceDetection;
  private int seen;

  public FaceTracker(FaceAnalyzer faces, int redetectEvery) {
    this.faces = faces;
    this.redetectEvery = Math.max(1, redetectEvery);
  }

  /** The face to reflect in this frame, or null when there is none. */
  public Face find(int[] argb, int width, int height) {
    if (last != null && sinceDetection < redetectEvery) {
      Box where = predicted(last);
      List<Face> read = faces.track(argb, width, height, where, last.score());
      sinceDetection++;
      if (!read.isEmpty() && plausible(last, read.get(0))) {
        last = read.get(0);
        return last;
      }
    }
    List<Face> found = faces.analyze(argb, width, height);
    seen = found.size();
    sinceDetection = 0;
    if (found.isEmpty()) {
      last = null;
      return null;
    }
    Face pick = found.get(0); // the largest
    if (last != null) {
      float best = 0.3f;
      for (Face f : found) {
        float iou = f.box().iou(last.box());
        if (iou > best) {
          best = iou;
          pick = f;
        }
      }
    }
    Box bounds = Box.around(pick.landmarks());
    float side = Math.max(1, Math.max(bounds.width(), bounds.height()));
    scale = Math.max(pick.box().width(), pick.box().height()) / side;
    dx = (pick.box().x() + pick.box().width() / 2 - (bounds.x() + bounds.width() / 2)) / side;
    dy = (pick.box().y() + pick.box().height() / 2 - (bounds.y() + bounds.height() / 2)) / side;
    last = pick;
    return last;
  }

  /** How many faces the detector saw the last time it looked. */
  public int faces() {
    return seen;
  }

  /** Forgets the face: the next frame is a fresh look. */
  public void reset() {
    last = null;
  }

  /** Where the detector would put this face's box now, from its landmarks. */
  private Box predicted(Face f) {
    Box b = Box.around(f.landmarks());
    float side = Math.max(1, Math.max(b.width(), b.height()));
    float cx = b.x() + b.width() / 2 + dx * side;
    float cy = b.y() + b.height() / 2 + dy * side;
    float s = side * scale;
    return new Box(cx - s / 2, cy - s / 2, s, s);
  }

  /** False when the landmarks moved by more than half the face or changed size by more than 40%. */
  static boolean plausible(Face before, Face now) {
    Box a = Box.around(before.landmarks());
    Box b = Box.around(now.landmarks());
    float sa = Math.max(a.width(), a.height());
    float sb = Math.max(b.width(), b.height());
    if (!(sa > 0) || !(sb > 0) || sb / sa > 1.4f || sa / sb > 1.4f) {
      return false;
    }
    float move = (float) Math.hypot(a.x() + a.width() / 2 - b.x() - b.width() / 2, a.y() + a.height() / 2 - b.y() - b.height() / 2);
    return move < 0.5f * sa;
  }
}
