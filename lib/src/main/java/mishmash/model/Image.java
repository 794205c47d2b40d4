package mishmash.model;

import java.awt.image.BufferedImage;

/**
 * One generated picture as packed ARGB pixels, row by row, the layout of Processing's
 * {@code PImage.pixels} and of {@link BufferedImage#TYPE_INT_ARGB}. In a sketch:
 * {@code PImage p = new PImage(image.toBufferedImage());}
 */
public record Image(int width, int height, int[] argb) {

  public Image {
    if (argb.length != width * height) {
      throw new IllegalArgumentException(
          "an image of " + width + "x" + height + " needs " + width * height + " pixels, got " + argb.length);
    }
  }

  public int get(int x, int y) {
    return argb[y * width + x];
  }

  public BufferedImage toBufferedImage() {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, width, height, argb, 0, width);
    return out;
  }

  public static Image of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    return new Image(w, h, image.getRGB(0, 0, w, h, null, 0, w));
  }
}
