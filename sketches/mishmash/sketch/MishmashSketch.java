package mishmash.sketch;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mishmash.archive.Archive;
import mishmash.archive.ArchiveInUseException;
import mishmash.live.Change;
import mishmash.live.Controls;
import mishmash.live.Param;
import mishmash.live.Params;
import mishmash.log.Ending;
import mishmash.model.Generator;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.time.SketchClock;
import mishmash.time.Timers;
import processing.core.PApplet;
import processing.event.KeyEvent;

/**
 * What every Mishmash sketch shares, so a sketch itself shows only its idea:
 * <ul>
 *   <li>command-line options ({@link #option}), and the screen: fullscreen with the cursor hidden,
 *       or a window with {@code --window 1280x720}, on display {@code --display N}, with the
 *       renderer the sketch asks for or {@code --renderer java2d|p2d|p3d};</li>
 *   <li>sketch time ({@link #now()}) and {@link #every} for things that happen at intervals;</li>
 *   <li>the {@code @Live} parameters and actions, played over OSC, MIDI, the on-screen panel
 *       (key P) and the keyboard (TAB picks one, arrow keys move it), with presets, modulation and
 *       recorded performances ({@link LiveSetup} lists the options);</li>
 *   <li>headless rendering: {@code --frames N --out DIR [--seed S]} writes N frames to PNG at fixed
 *       time steps and exits, the same frames for the same seed;</li>
 *   <li>{@code --bench SECONDS}: frame times printed as a table, then exit;</li>
 *   <li>the model on its own core ({@code --model-threads N} to change), the frames on the other;</li>
 *   <li>installation mode ({@link Installation} lists its options): opening hours and presets from a
 *       schedule, the status page, the watchdog's heartbeat, and the link to other machines; the
 *       archive with its one-writer lock ({@link #openArchive}); options that cannot work end the
 *       program with a message, not a stack trace ({@link #fail}).</li>
 * </ul>
 */
public abstract class MishmashSketch extends PApplet {
  /** Exit code of a command-line option that cannot work: a service manager should not start it again as it is. */
  public static final int EXIT_BAD_OPTION = 2;
  /** Exit code of a grid whose archive another grid is breeding into. */
  public static final int EXIT_IN_USE = 3;
  /** Seconds a message that ends the sketch stays on screen before it ends. */
  static final int LAST_WORDS = 15;
  /** Started by {@link #run}: a bad option ends the program (in tests it is an exception). */
  private static volatile boolean standalone;
  /** Set when the program begins to end (SIGTERM, Esc, System.exit): frames stop, nothing is reported. */
  private static volatile boolean ending;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ending = true, "mishmash-ending"));
  }

  private final Timers timers = new Timers();
  private SketchClock clock = new SketchClock();
  private Params params;
  private LiveSetup live;
  private boolean headless;
  private double fps = 30;
  private String problem;
  private Overlay overlay;

  /** Fullscreen (the default, for installations) or a window when {@code --window WxH} is given. */
  public void screen(String renderer) {
    renderer = switch (option("--renderer", "").toLowerCase(java.util.Locale.ROOT)) {
      case "java2d" -> JAVA2D;
      case "p2d" -> P2D;
      case "p3d" -> P3D;
      default -> renderer;
    };
    String window = option("--window", null);
    if (headless) {
      return; // the headless renderer sets the size
    }
    if (window != null) {
      int[] wh = dimensions("--window", window);
      size(wh[0], wh[1], renderer);
    } else {
      fullScreen(renderer, (int) option("--display", 1));
    }
  }

  /** A size option such as {@code --window 1280x720}: width and height, or {@link #fail} naming it. */
  int[] dimensions(String name, String value) {
    Matcher wh = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*").matcher(value);
    if (!wh.matches() || Integer.parseInt(wh.group(1)) < 1 || Integer.parseInt(wh.group(2)) < 1) {
      fail(name + " " + value + ": give a width and height in pixels, like " + name + " 1280x720");
    }
    return new int[] {Integer.parseInt(wh.group(1)), Integer.parseInt(wh.group(2))};
  }

  /** The value after {@code --name} on the command line, or {@code fallback}. */
  public String option(String name, String fallback) {
    if (args != null) {
      for (int i = 0; i < args.length - 1; i++) {
        if (args[i].equals(name)) {
          return args[i + 1];
        }
      }
    }
    return fallback;
  }

  /** A whole-number option; a value that is not one is reported and the fallback used. */
  public long option(String name, long fallback) {
    String v = option(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      System.err.println("mishmash: " + name + " " + v + " is not a whole number; using " + fallback);
      return fallback;
    }
  }

  public boolean flag(String name) {
    if (args != null) {
      for (String a : args) {
        if (a.equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True while the sketch takes typed text itself (the panel and the TAB/arrow keys then stay out of it). */
  public boolean typing() {
    return false;
  }

  /** True when rendering frames to files, with no window. */
  public boolean headless() {
    return headless;
  }

  /**
   * Seconds since the sketch started: monotonic real time (never Processing's {@code millis()},
   * which wraps after 24.8 days and jumps with the wall clock), or frame count / fps when rendering
   * headless.
   */
  public double now() {
    return headless ? frameCount / fps : clock.seconds();
  }

  /** Tests and fast-forwarded runs: sketch time from another clock. */
  void useClock(SketchClock clock) {
    this.clock = clock;
  }

  /** Frames per second of sketch time when rendering headless. */
  double headlessFps() {
    return fps;
  }

  private Path archive;

  /**
   * The archive this run works on: {@code --archive DIR} (default {@code data/archive}). A headless
   * render reads it but works on a scratch copy of its own (removed at the end), unless
   * {@code --write-archive}: a render never changes the installation's archive, and the same
   * archive and seed give the same frames however often it is rendered.
   */
  public Path archiveFolder() {
    if (archive == null) {
      Path real = dataFolder(option("--archive", "archive"));
      archive = real;
      if (headless && !flag("--write-archive")) {
        try {
          archive = mishmash.archive.Archive.scratchCopy(real);
          scratchArchive = archive;
        } catch (java.io.IOException e) {
          throw new IllegalStateException("cannot copy the archive " + real + " for this render (" + e.getMessage()
              + "); give --write-archive to render on it directly", e);
        }
      }
    }
    return archive;
  }

  private Path scratchArchive;

  /** Removes the render's scratch archive, if it made one. */
  void dropScratchArchive() {
    if (scratchArchive != null) {
      mishmash.archive.Archive.deleteCopy(scratchArchive);
      scratchArchive = null;
    }
  }

  /** The seed of this run: {@code --seed S}, or one from the clock. */
  public long seed() {
    return option("--seed", System.currentTimeMillis() % 1_000_000);
  }

  /** Runs {@code action} every {@code seconds()} seconds of sketch time; the interval may change live. */
  public void every(DoubleSupplier seconds, Runnable action) {
    timers.every(seconds, action, now());
  }

  /**
   * Loads the model named by {@code --model} (default: the project's default model). On failure the
   * sketch shows the message on screen ({@link #showProblem()}) and this returns null.
   */
  public Generator loadModel() {
    // one core draws the frames, the other runs the model: set before the engine starts
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", option("--model-threads", "1"));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    try {
      return Models.load(option("--model", Models.DEFAULT));
    } catch (ModelException e) {
      problem = e.getMessage();
      System.err.println("mishmash: " + problem);
      return null;
    } catch (RuntimeException | LinkageError e) { // the engine itself did not start: its native library
      problem = "The model's engine could not start on this computer (" + e.getMessage() + "). Most likely its native library for "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " is missing: install the Mishmash "
          + "library made for this platform, or run mvn -q compile once with the network on.";
      System.err.println("mishmash: " + problem);
      return null;
    }
  }

  /**
   * A command-line option that cannot work: run as a program, the message goes to the console
   * (no stack trace) and the program ends with {@link #EXIT_BAD_OPTION}; inside another program
   * (a test) it is an {@link IllegalArgumentException}.
   */
  public void fail(String message) {
    if (standalone) {
      System.err.println("mishmash: " + message);
      System.exit(EXIT_BAD_OPTION);
    }
    throw new IllegalArgumentException(message);
  }

  /**
   * The archive named by {@code --archive} (default {@code data/archive}), as its writer, keeping
   * at most {@code --max} creatures (default 10,000). If another grid is breeding into it, that is
   * shown on screen and, after {@link #LAST_WORDS} seconds, the sketch ends with
   * {@link #EXIT_IN_USE}; this returns null.
   */
  public Archive openArchive() {
    long max = option("--max", Archive.DEFAULT_MAX);
    if (max < 1 || max > Integer.MAX_VALUE) {
      fail("--max " + max + ": the archive keeps at least 1 creature (the default keeps " + Archive.DEFAULT_MAX + ")");
    }
    try {
      Archive archive = Archive.open(archiveFolder(), (int) max);
      installation().wall(archive); // --link, --broker: booths on other machines
      return archive;
    } catch (ArchiveInUseException e) {
      problem(e.getMessage());
      endSoon(EXIT_IN_USE);
      return null;
    }
  }

  /**
   * The archive named by {@code --archive}, to add to (the booth beside a grid), or with
   * {@code --wall URL} the booth's own copy of the creatures of a wall on another machine.
   */
  public Archive shareArchive() {
    return installation().booth(archiveFolder());
  }

  /**
   * A value for the status page and the OSC status messages ("births", "camera"), read every few
   * seconds: fps, memory, disk, the last error and the schedule are there already.
   */
  public void report(String name, java.util.function.Supplier<?> value) {
    installation().status().report(name, value);
  }

  /**
   * Sends {@code /mishmash/<name>/<what> values...} to the sketch's OSC feedback clients (whoever
   * played it, port 9000, and {@code --osc-client HOST:PORT}): a loop's beat, the values a data walk
   * uses. Nothing without OSC. Numbers go as floats or ints, anything else as text.
   */
  public void send(String what, Object... values) {
    mishmash.live.osc.OscServer osc = live().osc();
    if (osc == null) {
      return;
    }
    List<Object> args = new java.util.ArrayList<>();
    for (Object v : values) {
      args.add(v instanceof Double d ? (Object) d.floatValue() : v instanceof Long l ? (Object) l.intValue()
          : v instanceof Number || v instanceof String ? v : String.valueOf(v));
    }
    osc.broadcast(new com.illposed.osc.OSCMessage("/mishmash/" + name() + "/" + what, args));
  }

  /**
   * A picture from the model as a {@code w × h} PImage, scaled smoothly once: draw it at its own size,
   * which is a plain copy (a scaled {@code image()} costs a software transform every frame).
   */
  public processing.core.PImage picture(mishmash.model.Image image, int w, int h) {
    return picture(image, w, h, null);
  }

  /** The same into {@code reuse} when it has that size (a picture a frame makes no garbage), else a new one. */
  public processing.core.PImage picture(mishmash.model.Image image, int w, int h, processing.core.PImage reuse) {
    processing.core.PImage out = reuse != null && reuse.width == Math.max(1, w) && reuse.height == Math.max(1, h) ? reuse
        : createImage(Math.max(1, w), Math.max(1, h), RGB);
    out.loadPixels();
    Scale.bilinear(image.argb(), image.width(), image.height(), out.pixels, out.width, out.height);
    out.updatePixels();
    return out;
  }

  /** A booth visitor, to the wall on another machine ({@code --wall}); nothing without one. */
  public void toWall(mishmash.archive.Creature visitor, Archive archive) {
    installation().toWall(visitor, archive);
  }

  /** Ends the program with {@code code} once the problem has been on screen for a while (not when headless). */
  void endSoon(int code) {
    if (headless) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(LAST_WORDS * 1000L);
      } catch (InterruptedException e) {
        return;
      }
      System.exit(code);
    }, "mishmash-last-words");
    t.setDaemon(true);
    t.start();
  }

  /** Height of the warning strip along the bottom of the screen, 0 without a warning: keep it free. */
  public float warningHeight(String text) {
    return text == null ? 0 : Math.max(28, height / 20f);
  }

  /**
   * A warning (a full disk, a failing model) in a strip of its own along the bottom of the screen,
   * large enough to read from across the room. Lay the picture out above {@link #warningHeight}.
   */
  public void warning(String text) {
    if (text == null) {
      return;
    }
    installation().status().error(text);
    float h = warningHeight(text);
    float pad = h * 0.4f;
    noStroke();
    fill(74, 20, 12, 240);
    rect(0, height - h, width, h);
    textAlign(LEFT, CENTER);
    textSize(h * 0.5f);
    String shown = text;
    while (textWidth(shown) > width - 2 * pad && shown.length() > 12) {
      shown = shown.substring(0, shown.length() - 12) + "…";
    }
    fill(255, 218, 196);
    text(shown, pad, height - h / 2);
  }

  /** Records a message that stops the sketch (shown by {@link #showProblem()}). */
  public void problem(String message) {
    problem = message;
    installation().status().error(message);
    System.err.println("mishmash: " + message);
  }

  /** The message that stops the sketch from running (for example a missing model), or null. */
  public String problem() {
    return problem;
  }

  /** Draws the problem in the middle of the screen, readable from across a room. */
  public void showProblem() {
    background(12);
    fill(255, 140, 100);
    textAlign(CENTER, CENTER);
    textSize(max(16, height / 40f));
    text("Mishmash cannot start\n\n" + problem, width * 0.1f, 0, width * 0.8f, height);
  }

  /**
   * A folder under data/, the project's one place for what sketches read and write ({@code --data
   * DIR} puts it elsewhere: a second installation on the same machine, a test).
   */
  public Path dataFolder(String name) {
    String data = option("--data", null);
    if (data != null) {
      return Paths.get(data).resolve(name);
    }
    Path models = Models.directory();
    return models.toAbsolutePath().getParent().resolve("data").resolve(name);
  }

  /**
   * This sketch's name in OSC addresses and in the file names of its presets and MIDI map:
   * {@code /mishmash/<name>/...}. The class name in lower case unless a sketch says otherwise.
   */
  public String name() {
    return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The semantic dials of the model this sketch runs (its {@code dials.json}), as live parameters
   * {@code dial/<name>}: declare them once as a field,
   * <pre>
   * &#64;Live DialBoard dial = dials();   // /mishmash/grid/dial/age 0.3, a panel slider, a MIDI knob
   * </pre>
   * and read them where the sketch draws ({@code dial.apply(styles)}, {@code dial.latentOffset()}). A
   * model without dials gives none; the sketch runs on.
   */
  public mishmash.dials.DialBoard dials() {
    return new mishmash.dials.DialBoard(() -> Models.resolve(option("--model", Models.DEFAULT)));
  }

  /** The live-control hub: submit changes to it, or give it a latent handler with {@code onLatent}. */
  public Controls controls() {
    return live().controls();
  }

  LiveSetup live() {
    if (live == null) {
      live = new LiveSetup(this);
    }
    return live;
  }

  /** Frames begun, for the watchdog's heartbeat (another thread reads it). */
  private volatile long framesBegun;

  /** Start of every frame: control changes apply, then the timers fire. */
  void beginFrame() {
    framesBegun++;
    live().controls().frame(frameCount, now());
    installation().frame(now());
    if (!installation().resting()) {
      runTimers();
    }
  }

  private Installation installation;

  Installation installation() {
    if (installation == null) {
      installation = new Installation(this);
    }
    return installation;
  }

  /** Outside opening hours the frame is dimmed, or dark (after draw(), live and headless alike). */
  void drawVeil() {
    float veil = installation().veil();
    if (veil > 0) {
      noStroke();
      fill(0, veil);
      rect(0, 0, width, height);
    }
  }

  /**
   * Outside the schedule's opening hours (unless it says to play on): the grid breeds nothing and
   * the booth takes no visitors. Always false without a schedule.
   */
  public boolean closed() {
    return installation().closed();
  }

  private Panel headlessPanel;

  /** Headless frames show the panel only with {@code --panel} (to document it, say). */
  void drawPanelIfAsked() {
    if (flag("--panel")) {
      if (headlessPanel == null) {
        headlessPanel = new Panel(this, live());
        headlessPanel.show();
      }
      headlessPanel.draw();
    }
  }

  @Override
  public void dispose() {
    if (live != null) {
      live.close();
    }
    if (installation != null) {
      installation.close();
    }
    super.dispose();
  }

  public Params params() {
    if (params == null) {
      params = Params.of(this);
    }
    return params;
  }

  /** Applies {@code --set name=value,name=value} to the live parameters, before setup(). */
  void applySettings() {
    String set = option("--set", null);
    if (set == null) {
      return;
    }
    for (String pair : set.split(",")) {
      String[] kv = pair.split("=", 2);
      Param p = kv.length == 2 ? params().get(kv[0].trim()) : null;
      if (p == null) {
        System.err.println("mishmash: --set " + pair + ": no such live parameter; there are " + params());
        continue;
      }
      try {
        p.set(Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        boolean found = false;
        for (double v = p.min(); v <= p.max() && !found; v++) {
          p.set(v);
          found = p.text().equalsIgnoreCase(kv[1].trim().replace('_', ' '));
        }
        if (!found) {
          System.err.println("mishmash: --set " + pair + ": not a value of " + p.name());
        }
      }
    }
  }

  @Override
  public void handleDraw() {
    if (overlay == null) {
      if (flag("--heartbeat")) { // run by the watchdog (mishmash.service.Watchdog): it restarts a hung sketch
        mishmash.service.Heartbeat.start(() -> framesBegun);
      }
      live(); // the last run's values first, then --set on top
      applySettings();
      overlay = new Overlay(this);
      registerMethod("pre", overlay);
      registerMethod("draw", overlay);
      registerMethod("keyEvent", overlay);
      registerMethod("mouseEvent", overlay);
    }
    if (ending) {
      return; // the program is ending (SIGTERM from a service manager): no more frames
    }
    try {
      super.handleDraw();
    } catch (RuntimeException | Error e) {
      if (ending || Ending.now()) {
        return; // whatever broke, broke because the program is ending: no error to report
      }
      // Processing would freeze the window with the error; an installation is better off ending,
      // so whatever supervises it restarts it, and the archive brings the grid back as it was
      e.printStackTrace();
      System.err.println("mishmash: " + getClass().getSimpleName() + " stopped on an error; exiting so it can restart");
      System.exit(1);
    }
  }

  /** Called before each frame's draw(): intervals fire here. */
  void runTimers() {
    timers.fire(now());
  }

  /** More of a sketch's own numbers for {@code --bench}, printed after the frame-time table (null: none). */
  protected String benchReport() {
    return null;
  }

  boolean showOverlay() {
    return !headless;
  }

  /**
   * Starts a sketch: in a window, headless to files ({@code --frames}), or as a benchmark
   * ({@code --bench}); or only prints its options ({@code --help}) or writes its TouchOSC layout
   * ({@code --touchosc FILE}). An unknown option stops it with exit code 2.
   */
  public static void run(Class<? extends MishmashSketch> sketch, String[] args) {
    standalone = true;
    Options.Table options = Options.Table.of(sketch);
    Options.Check check = options.check(args);
    if (check.help()) {
      System.out.print(options.usage(sketch.getSimpleName()));
      System.exit(0);
    }
    if (!check.errors().isEmpty()) {
      check.errors().forEach(e -> System.err.println("mishmash: " + e));
      System.err.println("mishmash: " + sketch.getSimpleName() + " did not start; --help lists its options");
      System.exit(2);
    }
    if (List.of(args).contains("--touchosc")) {
      System.exit(TouchOsc.write(sketch, args));
    }
    if (List.of(args).contains("--frames")) {
      Headless.render(sketch, args);
    } else {
      PApplet.main(sketch, args);
    }
  }

  void becomeHeadless(double fps) {
    this.headless = true;
    this.fps = fps;
  }

  /** Milliseconds from JVM start, for the benchmark's time to first frame. */
  static long sinceStart() {
    return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
  }

  /** Live parameter picked from the keyboard, shown for a moment. */
  Param selected;
  int selectedIndex;
  double selectedAt = -10;

  void key(KeyEvent e) {
    if (e.getAction() != KeyEvent.PRESS || params().size() == 0) {
      return;
    }
    if (e.getKeyCode() == 9 || e.getKey() == '\t') {
      selectedIndex = (selectedIndex + (e.isShiftDown() ? params().size() - 1 : 1)) % params().size();
    } else if (e.getKeyCode() == UP || e.getKeyCode() == RIGHT || e.getKeyCode() == DOWN || e.getKeyCode() == LEFT) {
      Param p = params().get(selectedIndex);
      double fraction = switch (e.getKeyCode()) {
        case UP -> 0.05;
        case RIGHT -> 0.01;
        case DOWN -> -0.05;
        default -> -0.01;
      };
      controls().submit(Change.set(p.name(), p.stepped(fraction), "key"));
    } else {
      return;
    }
    selected = params().get(selectedIndex);
    selectedAt = now();
  }
}
