package mishmash.invert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.Styles;
import org.junit.jupiter.api.Test;

/** The still mode on the shipped model and its inverter: a few seconds of refining bring the picture nearer its target, and stop on time. */
class StillModeTest {
  @Test
  void refiningForTwoSecondsBringsThePictureNearerAndStopsOnTime() {
    try (Generator gan = Models.load("creatures"); Inverter inverter = Inverter.load(gan)) {
      Image target = Genomes.render(gan, List.of(Genomes.fresh(gan, 9_001)), 0.8f)[0];
      Styles start = inverter.fromPicture(target);
      double before = TrainInverter.levelsApart(gan.synthesize(start)[0], target);
      AtomicInteger steps = new AtomicInteger();
      long t0 = System.nanoTime();
      Styles refined = inverter.refine(gan, start, target, 2000, s -> steps.incrementAndGet());
      double ms = (System.nanoTime() - t0) / 1e6;
      double after = TrainInverter.levelsApart(gan.synthesize(refined)[0], target);
      assertTrue(steps.get() >= 1, "it shows its steps");
      assertTrue(after < 0.9 * before, "refined, the picture is nearer its target: " + before + " → " + after
          + " levels apart after " + steps.get() + " steps");
      assertTrue(ms < 2000 + 3000, "time-boxed to 2 s (and the step under way): " + ms + " ms");
    }
  }
}
