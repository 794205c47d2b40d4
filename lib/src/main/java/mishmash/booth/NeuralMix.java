package mishmash.booth;

import java.util.List;
import mishmash.archive.Creature;
import mishmash.face.Face;
import mishmash.invert.Inverter;
import mishmash.latent.Bands;
import mishmash.latent.Genomes;
import mishmash.mirror.FaceCrop;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Resize;
import mishmash.model.Styles;

/**
 * The booth's "neural" mix, beside {@link Mishmash}'s mix of pixels: the inverter finds the
 * visitor in the generator's latent space (as the mirror does), and the generator draws a creature
 * whose form and parts (the coarse and middle style layers) are the visitor's and whose skin (the
 * fine layers: colour, texture) is the archive creature's.
 */
public final class NeuralMix {
  /** The truncation the creature's skin is drawn at, as the booth's fresh creatures are. */
  static final float PSI = 0.7f;

  private NeuralMix() {}

  /** The portrait, {@link Mishmash#SIZE} square. */
  public static Image mix(Generator gan, Inverter inverter, Image photo, Face face, Creature creature) {
    Styles visitor = visitor(gan, inverter, photo, face);
    Styles skin = Genomes.styles(gan, List.of(creature.genome()), PSI);
    Image drawn = gan.synthesize(visitor.mix(skin, firstSkinLayer(visitor.layers())))[0];
    return Resize.to(drawn, Mishmash.SIZE, Mishmash.SIZE);
  }

  /** The visitor's w: the inverter's face path, or its picture path on the face cut out as the generator's faces sit. */
  static Styles visitor(Generator gan, Inverter inverter, Image photo, Face face) {
    if (inverter.hasFacePath()) {
      return inverter.fromFace(face, photo);
    }
    return inverter.fromPicture(FaceCrop.of(photo, face, inverter.faceFrame().orElse(FaceCrop.CENTRED), gan.width(),
        gan.height()));
  }

  /** The first of the fine ("skin") band's layers. */
  static int firstSkinLayer(int layers) {
    for (int l = 0; l < layers; l++) {
      if (Bands.of(l, layers) == Bands.COUNT - 1) {
        return l;
      }
    }
    return layers;
  }
}
