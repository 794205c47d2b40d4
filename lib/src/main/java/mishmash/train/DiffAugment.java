package mishmash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Differentiable augmentation (Zhao et al. 2020, policy "color,translation,cutout", with a
 * smaller translation): the same kind
 * of random change is applied to real and generated pictures before D sees them, and gradients
 * flow through it to G. With a few thousand training images, D otherwise memorises them and G
 * collapses; with it, D cannot tell real from fake by memory, and G never learns the augmentations
 * themselves, because they happen to both sides alike.
 */
final class DiffAugment {
  private DiffAugment() {}

  /** Augments pictures [B, 3, S, S] in [-1, 1], each with its own random draw. */
  static NDArray apply(NDArray x, Rng rng) {
    return apply(x, rng, true);
  }

  /**
   * With {@code colour} false, only translation and cutout: a critic that judges pretrained features
   * is blind enough to colour already, and taught that recoloured pictures are real it let the
   * generator drift into pure blues and yellows.
   */
  static NDArray apply(NDArray x, Rng rng, boolean colour) {
    return cutout(translate(colour ? colour(x, rng) : x, rng), rng);
  }

  /** Random brightness (±0.5), saturation (×0..2) and contrast (×0.5..1.5). */
  static NDArray colour(NDArray x, Rng rng) {
    int b = (int) x.getShape().get(0);
    NDManager m = x.getManager();
    NDArray brightness = perImage(m, b, rng, -0.5f, 0.5f);
    x = x.add(brightness);
    NDArray grey = x.mean(new int[] {1}, true);
    x = x.sub(grey).mul(perImage(m, b, rng, 0f, 2f)).add(grey);
    NDArray mean = x.reshape(b, -1).mean(new int[] {1}, true).reshape(b, 1, 1, 1);
    return x.sub(mean).mul(perImage(m, b, rng, 0.5f, 1.5f)).add(mean);
  }

  /**
   * Shifts each picture by up to 1/16 of its size in x and y, filling with zeros (grey). The
   * paper's 1/8 kept our small critic from telling blurred pictures from sharp ones for twice as
   * many steps.
   */
  static NDArray translate(NDArray x, Rng rng) {
    int b = (int) x.getShape().get(0);
    int size = (int) x.getShape().get(2);
    int shift = Math.max(1, size / 16);
    NDArray padded = x.pad(new Shape(shift, shift, shift, shift), 0);
    NDList parts = new NDList(b);
    for (int i = 0; i < b; i++) {
      int y0 = rng.nextInt(2 * shift + 1); // 0..2·shift in the padded picture: a shift of −shift..+shift
      int x0 = rng.nextInt(2 * shift + 1);
      parts.add(padded.get(new NDIndex("{}, :, {}:{}, {}:{}", i, y0, y0 + size, x0, x0 + size)));
    }
    return NDArrays.stack(parts);
  }

  /** Blanks a random square of half the picture's side in each picture. */
  static NDArray cutout(NDArray x, Rng rng) {
    int b = (int) x.getShape().get(0);
    int size = (int) x.getShape().get(2);
    int cut = size / 2;
    float[] top = new float[b];
    float[] left = new float[b];
    for (int i = 0; i < b; i++) {
      top[i] = rng.nextInt(size + 1) - cut / 2;
      left[i] = rng.nextInt(size + 1) - cut / 2;
    }
    NDManager m = x.getManager();
    NDArray rows = m.arange(0f, size, 1f, DataType.FLOAT32).reshape(1, 1, size, 1);
    NDArray cols = rows.reshape(1, 1, 1, size);
    NDArray y0 = m.create(top, new Shape(b, 1, 1, 1));
    NDArray x0 = m.create(left, new Shape(b, 1, 1, 1));
    NDArray inRows = rows.gte(y0).logicalAnd(rows.lt(y0.add(cut)));
    NDArray inCols = cols.gte(x0).logicalAnd(cols.lt(x0.add(cut)));
    NDArray keep = inRows.logicalAnd(inCols).logicalNot().toType(DataType.FLOAT32, false);
    return x.mul(keep);
  }

  private static NDArray perImage(NDManager m, int b, Rng rng, float lo, float hi) {
    float[] v = new float[b];
    for (int i = 0; i < b; i++) {
      v[i] = lo + (hi - lo) * rng.nextFloat();
    }
    return m.create(v, new Shape(b, 1, 1, 1));
  }
}
