package mishmash.mirror;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mishmash.archive.Archive;
import mishmash.capture.Frame;
import mishmash.dials.Dials;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.invert.FaceFeatures;
import mishmash.invert.Inverter;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Styles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The neural mirror's machinery: camera frames in, the viewer's reflection out. For each frame it
 * can take, it follows the viewer's face ({@link FaceTracker}), turns the face into features
 * ({@link FaceFeatures}, smoothed by a {@link OneEuro} filter), sends them through the
 * {@link Inverter} into the generator's latent space, blends that with the archive creature the
 * mirror was drifting through ({@code likeness}), glides there in w ({@code calm}), turns the
 * semantic dials, and draws the reflection. With nobody in view it drifts through the archive
 * ({@link Drift}); when a face appears it turns to it within {@code arrive} seconds, and when the
 * face has been gone a second it eases back.
 *
 * <p>A still ({@link #still()}) takes the next frame with a face and refines the reflection toward
 * the viewer's face for a few seconds ({@link Inverter#refine}), then holds it.
 *
 * <p>In the background mode all of this runs on a thread of its own: {@link #offer} hands a frame
 * over only when the thread is free (so the animation never waits and frames never pile up), and
 * {@link #latest} is the newest reflection. In the foreground mode (headless renders) each offer is
 * worked at once, so the same video gives the same frames.
 */
public final class Reflector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reflector.class);
  /** Frames between two looks of the detector while a face is followed. */
  static final int REDETECT = 8;
  /** Seconds without a face before the mirror turns away. */
  static final double PATIENCE = 1.0;
  /** Seconds a still is refined, then held. */
  public static final long STILL_MILLIS = 3000;
  static final double STILL_HOLD = 5;

  /**
   * What the performer sets, read at every frame.
   *
   * @param likeness 1: the viewer's own latent; 0: the archive creature; in between a blend
   * @param calm seconds the reflection takes to follow a change (an exponential glide in w)
   * @param psi truncation of the archive creatures the mirror drifts through
   * @param wander seconds from one archive creature to the next while nobody is there
   * @param arrive seconds the mirror takes to turn to a face that appears (and away from one that left)
   * @param dials the dials' values (null or empty: none)
   * @param filter true to smooth the face's features with the one-euro filter (off only to measure what it does)
   */
  public record Settings(float likeness, float calm, float psi, float wander, float arrive, float[] dials,
                         boolean filter) {
    public static final Settings DEFAULT = new Settings(0.85f, 0.25f, 0.8f, 6f, 0.8f, null, true);

    public Settings(float likeness, float calm, float psi, float wander, float arrive, float[] dials) {
      this(likeness, calm, psi, wander, arrive, dials, true);
    }
  }

  /** What the mirror is showing. */
  public enum Mode { DRIFTING, VIEWER, STILL }

  /**
   * One reflection.
   *
   * @param face the face it reflects, in the frame's pixels (null when drifting)
   * @param faces how many faces the detector saw the last time it looked
   * @param presence 0 (drifting) to 1 (all the viewer's): how far the mirror has turned to the face
   * @param frameNanos when the camera frame it was made from arrived ({@link System#nanoTime()})
   */
  public record Reflection(Image picture, Styles styles, Mode mode, Face face, int faces, float presence, long frameNumber,
                           long frameNanos, long madeNanos) {}

  private final Generator gan;
  private final Inverter inverter;
  private final FaceTracker tracker;
  private final Dials dials;
  private final Drift drift;
  private final OneEuro euro = new OneEuro(1.0, 0.8, 1.0);
  /** The mirror's own thread (null in the foreground mode); {@code busy} keeps it to one frame at a time. */
  private final ExecutorService worker;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Settings settings = Settings.DEFAULT;
  private volatile Reflection latest;
  private volatile String problem;
  private volatile boolean stillAsked;
  // the frame handed over, and when (only the worker reads them once handed over)
  private int[] pixels = new int[0];
  private int width;
  private int height;
  private long number;
  private long nanos;
  private double time;
  private boolean repeat;
  private Face lastFace;
  // the worker's state
  private Styles shown;
  private Styles viewer;
  private float presence;
  private double lastTime = Double.NaN;
  private double lastSeen = Double.NEGATIVE_INFINITY;
  private double stillUntil = Double.NEGATIVE_INFINITY;
  private Styles still;

  /**
   * @param archive the creatures it drifts through (null: fresh creatures from seeds)
   * @param dials the model's dials (null: none)
   * @param background true to work on a thread of its own, false to work each offered frame at once
   */
  public Reflector(Generator gan, Inverter inverter, FaceAnalyzer faces, Archive archive, Dials dials, long seed,
                   boolean background) {
    this.gan = gan;
    this.inverter = inverter;
    this.tracker = new FaceTracker(faces, REDETECT);
    this.dials = dials;
    this.drift = new Drift(gan, archive, seed);
    this.worker = background ? Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mishmash-mirror");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  public void settings(Settings s) {
    this.settings = s;
  }

  /**
   * Offers a camera frame seen at sketch time {@code now}; it is worked unless the mirror is still
   * busy with an earlier one (then it is skipped). Null, or a frame already offered, is ignored.
   */
  public void offer(Frame frame, double now) {
    if (frame == null) {
      return;
    }
    if (frame.number() == number && number > 0) {
      again(now); // the same picture (a photo, a paused video): the face in it is still there
      return;
    }
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    repeat = false;
    if (pixels.length != frame.pixels().length) {
      pixels = new int[frame.pixels().length];
    }
    System.arraycopy(frame.pixels(), 0, pixels, 0, pixels.length);
    width = frame.width();
    height = frame.height();
    number = frame.number();
    nanos = frame.nanos();
    time = now;
    start();
  }

  /**
   * With no camera frame to give (a source starting, a camera unplugged): nobody is in view, and the
   * mirror turns away and drifts on at sketch time {@code now}.
   */
  public void idle(double now) {
    if (!busy.compareAndSet(false, true)) {
      return;
    }
    number = -1;
    width = 0;
    repeat = false;
    time = now;
    nanos = System.nanoTime();
    start();
  }

  /** The last frame once more, at sketch time {@code now}: its face is still there; the mirror moves on. */
  private void again(double now) {
    if (width == 0 || !busy.compareAndSet(false, true)) {
      return;
    }
    repeat = true;
    time = now;
    start();
  }

  /** Works the frame handed over: at once, or on the mirror's thread. */
  private void start() {
    if (worker == null) {
      work();
      return;
    }
    try {
      worker.execute(this::work);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      busy.set(false); // offered after close(): nothing to do
    }
  }

  /** The newest reflection, or null before the first. */
  public Reflection latest() {
    return latest;
  }

  /** Asks for a still: the next frame with a face is refined toward the viewer for a few seconds, then held. */
  public void still() {
    stillAsked = true;
  }

  /** Why the last frame failed, or null. */
  public String problem() {
    return problem;
  }

  private void work() {
    try {
      reflect();
      problem = null;
    } catch (RuntimeException e) {
      // one bad frame (a model hiccup) must not stop the mirror: say so, skip it, go on
      problem = e.getMessage();
      LOG.warn("mirror: a frame failed and was skipped", e);
    } finally {
      busy.set(false);
    }
  }

  private void reflect() {
    Settings s = settings;
    double t = time;
    double dt = Double.isNaN(lastTime) ? 0 : Math.max(0, Math.min(1, t - lastTime));
    lastTime = t;
    Face face = null;
    Image frame = null;
    if (width > 0) {
      frame = new Image(width, height, pixels);
      face = repeat ? lastFace : tracker.find(pixels, width, height);
      lastFace = face;
    }
    Styles drifting = drift.at(t, s.wander(), s.psi());
    if (face != null) {
      if (t - lastSeen > PATIENCE) {
        euro.reset(); // a new viewer: no smoothing from the last one
      }
      lastSeen = t;
      if (!repeat || viewer == null) {
        viewer = viewerStyles(face, frame, t, s.filter());
      }
    }
    boolean present = t - lastSeen <= PATIENCE && viewer != null;
    float step = s.arrive() <= 0 ? 1 : (float) (dt / s.arrive());
    presence = Math.max(0, Math.min(1, presence + (present ? step : -step)));
    Styles target = presence > 0 && viewer != null
        ? drifting.lerp(viewer, Math.max(0, Math.min(1, s.likeness())) * presence) : drifting;
    Mode mode = presence > 0 ? Mode.VIEWER : Mode.DRIFTING;
    if (stillAsked && face != null) {
      stillAsked = false;
      Image crop = FaceCrop.of(frame, face, inverter.faceFrame().orElse(FaceCrop.CENTRED), gan.width(), gan.height());
      still = inverter.refine(gan, target, crop, STILL_MILLIS, styles -> publish(styles, Mode.STILL, null, 1));
      stillUntil = t + STILL_HOLD;
      shown = still;
    }
    if (t < stillUntil && still != null) {
      target = still;
      mode = Mode.STILL;
    }
    if (shown == null) {
      shown = target;
    } else {
      float k = s.calm() <= 0 ? 1 : (float) (1 - Math.exp(-dt / s.calm()));
      shown = shown.lerp(target, k);
    }
    publish(shown, mode, face, presence);
  }

  private Styles viewerStyles(Face face, Image frame, double t, boolean filter) {
    if (inverter.hasFacePath()) {
      float[] f = FaceFeatures.of(face, frame);
      return inverter.fromFaceFeatures(filter ? euro.filter(f, t) : f);
    }
    Image crop = FaceCrop.of(frame, face, FaceCrop.CENTRED, gan.width(), gan.height());
    return inverter.fromPicture(crop);
  }

  private void publish(Styles styles, Mode mode, Face face, float presence) {
    float[] values = settings.dials();
    Styles turned = dials != null && values != null && values.length == dials.size() ? dials.apply(styles, values) : styles;
    Image picture = gan.synthesize(turned)[0];
    latest = new Reflection(picture, styles, mode, face, tracker.faces(), presence, number, nanos, System.nanoTime());
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.shutdown();
      try {
        worker.awaitTermination(2, TimeUnit.SECONDS); // let the model finish its picture before the native library goes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
