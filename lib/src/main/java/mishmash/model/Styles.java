package mishmash.model;

import java.util.Arrays;
import java.util.List;

/**
 * What a generator draws from: for each of {@code count} images, one style vector per synthesis
 * layer ({@code layers} × {@code dim} floats). For a model with a mapping network these are
 * StyleGAN's w vectors, and mixing layers from two creatures mixes coarse shape with fine texture.
 * For a plain z→image model there is one layer and it is z itself.
 */
public record Styles(int count, int layers, int dim, float[] data) {

  public Styles {
    if (data.length != count * layers * dim) {
      throw new IllegalArgumentException("styles of " + count + "x" + layers + "x" + dim
          + " need " + count * layers * dim + " floats, got " + data.length);
    }
  }

  /** The styles of image {@code i} alone. */
  public Styles get(int i) {
    int n = layers * dim;
    return new Styles(1, layers, dim, Arrays.copyOfRange(data, i * n, (i + 1) * n));
  }

  /** Layer {@code layer} of image {@code i}. */
  public float[] layer(int i, int layer) {
    int from = (i * layers + layer) * dim;
    return Arrays.copyOfRange(data, from, from + dim);
  }

  /**
   * Style mixing: this creature's layers before {@code fromLayer} (coarse: pose, shape), the
   * other's from there on (fine: texture, colour). Both must hold the same number of images.
   */
  public Styles mix(Styles other, int fromLayer) {
    checkSameShape(other);
    float[] out = data.clone();
    for (int i = 0; i < count; i++) {
      for (int l = Math.max(0, fromLayer); l < layers; l++) {
        int at = (i * layers + l) * dim;
        System.arraycopy(other.data, at, out, at, dim);
      }
    }
    return new Styles(count, layers, dim, out);
  }

  /** Straight-line interpolation toward {@code other}: t = 0 gives this, t = 1 gives other. */
  public Styles lerp(Styles other, float t) {
    checkSameShape(other);
    float[] out = new float[data.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = data[k] + (other.data[k] - data[k]) * t;
    }
    return new Styles(count, layers, dim, out);
  }

  /** Several single- or multi-image styles stacked into one batch. */
  public static Styles concat(List<Styles> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to concatenate");
    }
    Styles first = parts.get(0);
    int count = 0;
    for (Styles s : parts) {
      if (s.layers != first.layers || s.dim != first.dim) {
        throw new IllegalArgumentException("styles of different shapes cannot be stacked");
      }
      count += s.count;
    }
    float[] out = new float[count * first.layers * first.dim];
    int at = 0;
    for (Styles s : parts) {
      System.arraycopy(s.data, 0, out, at, s.data.length);
      at += s.data.length;
    }
    return new Styles(count, first.layers, first.dim, out);
  }

  private void checkSameShape(Styles other) {
    if (other.count != count || other.layers != layers || other.dim != dim) {
      throw new IllegalArgumentException("styles of " + count + "x" + layers + "x" + dim
          + " and " + other.count + "x" + other.layers + "x" + other.dim + " do not match");
    }
  }
}
