package mishmash.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import mishmash.latent.Latents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a sketch relies on, for every format that has a mapping network. */
class GeneratorBehaviourTest {
  @TempDir static Path tmp;
  static Generator djl;
  static Generator torchscript;
  static Generator onnx;

  @BeforeAll
  static void load() throws Exception {
    djl = Models.load(TinyModels.styleNet(tmp.resolve("tiny")));
    torchscript = Models.load(TinyModels.fixture("ts-styled"));
    onnx = Models.load(TinyModels.fixture("onnx-styled"));
  }

  @AfterAll
  static void close() {
    Stream.of(djl, torchscript, onnx).forEach(Generator::close);
  }

  static Stream<Arguments> styled() {
    return Stream.of(Arguments.of("djl", djl), Arguments.of("torchscript", torchscript), Arguments.of("onnx", onnx));
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false) // the models are shared and closed once
  @MethodSource("styled")
  void generatesABatchOfTheSizeTheManifestSays(String format, Generator gan) {
    Image[] images = gan.generate(Latents.batch(1, 5, gan.latentSize()));
    assertEquals(5, images.length);
    for (Image image : images) {
      assertEquals(gan.width(), image.width());
      assertEquals(gan.height(), image.height());
    }
    assertTrue(TinyModels.difference(images[0], images[1]) > 1, "different latents, different pictures");
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false) // the models are shared and closed once
  @MethodSource("styled")
  void theSameLatentGivesTheSamePictureAloneOrInABatch(String format, Generator gan) {
    float[][] z = Latents.batch(40, 3, gan.latentSize());
    Image alone = gan.generate(z[2]);
    Image inBatch = gan.generate(z)[2];
    assertTrue(TinyModels.difference(alone, inBatch) < 0.5, "batching must not change a picture");
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false) // the models are shared and closed once
  @MethodSource("styled")
  void truncationPullsEveryCreatureTowardTheAverage(String format, Generator gan) {
    float[][] z = Latents.batch(100, 2, gan.latentSize());
    Image[] free = gan.generate(z, 1f);
    Image[] half = gan.generate(z, 0.5f);
    Image[] average = gan.generate(z, 0f);
    assertTrue(TinyModels.difference(average[0], average[1]) < 0.5, "psi 0 gives the average creature for any z");
    double spreadFree = TinyModels.difference(free[0], free[1]);
    double spreadHalf = TinyModels.difference(half[0], half[1]);
    assertTrue(spreadHalf < spreadFree, "psi 0.5 brings two creatures closer: " + spreadHalf + " vs " + spreadFree);
    Styles w = gan.map(z, 0f);
    assertArrayEquals(((NetworkGenerator) gan).meanStyles().data(), w.get(0).data(), 1e-5f);
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false) // the models are shared and closed once
  @MethodSource("styled")
  void styleMixingTakesCoarseLayersFromOneAndFineFromTheOther(String format, Generator gan) {
    Styles a = gan.map(new float[][] {Latents.of(1, gan.latentSize())}, 1f);
    Styles b = gan.map(new float[][] {Latents.of(2, gan.latentSize())}, 1f);
    int layers = gan.styleLayers();
    assertTrue(layers > 2);
    Image imageA = gan.synthesize(a)[0];
    Image imageB = gan.synthesize(b)[0];
    Image none = gan.synthesize(a.mix(b, layers))[0];
    Image all = gan.synthesize(a.mix(b, 0))[0];
    Image half = gan.synthesize(a.mix(b, layers / 2))[0];
    assertTrue(TinyModels.difference(none, imageA) < 0.5, "mixing from past the last layer keeps A");
    assertTrue(TinyModels.difference(all, imageB) < 0.5, "mixing from layer 0 gives B");
    assertTrue(TinyModels.difference(half, imageA) > 0.5, "a mix differs from A");
    assertTrue(TinyModels.difference(half, imageB) > 0.5, "a mix differs from B");
    Styles mixed = a.mix(b, layers / 2);
    assertArrayEquals(a.layer(0, 0), mixed.layer(0, 0));
    assertArrayEquals(b.layer(0, layers - 1), mixed.layer(0, layers - 1));
  }

  @ParameterizedTest(name = "{0}", autoCloseArguments = false) // the models are shared and closed once
  @MethodSource("styled")
  void aWrongInputIsRefusedWithAMessage(String format, Generator gan) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> gan.generate(new float[gan.latentSize() + 1]));
    assertTrue(e.getMessage().contains("takes " + gan.latentSize()), e.getMessage());
    float[] nan = new float[gan.latentSize()];
    nan[3] = Float.NaN;
    assertThrows(IllegalArgumentException.class, () -> gan.generate(nan));
    assertEquals(2, gan.generate(Latents.batch(3, 2, gan.latentSize())).length, "still works afterwards");
  }
}
