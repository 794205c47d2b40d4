package mishmash.booth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.TinyModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A visitor's photo (a public-domain portrait, see the face fixtures' SOURCES.md) through the booth. */
class VisitTest {
  static final Path FACES = Paths.get("src/test/resources/fixtures/face");
  @TempDir static Path models;
  @TempDir Path dir;
  static FaceAnalyzer analyzer;
  static Generator gan;
  static Image photo;

  @BeforeAll
  static void load() throws Exception {
    analyzer = FaceAnalyzer.load(Paths.get("../models/face-api"));
    gan = Models.load(TinyModels.styleNet(models.resolve("tiny")));
    photo = Image.of(ImageIO.read(FACES.resolve("astronaut-320x240.png").toFile()));
  }

  @AfterAll
  static void close() {
    analyzer.close();
    gan.close();
  }

  @Test
  void aVisitorIsMixedWithACreatureAndJoinsTheArchive() throws Exception {
    Archive archive = Archive.open(dir.resolve("archive"));
    Visit.Draft draft = Visit.make(photo, analyzer, archive, gan, new Random(1), false).orElseThrow();
    assertEquals(1, draft.faces());
    assertEquals(Mishmash.SIZE, draft.portrait().width());
    Creature joined = Visit.join(draft, "Zoë 🤖", archive, gan);
    Archive reopened = Archive.open(dir.resolve("archive"));
    Creature c = reopened.get(draft.id()).orElseThrow();
    assertEquals(Creature.Source.BOOTH, c.source());
    assertEquals("Zoë 🤖", c.name());
    assertEquals(List.of(draft.creature().seed()), List.of(c.parents()[0]), "the creature is its parent");
    assertEquals(gan.width(), reopened.picture(c.seed()).orElseThrow().width(), "kept at the model's size");
    assertEquals(joined.seed(), c.seed());
  }

  @Test
  void theMixKeepsTheFaceAndWearsTheCreature() throws Exception {
    Face face = analyzer.analyze(photo.argb(), photo.width(), photo.height()).get(0);
    // a creature of saturated stripes: its colour and texture must show on the face
    int[] stripes = new int[64 * 64];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = (i / 64 / 4) % 2 == 0 ? 0xFF20C040 : 0xFF104020;
    }
    Image creature = new Image(64, 64, stripes);
    Image mixed = Mishmash.mix(photo, face, creature);
    Image plain = Mishmash.mix(photo, face, creature, new Mishmash.Settings(0, 0, 0));
    float[][] m = Mishmash.ycc(mixed.argb());
    float[][] p = Mishmash.ycc(plain.argb());
    // inside the face (the centre of the portrait): the visitor's light and shade survive...
    double corr = correlation(m[0], p[0], 180, 330, 150, 360);
    assertTrue(corr > 0.5, "the face's shading is still there: correlation " + corr);
    // ...in the creature's green
    double greenShift = mean(m[2], 180, 330, 150, 360) - mean(p[2], 180, 330, 150, 360);
    assertTrue(greenShift < -15, "Cr moved toward green: " + greenShift);
    ImageIO.write(mixed.toBufferedImage(), "png", dir.resolve("mixed.png").toFile());
  }

  @Test
  void theCreaturesStructureShowsOnTheFaceNotOnlyItsColours() throws Exception {
    Face face = analyzer.analyze(photo.argb(), photo.width(), photo.height()).get(0);
    // a creature of broad grey bands, as wide as a gear's teeth or a cell's membrane drawn at 128 pixels
    int[] bands = new int[128 * 128];
    for (int i = 0; i < bands.length; i++) {
      bands[i] = (i / 128 / 6) % 2 == 0 ? 0xFFB0B0B0 : 0xFF505050;
    }
    Image creature = new Image(128, 128, bands);
    float[] drawn = Mishmash.ycc(Mishmash.resize(creature, Mishmash.SIZE))[0];
    float[] mixed = Mishmash.ycc(Mishmash.mix(photo, face, creature).argb())[0];
    float[] plain = Mishmash.ycc(Mishmash.mix(photo, face, creature, new Mishmash.Settings(0, 0, 0)).argb())[0];
    double structure = correlation(mixed, drawn, 180, 330, 150, 360);
    assertTrue(structure > 0.4, "the creature's bands are seen on the face: correlation " + structure);
    double visitor = correlation(mixed, plain, 180, 330, 150, 360);
    assertTrue(visitor > 0.5, "and the visitor is still recognisable under them: correlation " + visitor);
  }

  @Test
  void attributesAreTheSameForTheSameVisitorAndCreatureAndDemographicsAreOffByDefault() {
    Face face = analyzer.analyze(photo.argb(), photo.width(), photo.height()).get(0);
    List<MachineSpecs.Spec> a = MachineSpecs.of(face, 42, false);
    assertEquals(a, MachineSpecs.of(face, 42, false));
    assertNotEquals(a, MachineSpecs.of(face, 43, false), "another creature, another machine");
    assertFalse(a.stream().anyMatch(s -> s.label().contains("Gender") || s.label().contains("age")));
    assertTrue(MachineSpecs.of(face, 42, true).stream().anyMatch(s -> s.label().startsWith("Gender")));
  }

  @Test
  void anArtistsOwnTranslatorCanDoTheMixing() throws Exception {
    try (mishmash.model.Translator t = Models.loadTranslator(Paths.get("src/test/resources/fixtures/ts-translator"))) {
      Archive archive = Archive.open(dir.resolve("archive"));
      Visit.Draft own = Visit.make(photo, analyzer, archive, gan, t, new Random(3), false).orElseThrow();
      Face face = analyzer.analyze(photo.argb(), photo.width(), photo.height()).get(0);
      Image expected = mishmash.model.Resize.to(t.translate(Mishmash.aligned(photo, face)), Mishmash.SIZE, Mishmash.SIZE);
      assertTrue(java.util.Arrays.equals(expected.argb(), own.portrait().argb()), "the portrait is the network's");
    }
  }

  @Test
  void noFaceMeansNoDraft() throws Exception {
    Image coffee = Image.of(ImageIO.read(FACES.resolve("coffee-240x160.png").toFile()));
    assertTrue(Visit.make(coffee, analyzer, Archive.open(dir.resolve("a")), gan, new Random(1), false).isEmpty());
  }

  @Test
  void theStoreKeepsNoSelfieUnlessAskedAndDeletesEverything() throws Exception {
    Archive archive = Archive.open(dir.resolve("archive"));
    Visit.Draft draft = Visit.make(photo, analyzer, archive, gan, new Random(2), false).orElseThrow();
    Visit.join(draft, "Ada", archive, gan);
    Profile profile = new Profile(draft.id(), "Ada", draft.creature().seed(), draft.specs(), 0);
    BoothStore store = new BoothStore(dir.resolve("booth"));
    store.save(profile, new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), null);
    assertTrue(Files.exists(store.card(draft.id())));
    assertFalse(Files.exists(store.selfie(draft.id())), "no selfie by default");
    assertEquals(profile, store.read(draft.id()));
    try (var files = Files.walk(dir.resolve("booth"))) {
      assertFalse(files.anyMatch(f -> f.toString().endsWith(".tmp")), "nothing half-written");
    }
    store.save(profile, new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), draft.photo());
    assertTrue(Files.exists(store.selfie(draft.id())), "kept when asked");
    assertTrue(store.delete(draft.id(), archive));
    assertFalse(Files.exists(store.card(draft.id())) || Files.exists(store.profile(draft.id()))
        || Files.exists(store.selfie(draft.id())));
    assertFalse(Archive.open(dir.resolve("archive")).contains(draft.id()), "gone from the archive too");
    assertFalse(store.delete(draft.id(), archive), "deleting again finds nothing");
  }

  static double mean(float[] plane, int x0, int x1, int y0, int y1) {
    double s = 0;
    int n = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        s += plane[y * Mishmash.SIZE + x];
        n++;
      }
    }
    return s / n;
  }

  static double correlation(float[] a, float[] b, int x0, int x1, int y0, int y1) {
    double ma = mean(a, x0, x1, y0, y1);
    double mb = mean(b, x0, x1, y0, y1);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        double da = a[y * Mishmash.SIZE + x] - ma;
        double db = b[y * Mishmash.SIZE + x] - mb;
        sab += da * db;
        saa += da * da;
        sbb += db * db;
      }
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
