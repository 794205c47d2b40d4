package mishmash.model;

import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * An artist's exported image-to-image network ({@code files.translator}), run by DJL's PyTorch
 * engine (TorchScript) or OnnxRuntime engine (ONNX). It takes and gives one RGB picture as
 * [1, 3, H, W] floats in the manifest's pixel_range. When it loads, a grey probe picture is run
 * through it, so a network with another interface fails at once with a message, not on a visitor.
 */
final class EngineTranslator implements Translator {
  static final String ROLE = "translator";

  private final Manifest manifest;
  private final EngineNetwork network;

  EngineTranslator(Manifest manifest, String engine) {
    this.manifest = manifest;
    this.network = new EngineNetwork(manifest.file(ROLE), engine);
    try {
      int[] grey = new int[manifest.width() * manifest.height()];
      Arrays.fill(grey, 0xFF808080);
      translate(new Image(manifest.width(), manifest.height(), grey));
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  @Override
  public Manifest manifest() {
    return manifest;
  }

  @Override
  public synchronized Image translate(Image in) {
    Objects.requireNonNull(in, "translate needs a picture, not null");
    int w = manifest.width();
    int h = manifest.height();
    float[] planes = Pixels.toPlanes(Resize.to(in, w, h), manifest.pixelMin(), manifest.pixelMax());
    NetworkGenerator.Output out;
    try {
      out = network.run(planes, new Shape(1, 3, h, w));
    } catch (RuntimeException e) {
      throw new ModelException(network.file, "the network rejected an RGB picture of " + w + "x" + h
          + " given as [1, 3, " + h + ", " + w + "] (" + NetworkGenerator.firstLine(e) + "). A translator "
          + "takes one picture and gives one back: check that this is an image-to-image network and that "
          + "model.json's image_size is a size it was exported for.", e);
    }
    checkShape(out.shape(), w, h);
    return Pixels.toImages(out.data(), 1, w, h, manifest.pixelMin(), manifest.pixelMax())[0];
  }

  private void checkShape(long[] s, int w, int h) {
    if (s.length == 4 && s[0] == 1 && s[1] == 3 && s[2] == h && s[3] == w) {
      return;
    }
    Path file = network.file;
    String shape = Arrays.toString(s);
    if (s.length == 4 && s[0] == 1 && s[1] == 3) {
      throw new ModelException(file, "turns a [1, 3, " + h + ", " + w + "] picture into " + shape
          + "; a translator must give back the size it was given. Fix image_size in model.json to a size "
          + "the network keeps (a ResNet generator needs sides divisible by 4).");
    }
    throw new ModelException(file, "gives a tensor of shape " + shape + " for a picture; a translator must "
        + "give an RGB picture [1, 3, " + h + ", " + w + "]. This does not look like an image-to-image "
        + "network (a generator or an encoder?): export the CycleGAN or pix2pix generator (netG).");
  }

  @Override
  public synchronized void close() {
    network.close();
  }
}
