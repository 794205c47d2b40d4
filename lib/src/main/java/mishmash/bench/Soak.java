package mishmash.bench;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.booth.BoothStore;
import mishmash.booth.MachineSpecs;
import mishmash.booth.Profile;
import mishmash.booth.Visit;
import mishmash.capture.Frame;
import mishmash.capture.FrameSource;
import mishmash.capture.GStreamer;
import mishmash.capture.ImageFolderSource;
import mishmash.capture.CameraSource;
import mishmash.face.FaceAnalyzer;
import mishmash.grid.DeathPolicy;
import mishmash.grid.Nursery;
import mishmash.live.Change;
import mishmash.live.Controls;
import mishmash.live.Live;
import mishmash.live.Params;
import mishmash.live.Presets;
import mishmash.live.osc.OscServer;
import mishmash.model.Generator;
import mishmash.model.Image;
import mishmash.model.Models;
import mishmash.schedule.Schedule;
import mishmash.schedule.Scheduler;
import mishmash.service.Service;
import mishmash.train.Progress;

/**
 * The soak: weeks of a gallery in minutes. The wall breeds fast-forwarded through a simulated
 * gallery week (opening hours and presets by a schedule, nothing bred while closed), visitors come
 * to the booth from a folder of photos and join the archive, and faults are injected on the way:
 * an OSC flood, the camera unplugged and plugged back (a video file taken away and returned), the
 * wall clock set back and forward, and a grid killed with kill -9 at a random moment while it
 * breeds and saves booth profiles, then started again (how long until its grid is full again is
 * measured). It ends with a report: simulated hours, births, visits, faults injected and survived,
 * heap (after a GC) and resident memory sampled every simulated hour, after warm-up (the first
 * tenth, at least an hour) against the end (medians of the first and the last quarter of the
 * samples), and files on disk against the bound.
 *
 * <pre>
 * mvn -q -pl lib compile exec:java -Psoak -Dexec.args="--hours 168"      a simulated week (the long form)
 *   --hours H          simulated hours (168 = a week)      --interval S   seconds between births (1)
 *   --max N            the archive's bound (2000)           --visits MIN   minutes between visitors (10)
 *   --model NAME       the model (tiny: a 32x32 StyleNet)   --kills N      kill -9 faults (3)
 *   --photos DIR       the booth's visitors (the face fixtures)    --out DIR  where it all goes (a temporary folder)
 * </pre>
 * The short form runs in CI (SoakTest). Exit code 1 if a fault was not survived or a bound broken.
 */
public final class Soak {
  /** A fault injected, and whether the work came through it. */
  public record Fault(String what, double hour, boolean survived, String detail) {}

  /** What the run found. */
  public record Report(double hours, long births, long visits, long refusedVisits, List<Fault> faults,
      double heapWarm, double heapEnd, double rssWarm, double rssEnd, long pngs, int bound, double restartSeconds,
      double seconds, List<String> days) {
    public double heapDrift() {
      return 100 * (heapEnd - heapWarm) / heapWarm;
    }

    public double rssDrift() {
      return 100 * (rssEnd - rssWarm) / rssWarm;
    }

    public boolean ok() {
      return faults.stream().allMatch(Fault::survived) && pngs <= bound + 64;
    }

    public String table() {
      StringBuilder s = new StringBuilder();
      s.append("| simulated | births | visits (no face) | faults injected | survived | heap MB after GC, after warm-up → end | "
          + "RSS MB after warm-up → end | PNGs on disk / bound | restart to full grid after kill -9 | wall time |\n");
      s.append("|---|---|---|---|---|---|---|---|---|---|\n");
      s.append(String.format(Locale.ROOT, "| %.1f h | %,d | %,d (%,d) | %d | %d | %.0f → %.0f (%+.1f%%) | %.0f → %.0f (%+.1f%%) "
          + "| %,d / %,d | %.2f s | %.0f min |%n", hours, births, visits, refusedVisits, faults.size(),
          faults.stream().filter(Fault::survived).count(), heapWarm, heapEnd, heapDrift(), rssWarm, rssEnd, rssDrift(),
          pngs, bound, restartSeconds, seconds / 60));
      if (!days.isEmpty()) {
        s.append("\nMemory and disk by simulated day: ").append(String.join("; ", days)).append(".\n");
      }
      s.append("\n| fault | at hour | survived | what happened |\n|---|---|---|---|\n");
      for (Fault f : faults) {
        s.append(String.format(Locale.ROOT, "| %s | %.1f | %s | %s |%n", f.what(), f.hour(), f.survived() ? "yes" : "NO",
            f.detail()));
      }
      return s.toString();
    }
  }

  /** The flood's target: a sketch's live parameters, as OSC plays them. */
  static final class Knobs {
    @Live(min = 0, max = 10000) float count = 0;
  }

  private static final String SCHEDULE = String.join("\n",
      "open daily 10:00-18:00",
      "outside dim",
      "preset 10:00 morning",
      "preset 14:00 afternoon fade 60",
      "timezone Europe/Berlin", "");

  private final double hours;
  private final double interval;
  private final int max;
  private final double visitEvery;
  private final String model;
  private final int kills;
  private final Path photos;
  private final Path out;
  private final List<Fault> faults = new ArrayList<>();
  private final List<String> days = new ArrayList<>();
  private final List<Double> heapSamples = new ArrayList<>();
  private final List<Double> rssSamples = new ArrayList<>();
  private final Random random = new Random(7);

  Soak(double hours, double interval, int max, double visitEveryMinutes, String model, int kills, Path photos, Path out) {
    this.hours = hours;
    this.interval = interval;
    this.max = max;
    this.visitEvery = visitEveryMinutes * 60;
    this.model = model;
    this.kills = kills;
    this.photos = photos;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(Path.of(args[1]), args[2]);
      return;
    }
    double hours = 168;
    double interval = 1;
    int max = 2000;
    double visits = 10;
    String model = "tiny";
    int kills = 3;
    Path root = Models.directory().toAbsolutePath().getParent();
    Path photos = root.resolve("lib/src/test/resources/fixtures/face");
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String v = args[i + 1];
      switch (args[i]) {
        case "--hours" -> hours = Double.parseDouble(v);
        case "--interval" -> interval = Double.parseDouble(v);
        case "--max" -> max = Integer.parseInt(v);
        case "--visits" -> visits = Double.parseDouble(v);
        case "--model" -> model = v;
        case "--kills" -> kills = Integer.parseInt(v);
        case "--photos" -> photos = Path.of(v);
        case "--out" -> out = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see mishmash.bench.Soak)");
      }
    }
    Report r = new Soak(hours, interval, max, visits, model, kills, photos,
        out != null ? out : Files.createTempDirectory("mishmash-soak")).run();
    System.out.println();
    System.out.print(r.table());
    System.exit(r.ok() ? 0 : 1);
  }

  /** Runs the soak. */
  public Report run() throws Exception {
    long wallStart = System.nanoTime();
    Files.createDirectories(out);
    Path archiveDir = out.resolve("archive");
    Path modelPath = model.equals("tiny") ? ModelBench.tinyModel() : Models.resolve(model);
    double[] sim = {0};
    long[] wallOffsetSeconds = {0};
    ZonedDateTime monday = LocalDateTime.parse("2026-11-30T09:30").atZone(ZoneId.of("Europe/Berlin")); // half an hour before opening
    Path scheduleFile = Files.writeString(out.resolve("schedule.txt"), SCHEDULE);
    Schedule.State[] shown = {null};
    List<String> recalled = new ArrayList<>();
    Scheduler scheduler = new Scheduler(scheduleFile, out.resolve("schedule.memory"),
        () -> monday.plusSeconds((long) sim[0] + wallOffsetSeconds[0]), new Scheduler.Target() {
          @Override
          public void hours(Schedule.State s) {
            shown[0] = s;
          }

          @Override
          public void recall(String name, double seconds) {
            recalled.add(name);
          }
        });
    long visits = 0;
    long refused = 0;
    double heapWarm = 0;
    double rssWarm = 0;
    double restart = Double.NaN;
    double warmUp = Math.max(1, hours * 0.1);
    List<Double> faultHours = new ArrayList<>();
    for (int k = 1; k <= 4 + kills; k++) {
      faultHours.add(hours * k / (5.0 + kills));
    }
    FrameSource camera = GStreamer.problem() == null ? videoCamera() : null;
    FrameSource booth = new ImageFolderSource(photos, 640, 480, 2);
    FaceAnalyzer faces = FaceAnalyzer.load(Models.directory().resolve("face-api"), Visit.FACES);
    Progress progress = new Progress("soak", (long) hours);
    try (Generator gan = Models.load(modelPath.toString()); Archive archive = Archive.open(archiveDir, max)) {
      Archive boothArchive = Archive.share(archiveDir);
      BoothStore store = new BoothStore(out.resolve("booth"));
      Nursery nursery = new Nursery(gan, archive, () -> sim[0], false);
      nursery.open(8, 5, 1, 0.7f);
      double nextBirth = interval;
      double nextVisit = visitEvery;
      int hour = 0;
      int fault = 0;
      while (sim[0] < hours * 3600) {
        sim[0] += Math.min(interval, 1.0);
        scheduler.poll();
        boolean open = shown[0] == null || shown[0].playing();
        if (open && sim[0] >= nextBirth) {
          nursery.breed(DeathPolicy.LEAST_RECENT, 0.35f, 0.1f, 0.7f, 1.5f);
          nursery.breathe(0.3f, 0.7f);
          nursery.update();
        }
        while (sim[0] >= nextBirth) {
          nextBirth += interval;
        }
        if (sim[0] >= nextVisit) {
          nextVisit += visitEvery; // closed, nobody comes; no queue of visitors at the door next morning
          if (!open) {
            // the booth is closed
          } else if (visit(booth, faces, boothArchive, store, gan)) {
            visits++;
          } else {
            refused++;
          }
        }
        if (sim[0] >= (hour + 1) * 3600.0) {
          hour++;
          progress.step(1, String.format(Locale.ROOT, "%,d births, %,d visits", nursery.births(), visits));
          if (hour > warmUp) {
            heapSamples.add(heapAfterGc());
            rssSamples.add(Stats.rssMb());
          }
          if (hour % 24 == 0 || hour == (int) hours) {
            days.add(String.format(Locale.ROOT, "%d h: %.0f MB heap, %.0f MB RSS, %,d PNGs", hour, heapAfterGc(),
                Stats.rssMb(), pngs(archiveDir)));
          }
        }
        if (fault < faultHours.size() && sim[0] >= faultHours.get(fault) * 3600) {
          double h = sim[0] / 3600;
          switch (fault) {
            case 0 -> faults.add(oscFlood(h));
            case 1 -> faults.add(camera == null
                ? new Fault("camera unplugged and back", h, false, "GStreamer is not available: " + GStreamer.problem())
                : unplug(camera, h));
            case 2 -> faults.add(clockJump(h, -3600, scheduler, monday, sim, wallOffsetSeconds, nursery));
            case 3 -> faults.add(clockJump(h, 2 * 3600, scheduler, monday, sim, wallOffsetSeconds, nursery));
            default -> {
              Fault f = killDashNine(h, modelPath);
              faults.add(f);
              restart = Double.isNaN(restart) ? lastRestart : Math.max(restart, lastRestart);
            }
          }
          fault++;
        }
      }
      progress.done();
      nursery.close();
      heapSamples.add(heapAfterGc());
      rssSamples.add(Stats.rssMb());
      // memory after warm-up against memory at the end: the median of the first quarter of the
      // hourly samples after warm-up against the median of the last quarter (one sample is noise)
      heapWarm = quarter(heapSamples, true);
      rssWarm = quarter(rssSamples, true);
      double heapEnd = quarter(heapSamples, false);
      double rssEnd = quarter(rssSamples, false);
      long pngs = pngs(archiveDir);
      return new Report(hours, nursery.births(), visits, refused, faults, heapWarm, heapEnd, rssWarm, rssEnd, pngs, max,
          restart, (System.nanoTime() - wallStart) / 1e9, List.copyOf(days));
    } finally {
      faces.close();
      booth.close();
      if (camera != null) {
        camera.close();
      }
    }
  }

  /** A visitor from the folder: a face makes a profile that joins the archive; no face, none. */
  private boolean visit(FrameSource booth, FaceAnalyzer faces, Archive archive, BoothStore store, Generator gan)
      throws IOException {
    Frame f = booth.latest();
    if (f == null) {
      return false;
    }
    Image photo = new Image(f.width(), f.height(), f.pixels().clone());
    Optional<Visit.Draft> draft = Visit.make(photo, faces, archive, gan, random, false);
    if (draft.isEmpty()) {
      return false;
    }
    Visit.Draft d = draft.get();
    Profile p = new Profile(d.id(), "Visitor " + d.id() % 1000, d.creature().seed(), d.specs(), System.currentTimeMillis());
    store.save(p, d.portrait().toBufferedImage(), null);
    Visit.join(d, p.name(), archive, gan);
    return true;
  }

  /** Thousands of OSC messages a second into a sketch's controls: all applied, nothing stops. */
  private Fault oscFlood(double hour) throws Exception {
    Knobs knobs = new Knobs();
    Controls controls = new Controls("soak", Params.of(knobs), 1);
    Presets presets = new Presets(out.resolve("presets"), controls);
    int sent = 0;
    try (OscServer osc = OscServer.start(controls, presets, new OscServer.Settings(mishmash.net.Network.local(), 0, false, 0));
        DatagramChannel sender = DatagramChannel.open()) {
      ByteBuffer b = ByteBuffer.allocate(256);
      OSCSerializer serializer = new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(b));
      InetSocketAddress to = new InetSocketAddress("127.0.0.1", osc.port());
      long end = System.nanoTime() + 2_000_000_000L;
      long frame = 0;
      while (System.nanoTime() < end) {
        for (int i = 0; i < 40; i++) { // 40 a frame at 60 fps: 2,400 a second
          b.clear();
          serializer.write(new OSCMessage("/mishmash/soak/count", List.of((float) (++sent % 10000))));
          b.flip();
          sender.send(b, to);
        }
        controls.frame(frame++, frame / 60.0);
        Thread.sleep(16);
      }
      long wait = System.nanoTime() + 2_000_000_000L;
      while (osc.received() < sent && System.nanoTime() < wait) {
        controls.frame(frame++, frame / 60.0);
        Thread.sleep(5);
      }
      controls.submit(Change.set("count", 4321, "soak"));
      controls.frame(frame++, frame / 60.0);
      boolean alive = Math.round(knobs.count) == 4321;
      long lost = sent - osc.received();
      return new Fault("OSC flood, 2,400 messages/s for 2 s", hour, alive && lost <= sent / 100,
          String.format(Locale.ROOT, "%,d sent, %,d received, %,d applied; controls answer afterwards: %s", sent,
              osc.received(), controls.handled(), alive));
    } finally {
      controls.close();
    }
  }

  private FrameSource videoCamera() throws IOException {
    Path root = Models.directory().toAbsolutePath().getParent();
    Path video = out.resolve("camera");
    Files.copy(root.resolve("lib/src/test/resources/fixtures/capture/smpte-160x120-30f.ogv"), video,
        StandardCopyOption.REPLACE_EXISTING);
    return CameraSource.standIn(video, 160, 120);
  }

  /** The camera (a video file standing in for its device) unplugged and plugged back: it says so and comes back by itself. */
  private Fault unplug(FrameSource camera, double hour) throws Exception {
    Path device = out.resolve("camera");
    Path away = out.resolve("camera.unplugged");
    long first = camera.frameCount();
    boolean ran = waitFor(() -> camera.frameCount() > first + 5, 20);
    Files.move(device, away);
    boolean noticed = waitFor(() -> camera.status().message().contains("unplugged"), 20);
    String message = camera.status().message();
    long before = camera.frameCount();
    Files.move(away, device);
    boolean back = waitFor(() -> camera.frameCount() > before + 10, 30);
    return new Fault("camera unplugged and plugged back", hour, ran && noticed && back,
        "said \"" + message + "\"; " + (back ? "frames again" : "no frames again"));
  }

  /** The wall clock set back or forward: the schedule lands in the right state; births go on by sketch time. */
  private Fault clockJump(double hour, long seconds, Scheduler scheduler, ZonedDateTime monday, double[] sim,
      long[] offset, Nursery nursery) {
    offset[0] += seconds;
    scheduler.poll();
    ZonedDateTime now = monday.plusSeconds((long) sim[0] + offset[0]);
    boolean right = scheduler.state().equals(scheduler.schedule().at(now));
    long births = nursery.births();
    return new Fault("wall clock set " + (seconds < 0 ? "back " : "forward ") + Math.abs(seconds) / 3600 + " h", hour,
        right, "the schedule says " + (scheduler.state().open() ? "open" : "closed") + " at " + now.toLocalTime()
            + ", preset " + scheduler.state().preset() + "; " + births + " births so far, sketch time unmoved");
  }

  private double lastRestart = Double.NaN;

  /**
   * A grid in its own process, breeding and saving booth profiles as fast as it can, killed with
   * kill -9 at a random moment; then the archive and the booth's files are checked, and the grid
   * is started again and timed until its grid is full.
   */
  private Fault killDashNine(double hour, Path modelPath) throws Exception {
    Path dir = out.resolve("killed");
    Process p = child(dir, modelPath);
    BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()));
    waitLine(in, "full");
    int ops = 5 + random.nextInt(40);
    for (int i = 0; i < ops; i++) {
      in.read();
    }
    p.destroyForcibly(); // kill -9
    p.waitFor(10, TimeUnit.SECONDS);
    String problem = check(dir);
    long start = System.nanoTime();
    Process again = child(dir, modelPath);
    BufferedReader in2 = new BufferedReader(new InputStreamReader(again.getInputStream()));
    boolean full = waitLine(in2, "full");
    lastRestart = (System.nanoTime() - start) / 1e9;
    again.destroyForcibly();
    again.waitFor(10, TimeUnit.SECONDS);
    return new Fault("kill -9 during breeding and booth saves", hour, problem == null && full,
        problem != null ? problem : String.format(Locale.ROOT, "after %d writes; index, pictures and profiles whole; "
            + "full grid again %.2f s after the restart", ops, lastRestart));
  }

  private static boolean waitLine(BufferedReader in, String word) throws IOException {
    for (String line; (line = in.readLine()) != null; ) {
      if (line.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** What is wrong with a killed grid's files: every line's picture readable, every profile and card whole. */
  private static String check(Path dir) throws IOException {
    try (Archive a = Archive.open(dir.resolve("archive"))) {
      for (Creature c : a.all()) {
        if (a.picture(c.seed()).isEmpty()) {
          return "creature " + c.seed() + " has no readable picture";
        }
      }
      if (a.damaged() > 1) {
        return a.damaged() + " damaged index lines (a torn last one is expected, more are not)";
      }
    }
    BoothStore store = new BoothStore(dir.resolve("booth"));
    for (long id : store.ids()) {
      store.read(id);
      BufferedImage card = ImageIO.read(store.card(id).toFile());
      if (card == null) {
        return "the card of profile " + id + " is not whole";
      }
    }
    return null;
  }

  private Process child(Path dir, Path modelPath) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-cp", Service.classpath(), "-Dai.djl.offline=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=error", Soak.class.getName(), "--child", dir.toString(),
        modelPath.toString()).redirectErrorStream(true).start();
  }

  /** The killed grid: opens its archive and grid, says "full", then breeds and saves profiles, a dot for each write. */
  static void child(Path dir, String modelPath) throws Exception {
    Archive archive = Archive.open(dir.resolve("archive"), 500);
    BoothStore store = new BoothStore(dir.resolve("booth"));
    double[] t = {0};
    try (Generator gan = Models.load(modelPath)) {
      Nursery nursery = new Nursery(gan, archive, () -> t[0], false);
      nursery.open(8, 5, 1, 0.7f);
      System.out.println("full " + nursery.grid().size());
      System.out.flush();
      Random r = new Random();
      for (long n = 1; ; n++) {
        t[0] += 1;
        nursery.breed(DeathPolicy.RANDOM, 0.35f, 0.1f, 0.7f, 0.1f);
        nursery.update();
        if (n % 3 == 0) {
          long id = 100_000_000_000L + Math.floorMod(r.nextLong(), 900_000_000_000L);
          Creature parent = archive.all().get(0);
          Image face = archive.picture(parent.seed()).orElseThrow();
          store.save(new Profile(id, "Killed " + n, parent.seed(), List.of(new MachineSpecs.Spec("engine power", n + " hp")),
              n), face.toBufferedImage(), null);
          archive.add(new Creature(id, parent.genome(), new long[] {parent.seed()}, n, Creature.Source.BOOTH, 1,
              gan.manifest().name(), "Killed " + n), face);
        }
        System.out.print('.');
        System.out.flush();
      }
    }
  }

  interface Check {
    boolean done() throws Exception;
  }

  private static boolean waitFor(Check done, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!done.done()) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** The median of the first (or last) quarter of {@code samples}, at least one sample. */
  static double quarter(List<Double> samples, boolean first) {
    int n = Math.max(1, samples.size() / 4);
    List<Double> part = new ArrayList<>(first ? samples.subList(0, n) : samples.subList(samples.size() - n, samples.size()));
    part.sort(Double::compare);
    return part.get(part.size() / 2);
  }

  private static double heapAfterGc() {
    System.gc();
    return Stats.heapMb();
  }

  private static long pngs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".png")).count();
    }
  }
}
