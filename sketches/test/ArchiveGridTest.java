import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import mishmash.archive.Archive;
import mishmash.sketch.Headless;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive grid as CI sees it: headless frames, and a real window when there is a display. */
class ArchiveGridTest {
  @TempDir Path tmp;

  static int[] pixels(Path png) throws IOException {
    var image = ImageIO.read(png.toFile());
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  Path render(String name, String... args) {
    ArchiveGrid sketch = new ArchiveGrid();
    sketch.args = args;
    Path out = tmp.resolve(name);
    Headless.render(sketch, 480, 270, 10, 14, out);
    return out;
  }

  @Test
  void theSameSeedRendersTheSameFrames() throws IOException {
    Path a = render("a", "--seed", "3", "--archive", tmp.resolve("archive-a").toString(), "--write-archive",
        "--set", "interval=0.5,morph=0.4");
    Path b = render("b", "--seed", "3", "--archive", tmp.resolve("archive-b").toString(), "--write-archive",
        "--set", "interval=0.5,morph=0.4");
    for (int f = 0; f < 14; f++) {
      String name = String.format("frame-%05d.png", f);
      assertArrayEquals(pixels(a.resolve(name)), pixels(b.resolve(name)), name + " is the same in both runs");
    }
    assertFalse(Arrays.equals(pixels(a.resolve("frame-00000.png")), pixels(a.resolve("frame-00013.png"))),
        "the grid moves");
    Archive archive = Archive.open(tmp.resolve("archive-a"));
    assertTrue(archive.size() >= 40 + 2, "the grid filled and at least two were born: " + archive.size());
    assertTrue(archive.all().stream().anyMatch(c -> c.parents().length == 2), "a newborn has two parents");
  }

  @Test
  void aRecordedPerformanceReplaysToTheSameFrames() throws IOException {
    // a performer's moves, as a file: a knob, a pad, a latent fader and an LFO
    Path script = tmp.resolve("moves.jsonl");
    Files.writeString(script, String.join("\n",
        "{\"mishmash\":\"performance\",\"sketch\":\"grid\",\"seed\":3}",
        "{\"frame\":2,\"t\":0.2,\"type\":\"SET\",\"name\":\"mutation\",\"value\":1.6,\"source\":\"midi\"}",
        "{\"frame\":3,\"t\":0.3,\"type\":\"ACTION\",\"name\":\"breed\",\"value\":1,\"source\":\"osc\"}",
        "{\"frame\":3,\"t\":0.3,\"type\":\"LATENT\",\"name\":\"0\",\"value\":3.0,\"source\":\"osc\"}",
        "{\"frame\":4,\"t\":0.4,\"type\":\"MODULATE\",\"name\":\"breath\",\"value\":0,\"text\":\"lfo sine 2 0.5\",\"source\":\"osc\"}",
        ""));
    Path recorded = tmp.resolve("recorded.jsonl");
    Path played = render("played", "--seed", "3", "--archive", tmp.resolve("archive-p").toString(), "--write-archive",
        "--set", "interval=0.5,morph=0.4", "--replay", script.toString(), "--record", recorded.toString());
    Path replayed = render("replayed", "--seed", "3", "--archive", tmp.resolve("archive-r").toString(), "--write-archive",
        "--set", "interval=0.5,morph=0.4", "--replay", recorded.toString());
    Path untouched = render("untouched", "--seed", "3", "--archive", tmp.resolve("archive-u").toString(), "--write-archive",
        "--set", "interval=0.5,morph=0.4");
    assertEquals(5, Files.readAllLines(recorded).size(), "the header and every event were recorded");
    boolean differs = false;
    for (int f = 0; f < 14; f++) {
      String name = String.format("frame-%05d.png", f);
      assertArrayEquals(pixels(played.resolve(name)), pixels(replayed.resolve(name)), name + " replays identically");
      differs |= !Arrays.equals(pixels(played.resolve(name)), pixels(untouched.resolve(name)));
    }
    assertTrue(differs, "the performance changed what was drawn");
    assertTrue(Archive.open(tmp.resolve("archive-r")).size() > Archive.open(tmp.resolve("archive-u")).size(),
        "the replayed pad hit bred an extra creature");
  }

  @Test
  void oscPlaysTheRunningSketch() throws Exception {
    int port;
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
      port = probe.getLocalPort();
    }
    ArchiveGrid sketch = new ArchiveGrid();
    sketch.args = new String[] {"--seed", "3", "--archive", tmp.resolve("archive").toString(), "--osc-port",
        Integer.toString(port), "--osc-bind", "127.0.0.1"};
    Thread render = new Thread(() -> Headless.render(sketch, 320, 180, 10, 400, tmp.resolve("frames")));
    render.start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sketch.frameCount < 3 && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    try (java.nio.channels.DatagramChannel out = java.nio.channels.DatagramChannel.open()) {
      for (Object[] m : new Object[][] {{"/mishmash/grid/mutation", 1.7f}, {"/mishmash/grid/death", "random"},
          {"/mishmash/grid/columns/norm", 0.2f}}) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(256);
        new com.illposed.osc.OSCSerializerAndParserBuilder().buildSerializer(new com.illposed.osc.BufferBytesReceiver(b))
            .write(new com.illposed.osc.OSCMessage((String) m[0], java.util.List.of(m[1])));
        b.flip();
        out.send(b, new java.net.InetSocketAddress("127.0.0.1", port));
      }
    }
    while (sketch.mutation != 1.7f && render.isAlive()) {
      Thread.sleep(5);
    }
    render.join();
    assertEquals(1.7f, sketch.mutation, "a real UDP message reached the sketch's field");
    assertEquals(mishmash.grid.DeathPolicy.RANDOM, sketch.death);
    assertEquals(4, sketch.columns, "0.2 of 1..16");
  }

  @Test
  void aMissingModelIsShownOnScreenInsteadOfACrash() throws IOException {
    ArchiveGrid sketch = new ArchiveGrid();
    sketch.args = new String[] {"--model", "no-such-model", "--archive", tmp.resolve("archive").toString()};
    Headless.render(sketch, 480, 270, 10, 2, tmp.resolve("frames"));
    assertTrue(sketch.problem().contains("no-such-model"), sketch.problem());
    assertTrue(Files.exists(tmp.resolve("frames/frame-00001.png")), "it still draws frames");
    int[] px = pixels(tmp.resolve("frames/frame-00001.png"));
    assertTrue(Arrays.stream(px).anyMatch(p -> (p >> 16 & 0xFF) > 200), "the message is on screen");
  }

  static void needsDisplay() {
    boolean ci = "1".equals(System.getenv("MISHMASH_CI"));
    if (System.getenv("DISPLAY") == null) {
      if (ci) {
        throw new AssertionError("CI must run this test under xvfb-run: no DISPLAY");
      }
      Assumptions.abort("SKIPPED: no display (run under xvfb-run -a to include the window test)");
    }
  }

  /** Starts ArchiveGrid as its own program (a real window, with --window); stdout and stderr merged. */
  static Process launch(String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "ArchiveGrid"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void theSketchRunsInARealWindowPlayedOverOscQueryAndComesBackWithItsValues() throws Exception {
    needsDisplay();
    Path data = tmp.resolve("data");
    Files.createDirectories(data.resolve("presets/grid"));
    Files.writeString(data.resolve("presets/grid/arr.json"), "{\"sketch\":\"grid\",\"values\":[1,2,3]}");
    // issue 12, 1: a broken --preset killed the sketch at every start; now it says so and runs
    Process p = launch("--window", "960x540", "--bench", "6", "--osc-port", "0", "--http-port", "0", "--no-midi",
        "--data", data.toString(), "--preset", "arr");
    StringBuilder output = new StringBuilder();
    java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
    Integer http = null;
    for (String line; http == null && (line = lines.readLine()) != null; ) {
      output.append(line).append('\n');
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("OSCQuery on http://127.0.0.1:(\\d+)/").matcher(line);
      if (m.find()) {
        http = Integer.parseInt(m.group(1));
      }
    }
    assertTrue(http != null, output.toString());
    // an OSCQuery client sets a value over the WebSocket (binary OSC) and reads it back over HTTP
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
        .build();
    java.net.http.WebSocket ws = client.newWebSocketBuilder().buildAsync(java.net.URI.create("ws://127.0.0.1:" + http + "/"),
        new java.net.http.WebSocket.Listener() {}).get(20, TimeUnit.SECONDS);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(256);
    new com.illposed.osc.OSCSerializerAndParserBuilder().buildSerializer(new com.illposed.osc.BufferBytesReceiver(b))
        .write(new com.illposed.osc.OSCMessage("/mishmash/grid/columns", List.of(5)));
    b.flip();
    ws.sendBinary(b, true).get(5, TimeUnit.SECONDS);
    String value = "";
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); // a loaded machine starts slowly
    while (!value.contains("[5]") && System.nanoTime() < end) {
      value = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + http
          + "/mishmash/grid/columns?VALUE")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      Thread.sleep(50);
    }
    assertEquals("{\"VALUE\":[5]}", value);
    for (String line; (line = lines.readLine()) != null; ) {
      output.append(line).append('\n');
    }
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the sketch exits after its benchmark");
    assertEquals(0, p.exitValue(), output.toString());
    assertTrue(output.toString().contains("| ArchiveGrid | processing.awt.PGraphicsJava2D | 960x540 |"), output.toString());
    assertTrue(output.toString().contains("preset \"arr\"") && output.toString().contains("\"values\" as a list"),
        "the broken preset is named: " + output);
    assertNull(firstCrashLog(), "no native crash at exit");
    // issue 12, 11: after a crash or a restart the live values come back (the bench exits with System.exit: no clean close)
    String kept = Files.readString(data.resolve("live/grid.json"));
    assertTrue(kept.contains("\"columns\":5"), kept);
  }

  private static Path firstCrashLog() throws IOException {
    try (var files = Files.list(Path.of("."))) {
      return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).findFirst().orElse(null);
    }
  }

  static java.util.Set<String> scratchCopies() throws IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("mishmash-archive-"))
          .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
  }

  // issue 12, 10: headless renders wrote into the live archive, and repeated only on an untouched one

  @Test
  void headlessRendersReadTheArchiveLeaveItAsItWasAndRepeat() throws IOException {
    Path archive = tmp.resolve("installation");
    java.util.Set<String> scratchBefore = scratchCopies(); // another program's renders may have theirs
    render("before", "--seed", "3", "--archive", archive.toString(), "--write-archive", "--set", "interval=0.5");
    Map<String, Long> files = listing(archive);
    String index = Files.readString(archive.resolve("index.jsonl"));
    Path a = render("a", "--seed", "9", "--archive", archive.toString(), "--set", "interval=0.5,morph=0.4");
    Path b = render("b", "--seed", "9", "--archive", archive.toString(), "--set", "interval=0.5,morph=0.4");
    assertEquals(files, listing(archive), "no picture added, removed or changed");
    assertEquals(index, Files.readString(archive.resolve("index.jsonl")), "the index as it was");
    boolean moved = false;
    for (int f = 0; f < 14; f++) {
      String name = String.format("frame-%05d.png", f);
      assertArrayEquals(pixels(a.resolve(name)), pixels(b.resolve(name)), name + " is the same in both renders");
      moved |= !Arrays.equals(pixels(a.resolve("frame-00000.png")), pixels(a.resolve(name)));
    }
    assertTrue(moved, "and they are not still: creatures were born in the copy");
    java.util.Set<String> left = scratchCopies();
    left.removeAll(scratchBefore);
    assertTrue(left.isEmpty(), "the scratch copies are gone: " + left);
  }

  static Map<String, Long> listing(Path dir) throws IOException {
    Map<String, Long> out = new java.util.TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.size(f) * 31 + Arrays.hashCode(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  // issue 12, 11: unknown options were ignored, and there was no --help

  @Test
  void unknownOptionsStopTheSketchWithAHintAndHelpListsThem() throws Exception {
    Process typo = launch("--sed", "7", "--osc-prot", "8300");
    String out = new String(typo.getInputStream().readAllBytes());
    assertTrue(typo.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, typo.exitValue(), out);
    assertTrue(out.contains("unknown option --sed (did you mean --seed?)"), out);
    assertTrue(out.contains("unknown option --osc-prot (did you mean --osc-port?)"), out);
    Process gone = launch("--osc-bind", "0.0.0.0");
    String moved = new String(gone.getInputStream().readAllBytes());
    assertTrue(gone.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, gone.exitValue(), moved);
    assertTrue(moved.contains("--osc-bind is gone") && moved.contains("--network"), moved);
    Process help = launch("--help");
    String usage = new String(help.getInputStream().readAllBytes());
    assertTrue(help.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, help.exitValue(), usage);
    for (String option : List.of("--seed S", "--osc-port N", "--network RANGES", "--touchosc FILE", "--max N")) {
      assertTrue(usage.contains(option), option + " in " + usage);
    }
    Process missing = launch("--frames");
    String said = new String(missing.getInputStream().readAllBytes());
    assertTrue(missing.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, missing.exitValue(), said);
    assertTrue(said.contains("--frames needs a value"), said);
  }

  // beyond the anchors: a TouchOSC layout in one command

  @Test
  void oneCommandWritesTheTouchOscLayout() throws Exception {
    Path file = tmp.resolve("grid.tosc");
    Process p = launch("--touchosc", file.toString());
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    String xml;
    try (var in = new java.util.zip.InflaterInputStream(Files.newInputStream(file))) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    for (mishmash.live.Param param : new ArchiveGrid().params()) {
      assertTrue(xml.contains("<![CDATA[/mishmash/grid/" + param.name() + "]]>"), param.name());
    }
    assertTrue(xml.contains("<![CDATA[/mishmash/grid/breed]]>"));
  }

  // issue 12, 11: labels overlapped at 16 columns or in a small window

  @Test
  void labelsNeverReachIntoTheNextCell() throws IOException {
    for (int[] size : new int[][] {{1920, 1080}, {960, 540}, {640, 360}}) {
      for (int columns : new int[] {8, 16}) {
        ArchiveGrid sketch = new ArchiveGrid();
        sketch.args = new String[] {"--seed", "3", "--archive", tmp.resolve("archive-l").toString(), "--set",
            "columns=" + columns};
        Headless.render(sketch, size[0], size[1], 10, 1, tmp.resolve("labels"));
        String where = size[0] + "x" + size[1] + " with " + columns + " columns";
        float slot = (float) size[0] / columns;
        if (sketch.labelSize == 0) {
          assertTrue(slot < 80, "labels are left out only where they could not be read: " + where);
          continue;
        }
        sketch.textFont(sketch.mono);
        sketch.textSize(sketch.labelSize);
        assertTrue(sketch.textWidth("No. 999999999999") <= slot - 6, "a full label fits its slot: " + where
            + ", " + sketch.textWidth("No. 999999999999") + " px in " + slot);
        assertTrue(sketch.labelSize >= 7, where);
      }
    }
  }
}
