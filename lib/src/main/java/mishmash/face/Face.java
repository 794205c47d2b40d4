package mishmash.face;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One analysed face. Everything in image pixels of the frame that was analysed.
 *
 * @param box where the detector found the face
 * @param score the detector's confidence, 0..1
 * @param landmarks the 68 points of the iBUG 300-W layout: jaw 0–16, brows 17–26, nose 27–35,
 *     eyes 36–47, mouth 48–67
 * @param alignedBox the box around the landmarks, padded by 20%: the crop that age, gender and
 *     expression were read from
 * @param age estimated age in years
 * @param gender the more likely of the two
 * @param genderProbability how likely {@code gender} is, 0.5..1
 * @param expressions probability of each expression; they sum to 1
 */
public record Face(Box box, float score, List<Point> landmarks, Box alignedBox, float age, Gender gender,
    float genderProbability, Map<Expression, Float> expressions) {

  public Face {
    landmarks = List.copyOf(landmarks);
    expressions = Collections.unmodifiableMap(new EnumMap<>(expressions));
  }

  /** The most likely expression. */
  public Expression expression() {
    return expressions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
