package mishmash.dials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mishmash.invert.TrainInverter;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.model.Styles;
import mishmash.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dials command on a small generator: a file for that generator, its dials calibrated to one size of change. */
class MakeDialsTest {
  @TempDir Path tmp;

  @Test
  void itMakesCalibratedDialsForItsGenerator() throws Exception {
    Path model = TinyModels.styleNet(tmp.resolve("tiny"));
    Path out = tmp.resolve("dials.json");
    MakeDials.Result r = MakeDials.run(new String[] {"--model", model.toString(), "--samples", "100", "--test", "20",
        "--names", "faces.age", "--unsupervised", "3", "--levels", "8", "--cache", tmp.resolve("cache").toString(), "--out", out.toString()});
    assertEquals(out, r.file());
    assertTrue(Files.exists(out));
    assertTrue(r.table().contains("GANSpace"), r.table());
    try (Generator gan = Models.load(model)) {
      Dials dials = Dials.read(out, gan);
      List<String> names = dials.dials().stream().map(Dials.Dial::name).toList();
      assertTrue(names.containsAll(List.of("1", "2", "3")), "three unnamed dials: " + names);
      List<mishmash.latent.Genome> genomes = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        genomes.add(Genomes.fresh(gan, 50_000 + i)); // creatures the command did not calibrate on
      }
      Styles base = Genomes.styles(gan, genomes, 1f);
      Image[] before = gan.synthesize(base);
      for (int k = 0; k < dials.size(); k++) {
        float[] values = new float[dials.size()];
        values[k] = 1;
        Image[] after = gan.synthesize(dials.apply(base, values));
        double levels = 0;
        for (int i = 0; i < before.length; i++) {
          levels += TrainInverter.levelsApart(before[i], after[i]) / before.length;
        }
        assertTrue(levels > 4 && levels < 16, "one unit of dial " + dials.dials().get(k).name()
            + " changes a picture by about 8 levels of 255, not " + levels);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> MakeDials.run(new String[] {"--model", model.toString(),
        "--samples", "120", "--wings", "3"}), "an unknown option is an error");
  }
}
