package mishmash.mirror;

import mishmash.face.Box;
import mishmash.face.Face;
import mishmash.invert.Inverter;
import mishmash.model.Image;
import mishmash.model.Pixels;

/**
 * The viewer's face cut out of a camera frame so that it sits in the picture as faces sit in the
 * generator's pictures ({@link Inverter.FaceFrame}): the same place, the same size. What the still
 * mode aims the generator at, and what the picture path reads when there is no face path. Parts
 * outside the frame are filled with the nearest edge.
 */
public final class FaceCrop {
  /** Where faces sit when the inverter does not say (it has no face path): in the middle, 60% of the picture. */
  public static final Inverter.FaceFrame CENTRED = new Inverter.FaceFrame(0.5f, 0.5f, 0.6f);

  private FaceCrop() {}

  public static Image of(Image frame, Face face, Inverter.FaceFrame where, int width, int height) {
    Box box = face.alignedBox();
    float side = Math.max(box.width(), box.height());
    float cropSide = side / Math.max(0.05f, where.side()); // frame pixels the picture's larger side spans
    float scale = cropSide / Math.max(width, height);
    float left = box.x() + box.width() / 2 - where.centreX() * width * scale;
    float top = box.y() + box.height() / 2 - where.centreY() * height * scale;
    int[] out = new int[width * height];
    int[] px = frame.argb();
    int fw = frame.width();
    int fh = frame.height();
    for (int y = 0; y < height; y++) {
      float sy = top + (y + 0.5f) * scale - 0.5f;
      for (int x = 0; x < width; x++) {
        float sx = left + (x + 0.5f) * scale - 0.5f;
        out[y * width + x] = Pixels.bilinear(px, fw, fh, sx, sy);
      }
    }
    return new Image(width, height, out);
  }
}
