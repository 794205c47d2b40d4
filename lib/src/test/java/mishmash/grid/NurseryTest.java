package mishmash.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.model.Generator;
import mishmash.model.Models;
import mishmash.model.TinyModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NurseryTest {
  @TempDir static Path models;
  @TempDir Path dir;
  static Generator gan;
  double now;

  @BeforeAll
  static void load() throws Exception {
    gan = Models.load(TinyModels.styleNet(models.resolve("tiny")));
  }

  @AfterAll
  static void close() {
    gan.close();
  }

  /** Lets a newborn ordered now arrive: births show {@link Nursery#PREFETCH} seconds after they are ordered. */
  void arrive(Nursery n) {
    now += Nursery.PREFETCH;
    n.update();
  }

  Nursery nursery(Path archive) {
    return new Nursery(gan, Archive.open(archive), () -> now, false);
  }

  static long[] seeds(Grid grid) {
    long[] out = new long[grid.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = grid.get(i).creature().seed();
    }
    return out;
  }

  static List<int[]> pictures(Grid grid, double at) {
    List<int[]> out = new ArrayList<>();
    for (Cell c : grid) {
      int[] px = new int[c.pictureWidth() * c.pictureHeight()];
      c.render(at, px);
      out.add(px);
    }
    return out;
  }

  @Test
  void aNewGridFillsWithRandomCreaturesThatJoinTheArchive() {
    Nursery n = nursery(dir);
    Grid grid = n.open(4, 3, 1, 0.7f);
    assertEquals(12, grid.size());
    assertEquals(12, Archive.open(dir).size());
    assertEquals(12, Arrays.stream(seeds(grid)).distinct().count());
  }

  @Test
  void aChildIsBredFromTwoCreaturesOnTheGridAndRemembersThem() {
    Nursery n = nursery(dir);
    Grid grid = n.open(4, 2, 1, 0.7f);
    List<Long> before = Arrays.stream(seeds(grid)).boxed().toList();
    assertTrue(n.breed(DeathPolicy.LEAST_RECENT, 0f, 0f, 0.7f, 1f));
    assertArrayEquals(before.stream().mapToLong(Long::longValue).toArray(), seeds(grid), "nothing shows yet");
    arrive(n);
    List<Creature> newborns = new ArrayList<>();
    for (Cell c : grid) {
      if (!before.contains(c.creature().seed())) {
        newborns.add(c.creature());
      }
    }
    assertEquals(1, newborns.size(), "one cell holds a newborn");
    Creature child = newborns.get(0);
    assertEquals(Creature.Source.BRED, child.source());
    assertEquals(2, child.parents().length);
    assertTrue(before.contains(child.parents()[0]) && before.contains(child.parents()[1]), "parents come from the grid");
    assertEquals(1, child.generation());
    Creature stored = Archive.open(dir).get(child.seed()).orElseThrow();
    assertArrayEquals(child.parents(), stored.parents(), "lineage is in the archive");
    assertEquals(child.genome(), stored.genome());
  }

  @Test
  void aNewbornCarriesTheSketchsDialOffsetInItsGenesAndKeepsIt() {
    Nursery plain = nursery(dir.resolve("plain"));
    Nursery steered = nursery(dir.resolve("steered"));
    plain.open(4, 2, 1, 0.7f);
    steered.open(4, 2, 1, 0.7f);
    float[] offset = new float[gan.latentSize()];
    offset[3] = 1.5f;
    float[][] dial = {offset};
    steered.steerBy(() -> dial[0]);
    assertTrue(plain.breed(DeathPolicy.LEAST_RECENT, 0f, 0f, 0.7f, 1f));
    assertTrue(steered.breed(DeathPolicy.LEAST_RECENT, 0f, 0f, 0.7f, 1f));
    arrive(plain);
    arrive(steered);
    Creature a = newest(plain.grid());
    Creature b = newest(steered.grid());
    assertEquals(a.seed(), b.seed(), "the same birth");
    for (int l = 0; l < a.genome().layers(); l++) {
      assertEquals(a.genome().layer(l)[3] + 1.5f, b.genome().layer(l)[3], 1e-5, "the offset is in every layer's genes");
      assertEquals(a.genome().layer(l)[4], b.genome().layer(l)[4], 1e-6, "and nowhere else");
    }
    dial[0] = null; // the dial turned back: the next child is as it would have been
    assertTrue(steered.breed(DeathPolicy.LEAST_RECENT, 0f, 0f, 0.7f, 1f));
    assertTrue(plain.breed(DeathPolicy.LEAST_RECENT, 0f, 0f, 0.7f, 1f));
    arrive(plain);
    arrive(steered);
    assertEquals(Archive.open(dir.resolve("steered")).get(b.seed()).orElseThrow().genome(), b.genome(),
        "the first child keeps its genes in the archive");
  }

  static Creature newest(Grid grid) {
    Creature best = null;
    for (Cell c : grid) {
      if (best == null || c.creature().generation() > best.generation()
          || (c.creature().generation() == best.generation() && c.creature().born() > best.born())) {
        best = c.creature();
      }
    }
    return best;
  }

  @Test
  void theNewbornMorphsInInsteadOfCutting() {
    Nursery n = nursery(dir);
    Grid grid = n.open(2, 1, 1, 0.7f);
    Cell cell = grid.get(0);
    int[] old = new int[cell.pictureWidth() * cell.pictureHeight()];
    cell.render(now, old);
    n.breed(DeathPolicy.SWEEP, 0.5f, 0f, 0.7f, 2f);
    arrive(n);
    int[] start = new int[old.length];
    int[] middle = new int[old.length];
    int[] end = new int[old.length];
    cell.render(now, start);
    cell.render(now + 1, middle);
    cell.render(now + 2.5, end);
    assertArrayEquals(old, start, "at the moment of birth the cell still shows what it showed");
    assertFalse(Arrays.equals(middle, start), "halfway it has moved");
    assertFalse(Arrays.equals(middle, end), "and it is not there yet");
    assertTrue(cell.newborn(now + 0.5, 3) > 0, "the newborn is highlighted for a moment");
    assertEquals(0, cell.newborn(now + 4, 3));
  }

  @Test
  void aRestartBringsBackTheSameGrid() {
    Nursery n = nursery(dir);
    Grid grid = n.open(3, 2, 1, 0.7f);
    for (int i = 0; i < 5; i++) {
      now += 1;
      n.breed(DeathPolicy.RANDOM, 0.4f, 0.2f, 0.7f, 0.5f);
      arrive(n);
    }
    now += 10;
    long[] seeds = seeds(grid);
    List<int[]> pictures = pictures(grid, now);
    n.close();

    Nursery again = nursery(dir);
    Grid back = again.open(3, 2, 999, 0.7f);
    assertArrayEquals(seeds, seeds(back), "the same creatures in the same cells");
    List<int[]> backPictures = pictures(back, now);
    for (int i = 0; i < seeds.length; i++) {
      assertArrayEquals(pictures.get(i), backPictures.get(i), "cell " + i + " looks the same");
    }
    assertEquals(n.births(), again.births(), "the birth count carries on");
  }

  @Test
  void sameSeedSameLife() {
    long[][] runs = new long[2][];
    List<List<int[]>> pictures = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      now = 0;
      Nursery n = nursery(dir.resolve("run" + run));
      Grid grid = n.open(3, 3, 5, 0.7f);
      for (int i = 0; i < 8; i++) {
        now += 0.5;
        n.breed(DeathPolicy.RANDOM, 0.35f, 0.1f, 0.7f, 1f);
        n.breathe(0.3f, 0.7f);
        n.update();
      }
      runs[run] = seeds(grid);
      pictures.add(pictures(grid, now + 0.3));
    }
    assertArrayEquals(runs[0], runs[1]);
    for (int i = 0; i < runs[0].length; i++) {
      assertArrayEquals(pictures.get(0).get(i), pictures.get(1).get(i));
    }
  }

  @Test
  void resizingKeepsTheCreaturesInReadingOrder() {
    Nursery n = nursery(dir);
    long[] before = seeds(n.open(3, 2, 1, 0.7f));
    Grid bigger = n.resize(4, 2, 0.7f);
    long[] after = seeds(bigger);
    assertEquals(8, after.length);
    assertArrayEquals(before, Arrays.copyOf(after, 6));
    assertNotEquals(after[6], after[7]);
  }

  @Test
  void breathingMovesTheOtherCells() {
    Nursery n = nursery(dir);
    Grid grid = n.open(2, 2, 1, 0.7f);
    List<int[]> still = pictures(grid, now);
    n.breathRate(100);
    n.breathe(0.5f, 0.7f);
    List<int[]> later = pictures(grid, now + 1);
    int moved = 0;
    for (int i = 0; i < still.size(); i++) {
      moved += Arrays.equals(still.get(i), later.get(i)) ? 0 : 1;
    }
    assertEquals(4, moved, "every cell breathes");
  }

  @Test
  void aBoothVisitorAddedByAnotherProgramJoinsTheRunningGrid() {
    Nursery n = nursery(dir);
    Grid grid = n.open(4, 3, 5, 0.7f);
    // the booth, another program, opens the same archive and adds a visitor's profile
    Archive booth = Archive.open(dir);
    long visitor = 4242L;
    mishmash.model.Image picture = mishmash.model.Image.of(new java.awt.image.BufferedImage(gan.width(), gan.height(),
        java.awt.image.BufferedImage.TYPE_INT_RGB));
    booth.add(new Creature(visitor, mishmash.latent.Genome.fresh(7, grid.get(0).creature().genome().layers(),
        gan.latentSize()), new long[0], System.currentTimeMillis(), Creature.Source.BOOTH, 0, gan.manifest().name(),
        "Zoë 🦾 زهرة"), picture);
    now += Nursery.VISITOR_CHECK + 0.1;
    n.update();
    assertTrue(Arrays.stream(seeds(n.grid())).anyMatch(s -> s == visitor), "the visitor is on the wall");
    Creature onWall = null;
    for (Cell c : n.grid()) {
      if (c.creature().seed() == visitor) {
        onWall = c.creature();
      }
    }
    assertEquals("Zoë 🦾 زهرة", onWall.name(), "the name as typed");
    // and the visitor is kept when the wall restarts
    Nursery again = nursery(dir);
    assertTrue(Arrays.stream(seeds(again.open(4, 3, 5, 0.7f))).anyMatch(s -> s == visitor), "after a restart too");
    // deleted at the visitor's request: gone from the archive for every program sharing it
    assertTrue(booth.delete(visitor));
    assertFalse(Archive.open(dir).contains(visitor));
  }

  /** The model, held back until the test lets it draw: shows what waits for it. */
  static final class HeldModel implements Generator {
    final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    final java.util.concurrent.atomic.AtomicInteger drawing = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public mishmash.model.Manifest manifest() {
      return gan.manifest();
    }

    @Override
    public boolean hasMapping() {
      return gan.hasMapping();
    }

    @Override
    public int styleLayers() {
      return gan.styleLayers();
    }

    @Override
    public int styleSize() {
      return gan.styleSize();
    }

    @Override
    public mishmash.model.Styles map(float[][] z, float psi) {
      return gan.map(z, psi);
    }

    @Override
    public mishmash.model.Image[] synthesize(mishmash.model.Styles styles) {
      drawing.incrementAndGet();
      try {
        go.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return gan.synthesize(styles);
    }

    @Override
    public void close() {}
  }

  // issue 12, 2: changing columns or rows stalled the frame loop (the model drew on the animation thread)

  @Test
  void resizingNeverWaitsForTheModel() throws Exception {
    new Nursery(gan, Archive.open(dir), () -> now, false).open(4, 2, 1, 0.7f); // an archive with a saved grid
    HeldModel held = new HeldModel();
    Nursery n = new Nursery(held, Archive.open(dir), () -> now, true);
    try {
      Grid start = n.open(4, 2, 1, 0.7f); // from the archive: no drawing
      long[] before = seeds(start);
      java.util.concurrent.ExecutorService frameLoop = java.util.concurrent.Executors.newSingleThreadExecutor();
      // the knob turned: the grid grows while the model is held; resize() must return anyway
      Grid during = frameLoop.submit(() -> n.resize(8, 4, 0.7f)).get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(during == start && n.resizing(), "the old grid stays on screen while the new creatures are drawn");
      Grid shrunk = frameLoop.submit(() -> n.resize(2, 2, 0.7f)).get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(shrunk == start, "one resize at a time: the next shape waits its turn");
      frameLoop.shutdown();
      held.go.countDown();
      long end = System.nanoTime() + 20_000_000_000L;
      while (n.resizing() && System.nanoTime() < end) {
        n.update();
        Thread.sleep(5);
      }
      Grid grown = n.grid();
      assertEquals(32, grown.size());
      assertArrayEquals(before, Arrays.copyOf(seeds(grown), 8), "the creatures stay, in reading order");
      assertTrue(grown.get(0) == start.get(0), "each kept cell is the same cell, picture and all");
      assertTrue(n.resize(2, 2, 0.7f) == grown, "a shape a moment later waits for the gap between changes");
      now += Nursery.RESIZE_GAP;
      Grid small = n.resize(2, 2, 0.7f);
      assertEquals(4, small.size(), "shrinking is at once: nothing to draw");
      assertArrayEquals(Arrays.copyOf(before, 4), seeds(small));
    } finally {
      held.go.countDown();
      n.close();
    }
  }
}
