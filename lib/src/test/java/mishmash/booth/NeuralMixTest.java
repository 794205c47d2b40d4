package mishmash.booth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.invert.Inverter;
import mishmash.invert.TrainInverter;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.Resize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The booth's neural mix on the shipped model and its inverter: the visitor's form, the creature's skin. */
class NeuralMixTest {
  @TempDir Path dir;

  @Test
  void theVisitorsFormWithTheCreaturesSkinDrawnByTheGenerator() throws Exception {
    Image photo = Image.of(ImageIO.read(VisitTest.FACES.resolve("astronaut-320x240.png").toFile()));
    try (FaceAnalyzer analyzer = FaceAnalyzer.load(Paths.get("../models/face-api"), Visit.FACES);
         Generator gan = Models.load("creatures"); Inverter inverter = Inverter.load(gan)) {
      Face face = analyzer.analyze(photo.argb(), photo.width(), photo.height()).get(0);
      Creature a = creature(gan, 11);
      Creature b = creature(gan, 4242);
      Image withA = NeuralMix.mix(gan, inverter, photo, face, a);
      Image withB = NeuralMix.mix(gan, inverter, photo, face, b);
      assertEquals(Mishmash.SIZE, withA.width());
      assertEquals(Mishmash.SIZE, withA.height());
      Image pictureA = Resize.to(Genomes.render(gan, List.of(a.genome()), NeuralMix.PSI)[0], Mishmash.SIZE, Mishmash.SIZE);
      Image pictureB = Resize.to(Genomes.render(gan, List.of(b.genome()), NeuralMix.PSI)[0], Mishmash.SIZE, Mishmash.SIZE);
      double skins = TrainInverter.levelsApart(withA, withB);
      double creatures = TrainInverter.levelsApart(pictureA, pictureB);
      assertTrue(skins > 2, "another creature gives another skin: " + skins + " levels apart");
      assertTrue(skins < 0.8 * creatures, "both keep the visitor's form: the two mixes are " + skins
          + " levels apart, the two creatures " + creatures);

      Archive archive = Archive.open(dir.resolve("archive"));
      archive.add(a, pictureA);
      Visit.Draft neural = Visit.make(photo, analyzer, archive, gan, null, inverter, new Random(1), false).orElseThrow();
      Visit.Draft pixels = Visit.make(photo, analyzer, archive, gan, null, null, new Random(1), false).orElseThrow();
      assertEquals(a.seed(), neural.creature().seed());
      assertTrue(TrainInverter.levelsApart(neural.portrait(), withA) < 0.5, "the booth's neural choice is this mix");
      assertTrue(TrainInverter.levelsApart(neural.portrait(), pixels.portrait()) > 10, "and not the mix of pixels");
    }
  }

  static Creature creature(Generator gan, long seed) {
    return new Creature(seed, Genomes.fresh(gan, seed), new long[0], System.currentTimeMillis(), Creature.Source.RANDOM, 0,
        gan.manifest().name(), "");
  }
}
