package mishmash.face;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads faces out of the detector's grid, as face-api.js does: for each cell and anchor, the
 * objectness through a sigmoid is the score; boxes scoring above the threshold are centred at
 * (cell + sigmoid(x, y)) / grid and sized anchor · exp(w, h) / grid, relative to the scaled frame;
 * overlapping boxes (intersection over union above {@link #IOU_THRESHOLD}) keep only the best.
 */
final class BoxDecoder {
  static final float IOU_THRESHOLD = 0.4f;

  private BoxDecoder() {}

  /**
   * @param raw the detector's output for one image, [25, grid, grid] channels first
   * @param inputSize the side of the detector's input
   * @param width the frame's width in pixels
   * @param height the frame's height
   * @param minScore the least score kept
   */
  static List<Detection> decode(float[] raw, int grid, int inputSize, int width, int height, float minScore) {
    double scale = (double) inputSize / Math.max(width, height);
    // face-api.js measures boxes against the scaled frame, rounded to whole pixels
    double correctX = (double) inputSize / Math.round(width * scale);
    double correctY = (double) inputSize / Math.round(height * scale);
    int cells = grid * grid;
    List<Detection> found = new ArrayList<>();
    for (int row = 0; row < grid; row++) {
      for (int col = 0; col < grid; col++) {
        for (int a = 0; a < DetectorNet.ANCHORS.length; a++) {
          int at = a * 5 * cells + row * grid + col;
          double score = sigmoid(raw[at + 4 * cells]);
          if (score <= minScore) {
            continue;
          }
          double cx = (col + sigmoid(raw[at])) / grid * correctX;
          double cy = (row + sigmoid(raw[at + cells])) / grid * correctY;
          double w = Math.exp(raw[at + 2 * cells]) * DetectorNet.ANCHORS[a][0] / grid * correctX;
          double h = Math.exp(raw[at + 3 * cells]) * DetectorNet.ANCHORS[a][1] / grid * correctY;
          Box box = new Box((float) ((cx - w / 2) * width), (float) ((cy - h / 2) * height),
              (float) (w * width), (float) (h * height));
          found.add(new Detection(box, (float) score));
        }
      }
    }
    return suppress(found);
  }

  /** Non-maximum suppression: best first, dropping every box that overlaps a kept one too much. */
  static List<Detection> suppress(List<Detection> found) {
    List<Detection> left = new ArrayList<>(found);
    left.sort(Comparator.comparingDouble(Detection::score).reversed());
    List<Detection> kept = new ArrayList<>();
    while (!left.isEmpty()) {
      Detection best = left.remove(0);
      kept.add(best);
      left.removeIf(d -> d.box().iou(best.box()) > IOU_THRESHOLD);
    }
    return kept;
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
