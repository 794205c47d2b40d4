package mishmash.sketch;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import mishmash.archive.Archive;
import mishmash.bench.Stats;
import mishmash.booth.BoothStore;
import mishmash.booth.Profile;
import mishmash.booth.Visit;
import mishmash.face.FaceAnalyzer;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;

/**
 * The booth's numbers: from the moment the photo is taken to the finished card on disk (face
 * analysis of the 640×480 photo, the mix, the attributes, the card, saving it, joining the archive),
 * on the default model and a public-domain portrait.
 *
 * <pre>mvn -q compile exec:java -Dsketch=mishmash.sketch.BoothBench [-Dargs="--visits 20 --photo FILE"]</pre>
 */
public final class BoothBench {
  public static void main(String[] args) throws Exception {
    int visits = 20;
    Path photoFile = Paths.get("lib/src/test/resources/fixtures/face/astronaut-320x240.png");
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--visits")) {
        visits = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--photo")) {
        photoFile = Paths.get(args[++i]);
      }
    }
    System.setProperty("ai.djl.pytorch.num_threads", "2");
    // the booth's camera gives 640×480: scale the portrait up to that
    BufferedImage src = ImageIO.read(photoFile.toFile());
    BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    frame.createGraphics().drawImage(src, 0, 0, 640, 480, null);
    Image photo = Image.of(frame);
    Path tmp = Files.createTempDirectory("booth-bench");
    try (Generator gan = Models.load(Models.DEFAULT);
        FaceAnalyzer faces = FaceAnalyzer.load(Models.directory().resolve("face-api"), Visit.FACES)) {
      Archive archive = Archive.open(tmp.resolve("archive"));
      BoothStore store = new BoothStore(tmp.resolve("booth"));
      Random random = new Random(1);
      double[] analyse = new double[visits];
      double[] total = new double[visits];
      double[] card = new double[visits];
      for (int i = -3; i < visits; i++) { // three to warm up
        long t0 = System.nanoTime();
        faces.analyze(photo.argb(), photo.width(), photo.height());
        long t1 = System.nanoTime();
        Visit.Draft d = Visit.make(photo, faces, archive, gan, random, false).orElseThrow();
        Profile p = new Profile(d.id(), "Bench " + i, d.creature().seed(), d.specs(), System.currentTimeMillis());
        long t2 = System.nanoTime();
        BufferedImage printed = Card.draw(p, d.portrait().toBufferedImage(), d.creature());
        store.save(p, printed, null);
        Visit.join(d, p.name(), archive, gan);
        long t3 = System.nanoTime();
        if (i >= 0) {
          analyse[i] = (t1 - t0) / 1e6;
          total[i] = (t3 - t1) / 1e6;
          card[i] = (t3 - t2) / 1e6;
        }
      }
      System.out.println("| what | n | median ms | p99 ms | peak RSS MB |");
      System.out.println("|---|---|---|---|---|");
      row("face analysis, one 640×480 frame (detect, landmarks, age/gender, expression)", analyse);
      row("capture to finished card (analysis, mix, attributes, card, save, archive)", total);
      row("  of which card drawing, saving and joining the archive", card);
    }
  }

  static void row(String what, double[] ms) {
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.0f |%n", what, ms.length, Stats.median(ms),
        Stats.percentile(ms, 99), Stats.peakRssMb());
  }
}
