package mishmash.booth;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.invert.Inverter;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Resize;
import mishmash.model.Translator;

/**
 * One visitor's way through the booth, from the photo to the archive: the photo is analysed, a
 * creature is drawn at random from the archive (a bred one, a random one, or an earlier visitor),
 * the face is mixed with it, and the attributes are read off; once the visitor has typed a name,
 * {@link #join} puts the mixed portrait into the shared archive, where a running grid shows it.
 */
public final class Visit {
  /**
   * Everything but the name.
   *
   * @param faces how many faces were in the photo (the largest is taken)
   */
  public record Draft(long id, Image photo, Face face, int faces, Creature creature, Image portrait,
      List<MachineSpecs.Spec> specs) {}

  /**
   * How the booth reads faces: the detector at 320×320 rather than face-api.js's default 416 — a
   * visitor at the booth fills a fifth of the frame or more, which 320 finds as surely, in 40 ms
   * rather than 47 on two cores (see the README's benchmarks).
   */
  public static final FaceAnalyzer.Options FACES = new FaceAnalyzer.Options(320, 0.5f, 32);

  private Visit() {}

  /**
   * Analyses the photo and mixes the largest face with a random archive creature.
   *
   * @return empty when there is no face in the photo
   */
  public static Optional<Draft> make(Image photo, FaceAnalyzer analyzer, Archive archive, Generator gan,
      Random random, boolean demographics) {
    return make(photo, analyzer, archive, gan, null, random, demographics);
  }

  /**
   * As {@link #make(Image, FaceAnalyzer, Archive, Generator, Random, boolean)}, but with an artist's
   * own image-to-image network (a CycleGAN or pix2pix exported to TorchScript or ONNX) doing the
   * mixing: it gets the aligned face, and its picture is the portrait. Null: the built-in mix.
   */
  public static Optional<Draft> make(Image photo, FaceAnalyzer analyzer, Archive archive, Generator gan,
      Translator translator, Random random, boolean demographics) {
    return make(photo, analyzer, archive, gan, translator, null, random, demographics);
  }

  /**
   * As above, and with an inverter for the generator the "neural" mix ({@link NeuralMix}): the
   * visitor's form and parts, the creature's skin, drawn by the generator. Null: the mix above.
   */
  public static Optional<Draft> make(Image photo, FaceAnalyzer analyzer, Archive archive, Generator gan,
      Translator translator, Inverter neural, Random random, boolean demographics) {
    List<Face> faces = analyzer.analyze(photo.argb(), photo.width(), photo.height());
    if (faces.isEmpty()) {
      return Optional.empty();
    }
    Face face = faces.get(0);
    Creature creature = null;
    Image picture = null;
    archive.refresh(); // what the grid has bred since
    List<Creature> all = archive.all();
    for (int tries = 0; tries < 8 && picture == null && !all.isEmpty(); tries++) {
      Creature c = all.get(random.nextInt(all.size()));
      Optional<Image> p = archive.picture(c.seed());
      if (p.isPresent()) {
        creature = c;
        picture = p.get();
      }
    }
    if (picture == null) {
      // an empty archive (the booth ran before the grid ever did): a fresh creature, kept in the archive
      long seed = newId(random);
      creature = new Creature(seed, Genomes.fresh(gan, seed), new long[0], System.currentTimeMillis(),
          Creature.Source.RANDOM, 0, gan.manifest().name(), "");
      picture = Genomes.render(gan, List.of(creature.genome()), 0.7f)[0];
      archive.add(creature, picture);
    }
    Image portrait = neural != null ? NeuralMix.mix(gan, neural, photo, face, creature)
        : translator == null ? Mishmash.mix(photo, face, picture)
        : Resize.to(translator.translate(Mishmash.aligned(photo, face)), Mishmash.SIZE, Mishmash.SIZE);
    long id = newId(random);
    while (archive.contains(id)) {
      id = newId(random);
    }
    return Optional.of(new Draft(id, photo, face, faces.size(), creature, portrait,
        MachineSpecs.of(face, creature.seed(), demographics)));
  }

  /** A twelve-digit specimen number, like the grid's. */
  static long newId(Random random) {
    return 100_000_000_000L + Math.floorMod(random.nextLong(), 900_000_000_000L);
  }

  /**
   * The visitor's profile joins the archive: their portrait, at the model's size, under the
   * profile's id, with the creature as its parent and the name as typed.
   */
  public static Creature join(Draft d, String name, Archive archive, Generator gan) {
    Creature c = new Creature(d.id(), d.creature().genome(), new long[] {d.creature().seed()},
        System.currentTimeMillis(), Creature.Source.BOOTH, d.creature().generation() + 1, gan.manifest().name(), name);
    archive.add(c, scaled(d.portrait(), gan.width(), gan.height()));
    return c;
  }

  /** Box-filtered downscale (area average), so the archive picture is not aliased. */
  static Image scaled(Image img, int w, int h) {
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int y0 = y * img.height() / h;
      int y1 = Math.max(y0 + 1, (y + 1) * img.height() / h);
      for (int x = 0; x < w; x++) {
        int x0 = x * img.width() / w;
        int x1 = Math.max(x0 + 1, (x + 1) * img.width() / w);
        long r = 0;
        long g = 0;
        long b = 0;
        for (int yy = y0; yy < y1; yy++) {
          for (int xx = x0; xx < x1; xx++) {
            int p = img.argb()[yy * img.width() + xx];
            r += (p >> 16) & 255;
            g += (p >> 8) & 255;
            b += p & 255;
          }
        }
        int n = (y1 - y0) * (x1 - x0);
        out[y * w + x] = 0xFF000000 | (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
      }
    }
    return new Image(w, h, out);
  }
}
