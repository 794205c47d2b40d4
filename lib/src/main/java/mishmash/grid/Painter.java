package mishmash.grid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.latent.Genome;
import mishmash.latent.Genomes;
import mishmash.model.Generator;
import mishmash.model.Image;

/**
 * Pictures of genomes, drawn by the model off the animation thread, for sketches that ask for
 * creatures of their own (a latent walk, a breeder, a Molnár grid). Ask with {@link #paint}; the
 * answer comes back in {@link #update()}, on the animation thread, so a frame never waits on the
 * model. A request not yet started is replaced by a newer one with the same key: a walk that asks
 * every frame is drawn as fast as the model can, always at its latest point, never falling behind.
 *
 * <p>In the foreground mode (headless rendering) every request is drawn at once, which makes the
 * frames repeatable.
 */
public final class Painter implements AutoCloseable {
  private final Generator gan;
  private final Map<Object, Runnable> waiting = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<Runnable> finished = new ConcurrentLinkedQueue<>();
  private final Thread worker;
  private volatile boolean open = true;
  private volatile String problem;

  /** @param background true in a window (a worker thread), false headless (at once) */
  public Painter(Generator gan, boolean background) {
    this.gan = gan;
    if (background) {
      worker = new Thread(this::work, "mishmash-painter");
      worker.setDaemon(true);
      worker.start();
    } else {
      worker = null;
    }
  }

  /** The model it draws with. */
  public Generator generator() {
    return gan;
  }

  /**
   * Asks for the pictures of {@code genomes}, truncated by {@code psi}; {@code done} gets them on
   * the animation thread. An earlier request with the same {@code key} not yet started is dropped.
   */
  public void paint(Object key, List<Genome> genomes, float psi, Consumer<Image[]> done) {
    List<Genome> these = List.copyOf(genomes);
    later(key, () -> draw(these, psi, done));
  }

  /**
   * Stores a creature in the archive off the animation thread (its picture is written to disk), after
   * the pictures asked for before it.
   */
  public void save(Archive archive, Creature creature, Image picture) {
    later(new Object(), () -> archive.add(creature, picture));
  }

  private void later(Object key, Runnable job) {
    if (worker == null) {
      job.run();
      update();
      return;
    }
    synchronized (waiting) {
      waiting.remove(key); // to the back of the line
      waiting.put(key, job);
      waiting.notifyAll();
    }
  }

  /** True while a request with this key waits to be drawn. */
  public boolean waiting(Object key) {
    synchronized (waiting) {
      return waiting.containsKey(key);
    }
  }

  /** Hands finished pictures to their requests. Call it once a frame, on the animation thread. */
  public void update() {
    for (Runnable r; (r = finished.poll()) != null; ) {
      r.run();
    }
  }

  /** What went wrong with the model, for the screen; null when all is well. */
  public String warning() {
    return problem;
  }

  private void draw(List<Genome> genomes, float psi, Consumer<Image[]> done) {
    try {
      Image[] pictures = Genomes.render(gan, genomes, psi);
      problem = null;
      finished.add(() -> done.accept(pictures));
    } catch (RuntimeException e) {
      if (!mishmash.log.Ending.now()) {
        problem = "The model failed: " + e.getMessage();
      }
    }
  }

  private void work() {
    while (open) {
      Runnable job;
      synchronized (waiting) {
        while (open && waiting.isEmpty()) {
          try {
            waiting.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (!open) {
          return;
        }
        var first = waiting.entrySet().iterator();
        job = first.next().getValue();
        first.remove();
      }
      job.run();
    }
  }

  /** Stops drawing (what waits is dropped); the model stays open: it is the caller's. */
  @Override
  public void close() {
    open = false;
    synchronized (waiting) {
      waiting.clear();
      waiting.notifyAll();
    }
  }
}
