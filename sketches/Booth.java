import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Random;
import mishmash.archive.Archive;
import mishmash.booth.BoothStore;
import mishmash.booth.Exposure;
import mishmash.booth.Mixing;
import mishmash.booth.Names;
import mishmash.booth.Profile;
import mishmash.booth.Session;
import mishmash.booth.Visit;
import mishmash.booth.Watcher;
import mishmash.capture.Frame;
import mishmash.capture.FrameSource;
import mishmash.capture.Sources;
import mishmash.face.Face;
import mishmash.face.FaceAnalyzer;
import mishmash.invert.Inverter;
import mishmash.live.Live;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.Translator;
import mishmash.sketch.Card;
import mishmash.sketch.Lettering;
import mishmash.sketch.MishmashSketch;
import mishmash.sketch.Options;
import processing.core.PFont;
import processing.core.PImage;

/**
 * The booth: a visitor looks into the camera, holds still, and after a countdown their face is
 * mixed with a creature from the archive. They type their name and get a Mishmash profile card;
 * the profile joins the archive, and the grid shows it a few seconds later.
 *
 *   mvn -q compile exec:java -Dsketch=Booth                                 the camera, fullscreen
 *   mvn -q compile exec:java -Dsketch=Booth -Dargs="--camera folder:photos" photos instead of a camera
 *   mvn -q compile exec:java -Dsketch=Booth -Dargs="--translator my-cyclegan"  your own image-to-image model
 *   mvn -q compile exec:java -Dsketch=Booth -Dargs="--delete 123456789012"  delete a profile, then exit
 *
 * Everything it keeps is in data/booth (cards, profiles; selfies only with keepSelfies on).
 */
@Options({
    "--camera SOURCE         camera (default), camera:/dev/video1, file:clip.mp4, folder:photos or pipeline:...",
    "--translator NAME       an image-to-image model from models/ (a CycleGAN) for the mix",
    "--booth DIR             where cards and profiles go (default data/booth)",
    "--delete SEED           delete a visitor's profile, then exit",
    "--name TEXT             the name typed in headless renders",
    "--wall URL              send visitors to the wall on another machine, such as tcp://wall.local:1883",
    "--booth-name NAME       this booth's name on the link (default: this machine's name)"})
public class Booth extends MishmashSketch {

  @Live boolean demographics = false;                 // real age and gender on the card (off: only the machine ones)
  @Live boolean keepSelfies = false;                  // keep the raw photo next to the card
  @Live(min = 0.05, max = 0.6) float minFace = 0.2f;  // the smallest face worth a photo, of the frame's height
  @Live Mixing mix = Mixing.PIXELS;                   // pixels: the face laid into the creature; neural: the GAN draws them

  FrameSource camera;
  Exposure exposure;       // brightens a face the camera left dark (it meters the whole room)
  FaceAnalyzer faces;
  Watcher watcher;
  Generator gan;
  Translator translator;   // an artist's own CycleGAN or pix2pix, with --translator NAME
  Inverter inverter;       // the model's inverter, for the neural mix (null when it has none)
  String noInverter;       // why not
  Archive archive;
  BoothStore store;
  Session session;
  Random random;
  PImage view;
  PImage card;
  PFont type;
  Visit.Draft draft;
  CompletableFuture<Optional<Visit.Draft>> working;
  PImage portrait;
  final StringBuilder typed = new StringBuilder();
  String nameShown;
  PImage nameImage;
  String notice = "";      // under the name: how long it may grow
  final java.util.List<float[]> said = new java.util.ArrayList<>(); // where this frame's lines of advice went
  float[] nameBox;         // and the name

  public void settings() {
    screen(JAVA2D);
  }

  public void setup() {
    type = createFont("DejaVu Sans", 28, true);
    gan = loadModel();
    try {
      faces = FaceAnalyzer.load(Models.directory().resolve("face-api"), Visit.FACES);
      translator = option("--translator", null) == null ? null : Models.loadTranslator(option("--translator", null));
      camera = Sources.open(option("--camera", "camera"), 640, 480);
    } catch (ModelException | IllegalArgumentException | IllegalStateException e) { // IllegalState: no GStreamer
      problem(e.getMessage());
    }
    if (gan == null || faces == null || camera == null) {
      return;
    }
    try {
      inverter = Inverter.load(gan);
    } catch (ModelException e) {
      noInverter = e.getMessage(); // the pixel mix works without it; said when the neural one is chosen
    }
    archive = shareArchive(); // the grid's, --archive DIR
    store = new BoothStore(dataFolder(option("--booth", "booth")));
    if (option("--delete", null) != null) {
      delete(Long.parseLong(option("--delete", "0").trim()));
    }
    exposure = new Exposure(camera);
    report("visits", () -> store.ids().size()); // on the status page, with the camera's state
    report("camera", () -> camera.status().message());
    watcher = new Watcher(faces, !headless());
    session = new Session(minFace);
    random = new Random(seed());
    view = createImage(640, 480, RGB);
  }

  public void draw() {
    if (session == null) {
      showProblem();
      return;
    }
    background(16, 17, 15);
    said.clear();
    if (closed() && session.state() == Session.State.IDLE) { // outside the schedule's opening hours
      say("The booth is closed now — it opens again with the gallery", height / 2f);
      return;
    }
    Frame frame = exposure.latest();
    watcher.offer(frame);
    Session.Sight sight = watcher.sight();
    if (sight != null) {
      exposure.meter(sight); // the light judged on the face
    }
    if (sight != null && session.watch(now(), sight)) {
      photograph(frame);
    }
    if (working != null && working.isDone()) {
      made(working.handle((d, e) -> e == null ? d : Optional.<Visit.Draft>empty()).join());
      working = null;
    }
    switch (session.state()) {
      case IDLE, STEADY, COUNTDOWN -> mirror(frame, sight);
      case WORKING -> say("Mixing you with a creature…", height / 2f);
      case NAME -> nameEntry();
      case CARD -> showCard();
    }
    boolean looking = session.state() == Session.State.IDLE || session.state() == Session.State.STEADY
        || session.state() == Session.State.COUNTDOWN;
    if (looking && !camera.status().running()) {
      say(camera.status().message(), height * 0.9f);
    }
    if (session.state() != Session.State.NAME) { // on the name screen, advice has a line of its own
      say(session.message(), height * 0.82f);
    }
  }

  /** The live camera, mirrored like a looking glass, with the face outlined and the countdown. */
  void mirror(Frame frame, Session.Sight sight) {
    if (frame == null) {
      return;
    }
    view.loadPixels();
    System.arraycopy(frame.pixels(), 0, view.pixels, 0, view.pixels.length);
    view.updatePixels();
    float s = min(width / 640f, height / 480f);
    pushMatrix();
    translate(width / 2f + 320 * s, height / 2f - 240 * s);
    scale(-s, s);
    image(view, 0, 0);
    if (sight != null && !sight.faces().isEmpty()) {
      Face f = sight.faces().get(0);
      noFill();
      stroke(255, 196, 90);
      strokeWeight(3 / s);
      rect(f.box().x(), f.box().y(), f.box().width(), f.box().height());
    }
    popMatrix();
    if (session.state() == Session.State.COUNTDOWN) {
      fill(255, 230, 170);
      textFont(type);
      textSize(height / 4f);
      textAlign(CENTER, CENTER);
      text((int) ceil((float) session.countdown(now())), width / 2f, height / 2f);
    } else if (session.state() == Session.State.IDLE) {
      say("Look into the camera and hold still", height * 0.12f);
    }
  }

  /** The photo is taken: find the face and mix it with a random creature from the archive (off the animation thread). */
  void photograph(Frame frame) {
    Image photo = new Image(frame.width(), frame.height(), frame.pixels().clone());
    Inverter neural = mix == Mixing.NEURAL ? inverter : null;
    if (mix == Mixing.NEURAL && neural == null) {
      System.err.println("mishmash: the neural mix needs the model's inverter, so this visitor is mixed by pixels: "
          + noInverter);
    }
    if (headless()) {
      made(Visit.make(photo, faces, archive, gan, translator, neural, random, demographics));
    } else {
      working = CompletableFuture.supplyAsync(
          () -> Visit.make(photo, faces, archive, gan, translator, neural, random, demographics));
    }
  }

  /** The mix is ready (or there was no face): on to the name, or back to the start with advice. */
  void made(Optional<Visit.Draft> made) {
    draft = made.orElse(null);
    session.analysed(now(), made.isPresent(), null);
    if (draft != null) {
      portrait = new PImage(draft.portrait().toBufferedImage());
      typed.setLength(0);
      if (draft.faces() > 1) {
        session.nameRefused("Several faces — the nearest one was taken");
      }
    }
  }

  /** The visitor's mishmash, and their name as they type it. */
  void nameEntry() {
    float side = height * 0.62f;
    image(portrait, (width - side) / 2, height * 0.06f, side, side);
    String advice = session.message(); // "Several faces…", "Type your name first…": in place of the instruction
    say(advice.isEmpty() ? "Type your name, then press Enter" : advice, height * 0.72f);
    String shown = typed + (frameCount / 20 % 2 == 0 ? "_" : " ");
    if (!shown.equals(nameShown)) { // set like the card: any script, right to left; a long name shrinks to fit
      nameImage = new PImage(Lettering.picture(shown, height / 18f, java.awt.Color.WHITE, width * 0.9f));
      nameShown = shown;
    }
    float h = min(nameImage.height, height * 0.12f);
    float w = nameImage.width * h / nameImage.height;
    nameBox = new float[] {(width - w) / 2f, height * 0.775f, w, h};
    image(nameImage, nameBox[0], nameBox[1], w, h);
    int length = Names.length(typed.toString());
    if (!notice.isEmpty() || length > Names.MAX_LENGTH * 2 / 3) {
      say(notice.isEmpty() ? length + " of " + Names.MAX_LENGTH + " characters" : notice, height * 0.94f);
    }
    String auto = option("--name", null); // headless renders type the name given on the command line
    if (headless() && auto != null && typed.length() == 0) {
      typed.append(auto);
      finish();
    }
  }

  /** Enter: the card is made, saved and shown; the profile joins the archive; the photo is let go. */
  void finish() {
    String name = Names.clean(typed.toString());
    if (name.isEmpty()) {
      session.nameRefused("Type your name first — any name you like");
      return;
    }
    Profile profile = new Profile(draft.id(), name, draft.creature().seed(), draft.specs(), System.currentTimeMillis());
    BufferedImage printed = Card.draw(profile, draft.portrait().toBufferedImage(), draft.creature());
    try {
      store.save(profile, printed, keepSelfies ? draft.photo() : null);
      toWall(Visit.join(draft, name, archive, gan), archive); // a wall on another machine (--wall), if any
      card = new PImage(printed);
      session.cardReady(now());
    } catch (IOException e) {
      session.reset(now(), "The card could not be saved (" + e.getMessage() + ")");
    }
    draft = null; // the raw photo is not kept unless keepSelfies says so
  }

  void showCard() {
    float h = height * 0.94f;
    float w = h * card.width / card.height;
    image(card, (width - w) / 2, height * 0.03f, w, h);
  }

  /** A capture by key (space), button, or OSC /mishmash/booth/capture. */
  @Live void capture() {
    if (session != null) {
      session.captureNow(now());
    }
  }

  public void keyPressed() {
    if (session == null) {
      return;
    }
    if (session.state() == Session.State.NAME) {
      if (key == ENTER || key == RETURN) {
        finish();
      } else if (key == BACKSPACE && typed.length() > 0) {
        typed.setLength(typed.offsetByCodePoints(typed.length(), -1));
        notice = "";
      } else if (key == ESC) {
        key = 0; // Escape gives up the name, not the booth
        draft = null;
        session.reset(now(), "");
      }
      session.typing(now());
    } else if (session.state() == Session.State.CARD && key != ESC) {
      session.reset(now(), "");
    } else if (key == ' ') {
      capture();
    }
  }

  public void keyTyped() {
    if (session != null && session.state() == Session.State.NAME && key != CODED && !Character.isISOControl(key)) {
      if (Names.length(typed.toString() + key) <= Names.MAX_LENGTH) {
        typed.append(key);
        notice = "";
      } else {
        notice = "That is as long as a name can be here: " + Names.MAX_LENGTH + " characters";
      }
    }
  }

  @Override
  public boolean typing() {
    return session != null && session.state() == Session.State.NAME;
  }

  void delete(long id) {
    try {
      System.out.println(store.delete(id, archive) ? "deleted profile " + id : "no profile " + id);
    } catch (IOException e) {
      System.err.println("mishmash: could not delete profile " + id + ": " + e.getMessage());
    }
    System.exit(0);
  }

  void say(String text, float y) {
    if (text == null || text.isEmpty()) {
      return;
    }
    textFont(type);
    textSize(max(18, height / 36f));
    textAlign(CENTER, CENTER);
    noStroke();
    fill(0, 160);
    float[] box = {width / 2f - textWidth(text) / 2 - 16, y - height / 50f - 8, textWidth(text) + 32, height / 25f + 16};
    rect(box[0], box[1], box[2], box[3], 8);
    said.add(box);
    fill(255, 214, 150);
    text(text, width / 2f, y);
  }

  @Override
  public void dispose() {
    if (watcher != null) {
      watcher.close();
    }
    if (camera != null) {
      camera.close();
    }
    if (inverter != null) {
      inverter.close();
    }
    super.dispose();
  }

  public static void main(String[] args) {
    run(Booth.class, args);
  }
}
