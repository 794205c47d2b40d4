package mishmash.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import mishmash.latent.Latents;
import org.junit.jupiter.api.Test;

/** The model the README's main command uses loads from models/ with no setup. */
class DefaultModelTest {

  @Test
  void theDefaultModelLoadsAndDraws() {
    try (Generator gan = Models.load(Models.DEFAULT)) {
      assertTrue(gan.width() >= 64, "default model draws at least 64 pixels wide");
      Image[] images = gan.generate(Latents.batch(5, 2, gan.latentSize()), 0.7f);
      assertEquals(gan.width(), images[0].width());
      assertTrue(TinyModels.difference(images[0], images[1]) > 1, "two seeds, two creatures");
      assertTrue(gan.manifest().provenance("command").length() > 0, "the manifest says how the model was made");
      assertTrue(gan.manifest().provenance("license").length() > 0, "the manifest gives a license");
    }
  }

  @Test
  void latentsAreTheSameForTheSameSeed() {
    assertEquals(Latents.of(42, 8)[7], Latents.of(42, 8)[7]);
    assertTrue(Latents.of(42, 8)[0] != Latents.of(43, 8)[0]);
  }
}
