package mishmash.grid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.archive.GridState;
import mishmash.latent.Breeding;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the grid's creatures are born and kept alive. It owns the {@link Grid}, breeds newborns
 * from the creatures on it, draws their pictures with the generator, stores them in the
 * {@link Archive}, and makes the others breathe: a slow back-and-forth drift in latent space.
 *
 * <p>In the background mode all drawing happens on a worker thread and finished work is handed
 * to the animation thread in {@link #update()}, so a frame never waits on the model. In the
 * foreground mode (headless rendering) the work is done at once, which makes a run repeatable.
 */
public final class Nursery implements AutoCloseable {
  /** Keyframes along the latent path of a newborn's arrival. */
  static final int MORPH_KEYS = 6;
  /** Breath poses in one cycle of a creature's breathing. */
  static final int BREATH_POSES = 8;
  /** Births that may wait for the worker before new ones are skipped. */
  static final int MAX_PENDING_BIRTHS = 2;
  /**
   * Seconds between ordering a birth and showing it: the model draws the newborn meanwhile, so it
   * arrives on the beat, however long the drawing took (up to this much).
   */
  public static final double PREFETCH = 0.5;
  private static final Logger LOG = LoggerFactory.getLogger(Nursery.class);
  private final mishmash.log.LogLimit logs = new mishmash.log.LogLimit(LOG);

  private final Generator gan;
  private final Archive archive;
  private final DoubleSupplier clock;
  private final ThreadPoolExecutor worker;
  private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
  /** Finished births waiting for their moment, by the sketch time they are due. */
  private final java.util.TreeMap<Double, List<Runnable>> due = new java.util.TreeMap<>();
  private final AtomicInteger pendingBirths = new AtomicInteger();
  private final AtomicInteger breathsInFlight = new AtomicInteger();
  private final int[] scratch;
  private final Thread stopOnExit = new Thread(this::stopWorker, "mishmash-nursery-stop");
  private Grid grid;
  private volatile long births;
  private long seed;
  private int breathCursor;
  private double nextBreath;
  private volatile String problem;
  /** Added to every newborn's and every breath's latent: the performer's steering (latent/<i> over OSC). */
  private volatile float[] steer;
  /** Where newborns lean among the domains, and how strongly (see {@link Breeding#lean}). */
  private volatile float kind;
  private volatile float pull;
  /** Pictures per second spent on breathing, at most. */
  private float breathRate = 5;
  /** Seconds between looks at the archive for creatures another program added (booth visitors). */
  public static final double VISITOR_CHECK = 2.0;
  private double nextVisitorCheck;
  private boolean visitorsInFlight;
  private boolean resizing;
  private double lastResize = Double.NEGATIVE_INFINITY;
  /** Seconds between two changes of the grid's shape at most: a swept knob re-lays the wall four times a second. */
  public static final double RESIZE_GAP = 0.25;

  /**
   * @param clock sketch time in seconds
   * @param background true to draw on a worker thread, false to draw at once (repeatable)
   */
  public Nursery(Generator gan, Archive archive, DoubleSupplier clock, boolean background) {
    this.gan = gan;
    this.archive = archive;
    this.clock = clock;
    this.worker = background ? new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "mishmash-nursery");
      t.setDaemon(true);
      t.setPriority(Thread.NORM_PRIORITY - 1);
      return t;
    }) : null;
    this.scratch = new int[gan.width() * gan.height()];
    if (worker != null) {
      // a sketch ends with System.exit: let the model finish its picture first, or the native
      // library is torn down under it
      Runtime.getRuntime().addShutdownHook(stopOnExit);
    }
  }

  /**
   * Opens the grid: as it was saved in the archive if its shape matches, otherwise the archive's
   * newest creatures, and fresh random creatures for whatever is still empty.
   *
   * @param seed where breeding's randomness starts when there is no saved grid
   */
  public Grid open(int columns, int rows, long seed, float psi) {
    Optional<GridState> saved = archive.loadGrid();
    List<Creature> chosen = new ArrayList<>();
    Set<Long> taken = new HashSet<>();
    if (saved.isPresent()) {
      this.seed = saved.get().seed();
      this.births = saved.get().births();
      for (long s : saved.get().cells()) {
        archive.get(s).filter(this::fits).filter(c -> taken.add(c.seed())).ifPresent(chosen::add);
      }
    } else {
      this.seed = seed;
      List<Creature> all = archive.all();
      for (int i = all.size() - 1; i >= 0 && chosen.size() < columns * rows; i--) {
        if (fits(all.get(i)) && taken.add(all.get(i).seed())) {
          chosen.add(all.get(i));
        }
      }
    }
    grid = build(columns, rows, chosen, psi);
    saveGrid();
    return grid;
  }

  /**
   * The grid in a new shape, keeping the creatures in reading order (each in its cell, with its
   * picture and any arrival under way) and filling new cells with fresh creatures. Shrinking is
   * immediate; growing asks the model for the new creatures, and in the background mode that
   * happens on the worker: until they are drawn the current grid stays (and is returned), so a
   * knob turned live never holds up a frame. Call it every frame with the shape wanted; a shape
   * asked for meanwhile is taken up once the one being drawn is there, and shapes change at most
   * every {@link #RESIZE_GAP} seconds (each change re-scales every picture on the wall).
   */
  public Grid resize(int columns, int rows, float psi) {
    if (grid == null || (grid.columns() == columns && grid.rows() == rows) || resizing) {
      return grid;
    }
    double t = clock.getAsDouble();
    if (t - lastResize < RESIZE_GAP) {
      return grid; // a fader swept fast: the wall follows in steps, so the frames need not re-lay every cell each time
    }
    lastResize = t;
    int n = columns * rows;
    if (n <= grid.size()) {
      grid = reshaped(columns, rows, List.of());
      saveGrid();
      return grid;
    }
    int count = n - grid.size();
    resizing = true;
    run(() -> {
      // the new creatures' seeds are drawn here, on the worker: finding a free seed asks the archive,
      // which may be busy writing a picture to disk, and a frame never waits on the disk
      List<Creature> fresh = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        long s = nextSeed();
        fresh.add(new Creature(s, Genomes.fresh(gan, s), new long[0], System.currentTimeMillis(),
            Creature.Source.RANDOM, 0, gan.manifest().name(), ""));
      }
      Image[] pictures = Genomes.render(gan, fresh.stream().map(Creature::genome).toList(), psi);
      for (int i = 0; i < fresh.size(); i++) {
        archive.add(fresh.get(i), pictures[i]);
      }
      return () -> {
        resizing = false;
        double now = clock.getAsDouble();
        lastResize = now; // the swap is a change of shape too
        List<Cell> added = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
          added.add(new Cell(grid.size() + i, fresh.get(i), pictures[i], now));
        }
        grid = reshaped(columns, rows, added);
        saveGrid();
      };
    }, () -> resizing = false);
    return grid;
  }

  /** The current cells that fit {@code columns × rows}, in reading order, then {@code added}. */
  private Grid reshaped(int columns, int rows, List<Cell> added) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < Math.min(grid.size(), columns * rows); i++) {
      cells.add(grid.get(i));
    }
    cells.addAll(added);
    return new Grid(columns, rows, cells);
  }

  /** True while a bigger grid's new creatures are being drawn. */
  public boolean resizing() {
    return resizing;
  }

  private boolean fits(Creature c) {
    return c.genome().layers() == Genomes.layers(gan) && c.genome().size() == gan.latentSize();
  }

  private Grid build(int columns, int rows, List<Creature> creatures, float psi) {
    int n = columns * rows;
    double now = clock.getAsDouble();
    List<Cell> cells = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Creature c = i < creatures.size() ? creatures.get(i) : null;
      Optional<Image> picture = c == null ? Optional.empty() : pictureOf(c);
      if (picture.isPresent()) {
        cells.add(new Cell(i, c, picture.get(), now));
      } else {
        cells.add(null);
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<Creature> fresh = new ArrayList<>();
      for (int i = 0; i < missing.size(); i++) {
        long s = nextSeed();
        fresh.add(new Creature(s, Genomes.fresh(gan, s), new long[0], System.currentTimeMillis(),
            Creature.Source.RANDOM, 0, gan.manifest().name(), ""));
      }
      Image[] pictures = Genomes.render(gan, fresh.stream().map(Creature::genome).toList(), psi);
      for (int i = 0; i < missing.size(); i++) {
        archive.add(fresh.get(i), pictures[i]);
        cells.set(missing.get(i), new Cell(missing.get(i), fresh.get(i), pictures[i], now));
      }
    }
    return new Grid(columns, rows, cells);
  }

  /** The stored picture, or a new drawing of the creature's genome when the PNG is unreadable. */
  private Optional<Image> pictureOf(Creature c) {
    Optional<Image> stored = archive.picture(c.seed());
    if (stored.isPresent() && stored.get().width() == gan.width() && stored.get().height() == gan.height()) {
      return stored;
    }
    return Optional.empty();
  }

  public Grid grid() {
    return grid;
  }

  /** Births so far, over every run of this archive. */
  public long births() {
    return births;
  }

  /**
   * Steers the population: latent dimension {@code index} of every newborn and every breath is
   * shifted by {@code value} (clamped to ±4; a latent's values are standard normal). Indices beyond
   * the latent size are ignored.
   */
  public void steer(int index, double value) {
    int size = gan.latentSize();
    if (index < 0 || index >= size || !Double.isFinite(value)) {
      return;
    }
    float[] next = steer == null ? new float[size] : steer.clone();
    next[index] = (float) Math.max(-4, Math.min(4, value));
    steer = next;
  }

  /**
   * Steers the newborns by a latent offset that the sketch keeps, such as its semantic dials'
   * ({@code nursery.steerBy(dial::latentOffset)}): asked for at every birth (on the animation
   * thread) and added to the {@code latent/<i>} steering, it goes into the newborn's genes, so the
   * child stays older, say, after the dial is turned back. Null from the supplier: no offset.
   */
  public void steerBy(java.util.function.Supplier<float[]> offset) {
    this.steerBy = offset;
  }

  private volatile java.util.function.Supplier<float[]> steerBy;

  /** The latent steering and the sketch's offset together (per layer when either is), or null when there is none. */
  private float[] steering() {
    float[] a = steer;
    java.util.function.Supplier<float[]> more = steerBy;
    float[] b = more == null ? null : more.get();
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    float[] sum = b.length >= a.length ? b.clone() : a.clone();
    float[] add = b.length >= a.length ? a : b;
    for (int i = 0; i < sum.length; i++) {
      sum[i] += add[i % add.length]; // one value per dimension repeats over the layers
    }
    return sum;
  }

  /**
   * Pulls newborns toward a domain: each band of a child becomes, with chance {@code pull}, the
   * domain at {@code kind} (0 the model's first domain, 1 its second, …).
   */
  public void lean(float kind, float pull) {
    this.kind = kind;
    this.pull = pull;
  }

  /** Caps the pictures per second spent on breathing (the rest of the CPU is the animation's). */
  public void breathRate(float perSecond) {
    this.breathRate = Math.max(0, perSecond);
  }

  /**
   * One birth: a cell chosen by {@code death} makes way; two creatures on the grid become parents;
   * their child (a crossover plus {@code mutation}, or with chance {@code randomness} a new random
   * creature) morphs in from its first parent over {@code morph} seconds, starting
   * {@link #PREFETCH} seconds from now.
   *
   * @return false if the birth was skipped because the model is still busy with earlier ones
   */
  public boolean breed(DeathPolicy death, float mutation, float randomness, float psi, float morph) {
    if (pendingBirths.get() >= MAX_PENDING_BIRTHS || grid.size() < 1) {
      return false;
    }
    long childSeed = nextSeed();
    Random random = new Random(childSeed);
    Cell cell = grid.nextToDie(death, random);
    if (cell == null) {
      return false;
    }
    Creature a = grid.get(random.nextInt(grid.size())).creature;
    Creature b = grid.size() > 1 ? pickOther(a, random) : a;
    cell.expecting = true;
    pendingBirths.incrementAndGet();
    double showAt = clock.getAsDouble() + PREFETCH;
    float[] offset = steering();
    float leanKind = kind;
    float leanPull = pull;
    run(() -> {
      Breeding.Offspring bred = Breeding.breed(a.genome(), b.genome(), childSeed, mutation, randomness);
      Genome leaning = Breeding.lean(bred.genome(), leanKind, leanPull, new Random(childSeed ^ 0x4C45414EL));
      Breeding.Offspring child = new Breeding.Offspring(leaning.shifted(offset), bred.fresh());
      Creature creature = child.fresh()
          ? new Creature(childSeed, child.genome(), new long[0], System.currentTimeMillis(), Creature.Source.RANDOM,
              0, gan.manifest().name(), "")
          : new Creature(childSeed, child.genome(), new long[] {a.seed(), b.seed()}, System.currentTimeMillis(),
              Creature.Source.BRED, Math.max(a.generation(), b.generation()) + 1, gan.manifest().name(), "");
      Genome from = child.fresh() ? cell.creature.genome() : a.genome();
      List<Genome> path = new ArrayList<>();
      for (int k = 1; k <= MORPH_KEYS; k++) {
        path.add(from.slerp(creature.genome(), k / (float) MORPH_KEYS));
      }
      Image[] frames = Genomes.render(gan, path, psi);
      archive.add(creature, frames[frames.length - 1]);
      return () -> at(showAt, () -> {
        pendingBirths.decrementAndGet();
        cell.expecting = false;
        if (!grid.holds(cell)) {
          return; // the grid shrank past this cell meanwhile; the child is in the archive all the same
        }
        double now = clock.getAsDouble();
        cell.film.cut(now, frames, now, Math.max(morph, 1e-3), scratch);
        cell.creature = creature;
        cell.placedAt = now;
        cell.bornHere = true;
        cell.breaths = 0;
        cell.expecting = false;
        saveGrid();
      });
    }, () -> {
      pendingBirths.decrementAndGet();
      cell.expecting = false;
    });
    return true;
  }

  private Creature pickOther(Creature a, Random random) {
    for (int tries = 0; tries < 8; tries++) {
      Creature b = grid.get(random.nextInt(grid.size())).creature;
      if (b.seed() != a.seed()) {
        return b;
      }
    }
    return a;
  }

  /**
   * Keeps the grid alive: each creature drifts toward a partner pose and back, {@code amount} of
   * the way (0 = still). New poses are drawn a few cells at a time, within the breath rate.
   */
  public void breathe(float amount, float psi) {
    double now = clock.getAsDouble();
    if (amount <= 0 || breathRate <= 0 || breathsInFlight.get() > 0 || now < nextBreath) {
      return;
    }
    int batch = Math.min(8, grid.size());
    double step = batch / breathRate;
    nextBreath = now + step;
    double cellPeriod = grid.size() / (double) breathRate;
    List<Cell> cells = new ArrayList<>();
    List<Creature> who = new ArrayList<>();
    List<Genome> poses = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      Cell c = grid.get((breathCursor + i) % grid.size());
      if (c.expecting || c.film.end() > now + cellPeriod || c.creature.source() == Creature.Source.BOOTH) {
        continue;
      }
      c.breaths++;
      double phase = 2 * Math.PI * c.breaths / BREATH_POSES;
      Genome partner = c.creature.genome().withZ(Genome.fresh(c.creature.seed() ^ 0x5DEECE66DL,
          c.creature.genome().layers(), c.creature.genome().size()).z());
      cells.add(c);
      who.add(c.creature);
      poses.add(c.creature.genome().slerp(partner, (float) (amount * (1 - Math.cos(phase)) / 2)).shifted(steer));
    }
    breathCursor = (breathCursor + batch) % grid.size();
    if (poses.isEmpty()) {
      return;
    }
    breathsInFlight.incrementAndGet();
    run(() -> {
      Image[] frames = Genomes.render(gan, poses, psi);
      return () -> {
        breathsInFlight.decrementAndGet();
        double t = clock.getAsDouble();
        for (int i = 0; i < frames.length; i++) {
          Cell c = cells.get(i);
          if (grid.holds(c) && c.creature == who.get(i) && !c.expecting) {
            c.film.then(frames[i], Math.max(t, c.film.end()) + cellPeriod);
          }
        }
      };
    }, breathsInFlight::decrementAndGet);
  }

  /** Hands finished work to the grid when it is due. Call it once a frame, on the animation thread. */
  public void update() {
    for (Runnable r; (r = finished.poll()) != null; ) {
      r.run();
    }
    double now = clock.getAsDouble();
    welcomeVisitors(now);
    while (!due.isEmpty() && due.firstKey() <= now) {
      due.pollFirstEntry().getValue().forEach(Runnable::run);
    }
  }

  /**
   * Every {@link #VISITOR_CHECK} seconds, looks in the archive for creatures another program added
   * (a visitor's profile from the booth) and gives each a cell on the wall, crossfading in over two
   * seconds. From then on a visitor is a creature like any other: a parent for later births. It does
   * not breathe: its picture is the booth's, not the model's drawing of its genes.
   */
  private void welcomeVisitors(double now) {
    if (now < nextVisitorCheck || visitorsInFlight || grid == null) {
      return;
    }
    nextVisitorCheck = now + VISITOR_CHECK;
    visitorsInFlight = true;
    run(() -> {
      List<Creature> visitors = new ArrayList<>();
      List<Image> pictures = new ArrayList<>();
      for (Creature c : archive.refresh()) {
        Optional<Image> picture = c.source() == Creature.Source.BOOTH && fits(c) ? pictureOf(c) : Optional.empty();
        if (picture.isPresent()) {
          visitors.add(c);
          pictures.add(picture.get());
        }
      }
      return () -> {
        visitorsInFlight = false;
        for (int i = 0; i < visitors.size(); i++) {
          welcome(visitors.get(i), pictures.get(i));
        }
      };
    }, () -> visitorsInFlight = false);
  }

  private void welcome(Creature visitor, Image picture) {
    for (Cell c : grid) {
      if (c.creature.seed() == visitor.seed()) {
        return;
      }
    }
    Cell cell = grid.nextToDie(DeathPolicy.LEAST_RECENT, new Random(visitor.seed()));
    if (cell == null) {
      return;
    }
    double now = clock.getAsDouble();
    cell.film.cut(now, new Image[] {picture}, now, 2.0, scratch);
    cell.creature = visitor;
    cell.placedAt = now;
    cell.bornHere = true;
    cell.breaths = 0;
    cell.expecting = false;
    LOG.info("nursery: visitor {} ({}) joined the wall", visitor.seed(), visitor.name());
    saveGrid();
  }

  /** Runs {@code r} in the first update at or after sketch time {@code t}. */
  private void at(double t, Runnable r) {
    due.computeIfAbsent(t, k -> new ArrayList<>()).add(r);
  }

  /** What went wrong with the model or the disk, for the screen; null when all is well. */
  public String warning() {
    String p = problem;
    return p != null ? p : archive.warning();
  }

  /** Work for the model, returning what to apply to the grid afterwards. */
  private interface Job {
    Runnable call();
  }

  private void run(Job job, Runnable onFailure) {
    Runnable task = () -> {
      try {
        finished.add(job.call());
        problem = null;
      } catch (RuntimeException e) {
        if (mishmash.log.Ending.now()) {
          return; // the program is ending under it
        }
        logs.warn("drawing", "nursery: drawing failed (" + e + ")");
        problem = "The model failed: " + e.getMessage();
        finished.add(onFailure);
      }
    };
    if (worker == null) {
      task.run();
      update();
    } else {
      worker.execute(task);
    }
  }

  private void saveGrid() {
    GridState state = new GridState(grid.columns(), grid.rows(), grid.seeds(), births, seed);
    Set<Long> keep = new HashSet<>();
    for (long s : state.cells()) {
      keep.add(s);
    }
    Runnable save = () -> {
      archive.saveGrid(state);
      archive.retain(keep);
    };
    if (worker == null) {
      save.run();
    } else {
      worker.execute(save);
    }
  }

  /**
   * Seeds follow from the grid's seed and the birth count, so a restarted grid carries on the same
   * way. Synchronized: births draw theirs on the animation thread, a growing grid on the worker.
   */
  private synchronized long nextSeed() {
    long s;
    do {
      long x = seed + 0x9E3779B97F4A7C15L * ++births;
      x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
      x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
      s = Math.floorMod(x ^ (x >>> 31), 1_000_000_000_000L);
    } while (archive.contains(s));
    return s;
  }

  @Override
  public void close() {
    if (worker != null) {
      stopWorker();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
  }

  /** Drops queued work and waits for the picture being drawn; no interrupt, which would break a file write. */
  private void stopWorker() {
    worker.getQueue().clear();
    worker.shutdown();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
