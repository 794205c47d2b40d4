package mishmash.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PainterTest {
  @TempDir Path tmp;

  @Test
  void inTheBackgroundTheLatestRequestIsDrawnAndHandedOverOnTheAnimationThread() throws Exception {
    try (Generator gan = Models.load(TinyModels.styleNet(tmp.resolve("tiny"))); Painter painter = new Painter(gan, true)) {
      List<Integer> got = new ArrayList<>();
      List<Thread> on = new ArrayList<>();
      for (int i = 0; i < 50; i++) { // a walk asking every frame, faster than any model draws
        int asked = i;
        painter.paint("walk", List.of(Genomes.fresh(gan, i)), 1f, p -> {
          got.add(asked);
          on.add(Thread.currentThread());
        });
      }
      long end = System.nanoTime() + 30_000_000_000L;
      while (!got.contains(49) && System.nanoTime() < end) {
        painter.update();
        Thread.sleep(5);
      }
      assertTrue(got.contains(49), "the last request was drawn: " + got);
      assertTrue(got.size() < 50, "requests overtaken by newer ones were dropped, not queued: " + got.size());
      assertTrue(on.stream().allMatch(t -> t == Thread.currentThread()), "handed over in update(), on the caller's thread");
      assertEquals(null, painter.warning());
    }
  }

  @Test
  void inTheForegroundItDrawsAtOnceTheSamePicturesAsTheModel() throws Exception {
    try (Generator gan = Models.load(TinyModels.styleNet(tmp.resolve("tiny"))); Painter painter = new Painter(gan, false)) {
      Genome a = Genomes.fresh(gan, 1);
      Genome b = Genomes.fresh(gan, 2);
      Image[][] got = new Image[1][];
      painter.paint("two", List.of(a, b), 0.7f, p -> got[0] = p);
      assertNotNull(got[0], "at once");
      Image[] expected = Genomes.render(gan, List.of(a, b), 0.7f);
      assertArrayEquals(expected[0].argb(), got[0][0].argb());
      assertNotEquals(java.util.Arrays.hashCode(got[0][0].argb()), java.util.Arrays.hashCode(got[0][1].argb()));
    }
  }

  @Test
  void aFailingModelBecomesAWarningNotACrash() throws Exception {
    try (Generator gan = Models.load(TinyModels.styleNet(tmp.resolve("tiny"))); Painter painter = new Painter(gan, false)) {
      Genome wrong = Genome.fresh(1, 1, gan.latentSize() + 3); // another model's genome
      painter.paint("x", List.of(wrong), 1f, p -> {
        throw new AssertionError("no pictures");
      });
      assertTrue(painter.warning() != null && painter.warning().startsWith("The model failed"), painter.warning());
    }
  }
}
