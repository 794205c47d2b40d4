import mishmash.archive.Archive;
import mishmash.capture.Frame;
import mishmash.capture.FrameSource;
import mishmash.capture.Sources;
import mishmash.dials.DialBoard;
import mishmash.face.Box;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.invert.Inverter;
import mishmash.live.Live;
import mishmash.mirror.ReflectionStats;
import mishmash.mirror.Reflector;
import mishmash.model.Generator;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.sketch.MishmashSketch;
import mishmash.sketch.Options;
import mishmash.sketch.Scale;
import processing.core.PFont;
import processing.core.PImage;

/**
 * The neural mirror (after Narcissus): the camera sees a face, the inverter finds it in the GAN's
 * latent space, and the GAN draws the viewer's reflection as it sees it — a creature with the
 * viewer's pose, expression and colours, blended with a creature from the archive. Nobody there: it
 * drifts through the archive and turns back when someone looks in.
 *
 *   mvn -q compile exec:java -Dsketch=Mirror                                   the camera, fullscreen
 *   mvn -q compile exec:java -Dsketch=Mirror -Dargs="--camera file:visit.ogv"  a video file, on a loop
 *   mvn -q compile exec:java -Dsketch=Mirror -Dargs="--camera folder:photos"   a folder of photos
 *
 * Live: likeness, calm, the dials (/mishmash/mirror/dial/smile 1.5) and still (space, a button or
 * /mishmash/mirror/still: a few seconds of refining the reflection toward the viewer, then held).
 */
@Options({
    "--camera SOURCE         camera (default), camera:/dev/video1, file:clip.ogv, folder:photos or pipeline:...",
    "--inverter DIR          an inverter folder (default: models/<model>-inverter)"})
public class Mirror extends MishmashSketch {

  enum View { BESIDE, OVER, ALONE }

  @Live(min = 0, max = 1, smooth = 0.5) float likeness = 0.85f;  // 1: the viewer's own latent, 0: the archive creature
  @Live(min = 0, max = 2, unit = " s") float calm = 0.25f;       // seconds the reflection takes to follow
  @Live(min = 0, max = 5, unit = " s") float arrive = 0.8f;      // seconds to turn to a face that appears
  @Live(min = 1, max = 30, unit = " s") float wander = 6f;       // seconds per archive creature with nobody there
  @Live(min = 0, max = 1.5, smooth = 0.5) float psi = 0.8f;      // truncation of the archive creatures
  @Live View view = View.BESIDE;                                  // the viewer beside the reflection, under it, or not at all
  @Live boolean caption = true;
  @Live DialBoard dial = dials();                                 // the model's semantic dials: /mishmash/mirror/dial/age

  FrameSource camera;
  Reflector mirror;
  PImage viewer;           // the camera frame
  PImage viewerShown;      // ... mirrored, at its size on screen
  boolean viewerFresh;     // a new camera frame since viewerShown was made
  PImage reflection;       // the reflection at its size on screen
  Reflector.Reflection shown;
  PFont type;
  final ReflectionStats stats = new ReflectionStats();

  public void settings() {
    screen(JAVA2D);
  }

  public void setup() {
    type = createFont("DejaVu Sans", 22, true);
    Generator gan = loadModel();
    if (gan == null) {
      return;
    }
    try {
      Inverter inverter = option("--inverter", null) != null
          ? Inverter.load(java.nio.file.Paths.get(option("--inverter", null)), gan) : Inverter.load(gan);
      FaceAnalyzer faces = FaceAnalyzer.load(Models.directory().resolve("face-api"),
          new FaceAnalyzer.Options(416, 0.5f, 40)); // 416: a second face further back is seen too
      camera = Sources.open(option("--camera", "camera"), 640, 480);
      mirror = new Reflector(gan, inverter, faces, Archive.open(archiveFolder()), dial.dials(), seed(), !headless());
    } catch (ModelException | IllegalArgumentException | IllegalStateException e) {
      problem(e.getMessage());
      return;
    }
    viewer = createImage(640, 480, RGB);
  }

  public void draw() {
    if (mirror == null) {
      showProblem();
      return;
    }
    background(8, 9, 8);
    mirror.settings(new Reflector.Settings(likeness, calm, psi, wander, arrive, dial.values()));
    Frame frame = headless() ? nextFrame() : camera.latest();
    if (frame != null && camera.status().running()) {
      mirror.offer(frame, now());
      copy(frame, viewer);
    } else {
      mirror.idle(now());
    }
    Reflector.Reflection r = mirror.latest();
    int side = (int) min(height * 0.9f, view == View.BESIDE ? width * 0.47f : width * 0.9f);
    if (r != null && (r != shown || reflection.width != side)) {
      if (r != shown) {
        stats.drawn(r);
      }
      shown = r;
      reflection = sized(reflection, side, side);
      Scale.into(reflection, r.picture().argb(), r.picture().width(), r.picture().height(), false);
    }
    float top = (height - side) / 2f;
    if (view == View.BESIDE) {
      drawViewer(width * 0.26f, height / 2f, width * 0.47f, r);
      if (reflection != null) {
        image(reflection, width * 0.74f - side / 2f, top); // at its own size: a plain copy
      }
    } else {
      if (view == View.OVER) {
        drawViewer(width / 2f, height / 2f, width, r);
        tint(255, 215);
      }
      if (reflection != null) {
        image(reflection, (width - side) / 2f, top);
      }
      noTint();
    }
    if (caption) {
      caption(r);
    }
  }

  /** The camera, mirrored like a looking glass, with a thin frame around the face it follows. */
  void drawViewer(float cx, float cy, float w, Reflector.Reflection r) {
    float s = min(w / viewer.width, height * 0.9f / viewer.height);
    int vw = max(1, round(viewer.width * s));
    int vh = max(1, round(viewer.height * s));
    if (viewerShown == null || viewerShown.width != vw || viewerShown.height != vh || viewerFresh) {
      viewerShown = sized(viewerShown, vw, vh);
      viewer.loadPixels();
      Scale.into(viewerShown, viewer.pixels, viewer.width, viewer.height, true);
      viewerFresh = false;
    }
    float left = cx - vw / 2f;
    float top = cy - vh / 2f;
    image(viewerShown, left, top);
    Face f = r == null ? null : r.face();
    if (f != null) {
      noFill();
      stroke(255, 196, 90, 160);
      strokeWeight(2);
      Box b = f.alignedBox();
      rect(left + (viewer.width - b.x() - b.width()) * s, top + b.y() * s, b.width() * s, b.height() * s);
    }
  }

  /** {@code img} if it is {@code w × h} already, else a new image of that size. */
  PImage sized(PImage img, int w, int h) {
    return img != null && img.width == w && img.height == h ? img : createImage(w, h, RGB);
  }

  /** What the mirror is doing, in a line at the bottom. */
  void caption(Reflector.Reflection r) {
    String text;
    if (!camera.status().running()) {
      text = camera.status().message();
    } else if (r == null) {
      text = "waking up";
    } else {
      text = switch (r.mode()) {
        case DRIFTING -> "nobody here: dreaming through the archive";
        case VIEWER -> r.faces() > 1 ? "several faces: reflecting the nearest" : "your reflection, as the machine sees you";
        case STILL -> "holding still";
      };
    }
    if (mirror.problem() != null) {
      text = "a frame failed: " + mirror.problem();
    }
    textFont(type);
    textSize(max(14, height / 48f));
    textAlign(CENTER, BOTTOM);
    fill(200, 196, 180);
    text(text, width / 2f, height - height / 40f);
  }

  /** A still: a few seconds of refining the reflection toward the viewer's face, then it holds. */
  @Live void still() {
    if (mirror != null) {
      mirror.still();
    }
  }

  public void keyPressed() {
    if (key == ' ') {
      still();
    }
  }

  /** Headless renders follow the video: wait (a little) for a frame newer than the last one. */
  Frame nextFrame() {
    long before = camera.frameCount();
    long until = System.nanoTime() + 500_000_000L;
    while (camera.frameCount() == before && System.nanoTime() < until && before > 0) {
      delay(2);
    }
    if (before == 0) {
      while (camera.frameCount() == 0 && System.nanoTime() < until) {
        delay(5);
      }
    }
    return camera.latest();
  }

  void copy(Frame frame, PImage into) {
    if (into.width != frame.width() || into.height != frame.height()) {
      return;
    }
    into.loadPixels();
    System.arraycopy(frame.pixels(), 0, into.pixels, 0, into.pixels.length);
    into.updatePixels();
    viewerFresh = true;
  }

  @Override
  protected String benchReport() {
    return stats.table(getClass().getSimpleName());
  }

  @Override
  public void dispose() {
    if (mirror != null) {
      mirror.close();
    }
    if (camera != null) {
      camera.close();
    }
    super.dispose();
  }

  public static void main(String[] args) {
    run(Mirror.class, args);
  }
}
