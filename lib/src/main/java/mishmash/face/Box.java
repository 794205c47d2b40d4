package mishmash.face;

/** A rectangle in image pixels: left, top, width, height. */
public record Box(float x, float y, float width, float height) {

  /** The smallest box around the points (landmarks, say). */
  public static Box around(java.util.List<Point> points) {
    float minX = Float.POSITIVE_INFINITY;
    float minY = Float.POSITIVE_INFINITY;
    float maxX = Float.NEGATIVE_INFINITY;
    float maxY = Float.NEGATIVE_INFINITY;
    for (Point p : points) {
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x());
      maxY = Math.max(maxY, p.y());
    }
    return new Box(minX, minY, maxX - minX, maxY - minY);
  }

  public float right() {
    return x + width;
  }

  public float bottom() {
    return y + height;
  }

  public float area() {
    return Math.max(0, width) * Math.max(0, height);
  }

  /** The shorter side, the measure of how big a face is. */
  public float minSide() {
    return Math.min(width, height);
  }

  /** Intersection over union with another box; 0 when they do not touch. */
  public float iou(Box o) {
    float w = Math.max(0, Math.min(right(), o.right()) - Math.max(x, o.x));
    float h = Math.max(0, Math.min(bottom(), o.bottom()) - Math.max(y, o.y));
    float inter = w * h;
    float union = area() + o.area() - inter;
    return union <= 0 ? 0 : inter / union;
  }

  /** Grown by {@code fraction} of its width and height, half on each side. */
  Box pad(float fraction) {
    return new Box(x - width * fraction / 2, y - height * fraction / 2, width * (1 + fraction), height * (1 + fraction));
  }

  /**
   * The whole-pixel part of this box that lies in a {@code imageWidth × imageHeight} image, as
   * face-api.js cuts its face crops: clipped at the borders, then each of x, y, width, height
   * rounded down. Width or height may come out 0 or less when the box lies outside the image.
   */
  Box clipToPixels(int imageWidth, int imageHeight) {
    float cx = Math.max(x, 0);
    float cy = Math.max(y, 0);
    float w = Math.min(right() - cx, imageWidth - cx);
    float h = Math.min(bottom() - cy, imageHeight - cy);
    return new Box((float) Math.floor(cx), (float) Math.floor(cy), (float) Math.floor(w), (float) Math.floor(h));
  }
}
