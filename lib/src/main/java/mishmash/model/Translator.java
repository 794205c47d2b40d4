package mishmash.model;

/**
 * A picture in, a picture out: an image-to-image network such as a CycleGAN or pix2pix generator,
 * which the booth uses to turn a visitor's photo into a creature. Load one with
 * {@link Models#loadTranslator(String)}.
 *
 * <pre>
 * try (Translator t = Models.loadTranslator("my-cyclegan")) {
 *   Image creature = t.translate(Image.of(photo));   // at t.width() × t.height()
 * }
 * </pre>
 *
 * The input may have any size: it is resized to the model's {@code image_size} (proportions are
 * not kept, so crop first if they matter). The result always has the model's size; the caller
 * scales it for the screen. Calls are thread-safe; each one frees the native memory it used.
 */
public interface Translator extends AutoCloseable {

  /** The model.json this translator was loaded from. */
  Manifest manifest();

  /** Width of the pictures the network takes and gives, from {@code image_size}. */
  default int width() {
    return manifest().width();
  }

  /** Height of the pictures the network takes and gives, from {@code image_size}. */
  default int height() {
    return manifest().height();
  }

  /**
   * Runs the network on one picture.
   *
   * @return an opaque picture of {@link #width()} × {@link #height()}
   */
  Image translate(Image in);

  /** Frees the network's native memory. */
  @Override
  void close();
}
