package mishmash.invert;

import java.util.List;
import mishmash.face.Box;
import mishmash.face.Expression;
import mishmash.face.Face;
import mishmash.face.Gender;
import mishmash.face.Point;
import mishmash.model.Image;

/**
 * A face as the inverter's face path sees it, in {@link #SIZE} numbers, the same for a visitor's
 * photo and for a creature the generator drew: where its 68 landmarks are (relative to the face,
 * so a face anywhere in the frame and of any size reads the same: its pose and expression), the
 * probabilities of the seven expressions, age and gender, and the colours at nine places — the
 * forehead, both cheeks, the nose, the chin, the lips, the hair above the face and the background
 * on either side of it. This is what Narcissus's inverter took: a face that looks nothing like a
 * creature still says how it is turned, how it smiles and what colours it has.
 */
public final class FaceFeatures {
  /** 136 landmark coordinates, 7 expressions, age and gender, 9 colours. */
  public static final int SIZE = 136 + Expression.values().length + 2 + 27;

  private FaceFeatures() {}

  public static float[] of(Face face, Image frame) {
    float[] f = new float[SIZE];
    Box box = face.alignedBox();
    float side = Math.max(1, Math.max(box.width(), box.height()));
    float cx = box.x() + box.width() / 2;
    float cy = box.y() + box.height() / 2;
    List<Point> p = face.landmarks();
    int at = 0;
    for (Point q : p) {
      f[at++] = (q.x() - cx) / side;
      f[at++] = (q.y() - cy) / side;
    }
    for (Expression e : Expression.values()) {
      f[at++] = face.expressions().get(e);
    }
    f[at++] = face.age() / 100f;
    f[at++] = face.gender() == Gender.MALE ? face.genderProbability() : 1 - face.genderProbability();
    Point browL = p.get(19);
    Point browR = p.get(24);
    float eyeY = (p.get(37).y() + p.get(44).y()) / 2;
    float[][] places = {
        {(browL.x() + browR.x()) / 2, (browL.y() + browR.y()) / 2 - 0.12f * side},           // forehead
        {(p.get(1).x() + p.get(31).x()) / 2, (p.get(1).y() + p.get(31).y()) / 2},            // cheek, picture's left
        {(p.get(15).x() + p.get(35).x()) / 2, (p.get(15).y() + p.get(35).y()) / 2},          // cheek, picture's right
        {p.get(30).x(), p.get(30).y()},                                                       // nose
        {p.get(8).x(), p.get(8).y() - 0.05f * side},                                          // chin
        {(p.get(51).x() + p.get(57).x()) / 2, (p.get(51).y() + p.get(57).y()) / 2},          // lips
        {(browL.x() + browR.x()) / 2, (browL.y() + browR.y()) / 2 - 0.38f * side},           // hair
        {box.x() - 0.12f * side, eyeY},                                                       // background, left
        {box.x() + box.width() + 0.12f * side, eyeY}};                                        // background, right
    float radius = Math.max(1, side / 24);
    for (float[] place : places) {
      float[] rgb = mean(frame, place[0], place[1], radius);
      f[at++] = rgb[0];
      f[at++] = rgb[1];
      f[at++] = rgb[2];
    }
    return f;
  }

  /** Mean colour (0..1) of the square around (x, y), clipped to the frame; grey where none of it is in it. */
  static float[] mean(Image frame, float x, float y, float radius) {
    int x0 = Math.max(0, (int) Math.floor(x - radius));
    int x1 = Math.min(frame.width() - 1, (int) Math.ceil(x + radius));
    int y0 = Math.max(0, (int) Math.floor(y - radius));
    int y1 = Math.min(frame.height() - 1, (int) Math.ceil(y + radius));
    if (x0 > x1 || y0 > y1) {
      return new float[] {0.5f, 0.5f, 0.5f};
    }
    double r = 0;
    double g = 0;
    double b = 0;
    int n = 0;
    int[] px = frame.argb();
    for (int yy = y0; yy <= y1; yy++) {
      for (int xx = x0; xx <= x1; xx++) {
        int c = px[yy * frame.width() + xx];
        r += c >> 16 & 0xFF;
        g += c >> 8 & 0xFF;
        b += c & 0xFF;
        n++;
      }
    }
    return new float[] {(float) (r / n / 255), (float) (g / n / 255), (float) (b / n / 255)};
  }
}
