import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mishmash.grid.Cell;
import mishmash.sketch.Headless;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the grid behaves for the technician who installs it: messages, a second copy, a service stopping it. */
class InstallationTest {
  @TempDir Path tmp;

  static void needDisplay() {
    if (System.getenv("DISPLAY") == null) {
      if ("1".equals(System.getenv("MISHMASH_CI"))) {
        throw new AssertionError("CI must run this test under xvfb-run: no DISPLAY");
      }
      Assumptions.abort("SKIPPED: no display (run under xvfb-run -a to include the window tests)");
    }
  }

  static ProcessBuilder sketch(String main, String... args) {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  record Run(int exit, String output) {}

  static Run run(ProcessBuilder pb) throws Exception {
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), out);
    return new Run(p.exitValue(), out);
  }

  static void noStackTrace(String output) {
    assertFalse(output.contains("Exception") || output.contains("\tat ") || output.contains("Error:"),
        "a message, not a stack trace: " + output);
  }

  @Test
  void optionsThatCannotWorkSayWhyWithoutAStackTrace() throws Exception {
    Run max = run(sketch("ArchiveGrid", "--frames", "2", "--out", tmp.resolve("f").toString(), "--max", "0",
        "--archive", tmp.resolve("a").toString()));
    assertEquals(2, max.exit(), max.output());
    assertTrue(max.output().contains("--max 0: the archive keeps at least 1 creature"), max.output());
    noStackTrace(max.output());
    Run size = run(sketch("ArchiveGrid", "--frames", "2", "--out", tmp.resolve("f").toString(), "--size", "640x"));
    assertEquals(2, size.exit(), size.output());
    assertTrue(size.output().contains("--size 640x: give a width and height in pixels"), size.output());
    noStackTrace(size.output());
  }

  @Test
  void aBadWindowSizeSaysWhyWithoutAStackTrace() throws Exception {
    needDisplay();
    Run window = run(sketch("ArchiveGrid", "--window", "100x", "--no-midi", "--osc-port", "0"));
    assertEquals(2, window.exit(), window.output());
    assertTrue(window.output().contains("--window 100x: give a width and height in pixels, like --window 1280x720"),
        window.output());
    noStackTrace(window.output());
  }

  @Test
  void aSecondGridOnTheSameArchiveSaysWhichGridHasIt() throws Exception {
    Path archive = Files.createDirectories(tmp.resolve("archive"));
    Process first = sketch("HoldArchive", archive.toString()).start();
    try {
      String line = new BufferedReader(new InputStreamReader(first.getInputStream())).readLine();
      assertTrue(line != null && line.startsWith("holding"), "the first grid runs: " + line);
      ArchiveGrid second = new ArchiveGrid();
      second.args = new String[] {"--archive", archive.toString(), "--seed", "1", "--write-archive"};
      Headless.render(second, 480, 270, 10, 2, tmp.resolve("frames"));
      assertNotNull(second.problem(), "the second grid does not breed");
      assertTrue(second.problem().contains("is in use by HoldArchive (pid " + first.pid()), second.problem());
      int[] px = ArchiveGridTest.pixels(tmp.resolve("frames/frame-00001.png"));
      assertTrue(java.util.Arrays.stream(px).anyMatch(p -> (p >> 16 & 0xFF) > 200), "and says so on screen");
    } finally {
      first.destroyForcibly();
    }
  }

  @Test
  void aWarningHasAStripOfItsOwnBelowTheLabelsLegibleAcrossTheRoom() throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("archive"), "a file where the archive folder should be");
    ArchiveGrid sketch = new ArchiveGrid();
    sketch.args = new String[] {"--archive", notAFolder.toString(), "--seed", "2", "--write-archive"};
    Headless.render(sketch, 960, 540, 10, 2, tmp.resolve("frames"));
    String warning = sketch.nursery.warning();
    assertNotNull(warning, "the archive cannot be written");
    float strip = sketch.warningHeight(warning);
    assertTrue(strip >= 540 / 20f, "large enough to read from across the room: " + strip);
    for (Cell c : sketch.nursery.grid()) {
      assertTrue(c.y + c.h + sketch.labelSize * 2.6f <= 540 - strip, "the labels of the bottom row stay clear of the warning");
    }
    int[] px = ArchiveGridTest.pixels(tmp.resolve("frames/frame-00001.png"));
    int bottomRowOfStrip = px[(540 - 2) * 960 + 5];
    assertTrue((bottomRowOfStrip >> 16 & 0xFF) > 50 && (bottomRowOfStrip & 0xFF) < 40, "the strip is drawn");
  }

  @Test
  void aServiceStoppingTheGridWithSigtermEndsItCleanly() throws Exception {
    needDisplay();
    Path archive = tmp.resolve("archive");
    for (long after : new long[] {300, 2500, 6000}) {
      Process p = sketch("ArchiveGrid", "--window", "480x270", "--no-midi", "--osc-port", "0", "--archive",
          archive.toString()).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
      StringBuilder said = new StringBuilder();
      for (String line; (line = out.readLine()) != null; ) {
        said.append(line).append('\n');
        if (line.contains("OSC on")) {
          break; // the first frame is being drawn
        }
      }
      Thread.sleep(after); // while the model draws, a newborn is saved, a frame is drawn
      p.toHandle().destroy(); // SIGTERM, as systemd and launchd stop a service (Process.destroy would close the pipe)
      for (String line; (line = out.readLine()) != null; ) {
        said.append(line).append('\n');
      }
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      String all = said.toString();
      assertFalse(all.contains("exiting so it can restart") || all.contains("stopped on an error")
          || all.contains("WARN") || all.contains("Exception"), "SIGTERM after " + after + " ms: " + all);
      assertTrue(p.exitValue() == 143 || p.exitValue() == 0, "exit " + p.exitValue());
    }
  }

  /** A schedule closed yesterday, today and tomorrow, whenever the test runs. */
  Path closedToday(String outside) throws IOException {
    java.time.LocalDate today = java.time.LocalDate.now();
    return Files.writeString(tmp.resolve("schedule.txt"), String.join("\n",
        "open daily 00:00-24:00",
        "closed " + today.minusDays(1) + " " + today + " " + today.plusDays(1),
        "outside " + outside, ""));
  }

  int births(String outside) throws IOException {
    ArchiveGrid sketch = new ArchiveGrid();
    Path archive = tmp.resolve("archive-" + outside);
    sketch.args = new String[] {"--archive", archive.toString(), "--seed", "4", "--set", "interval=0.2,morph=0.1",
        "--schedule", closedToday(outside).toString(), "--write-archive"};
    Headless.render(sketch, 320, 180, 10, 30, tmp.resolve("frames-" + outside));
    return mishmash.archive.Archive.open(archive).size() - 40;
  }

  @Test
  void outsideOpeningHoursTheWallDimsAndBreedsNothingUnlessToldToPlayOn() throws IOException {
    assertEquals(0, births("dim"), "closed: no births");
    int[] px = ArchiveGridTest.pixels(tmp.resolve("frames-dim/frame-00029.png"));
    double mean = java.util.Arrays.stream(px).map(p -> (p >> 8) & 0xFF).average().orElse(0);
    assertTrue(mean < 20, "and the wall is dimmed: mean " + mean);
    assertTrue(births("attract") > 3, "outside attract: the wall plays on");
  }

  @Test
  void theStatusPageAndTheOscStatusTellHowTheWallIsDoing() throws Exception {
    int http;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      http = probe.getLocalPort();
    }
    try (java.nio.channels.DatagramChannel listen = java.nio.channels.DatagramChannel.open()) {
      listen.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      int oscClient = ((java.net.InetSocketAddress) listen.getLocalAddress()).getPort();
      ArchiveGrid sketch = new ArchiveGrid();
      sketch.args = new String[] {"--seed", "3", "--archive", tmp.resolve("archive").toString(), "--http-port",
          Integer.toString(http), "--osc-port", "0", "--osc-client", "127.0.0.1:" + oscClient,
          "--set", "interval=0.5"};
      Thread render = new Thread(() -> Headless.render(sketch, 320, 180, 10, 600, tmp.resolve("frames")));
      render.start();
      long end = System.nanoTime() + 60_000_000_000L;
      String json = null;
      while (System.nanoTime() < end && render.isAlive()) {
        try {
          var c = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:" + http + "/status.json").openConnection();
          json = new String(c.getInputStream().readAllBytes());
          if (json.contains("\"births\"")) {
            break;
          }
        } catch (IOException e) {
          Thread.sleep(100);
        }
      }
      assertNotNull(json, "the status page answered");
      com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
      for (String key : List.of("fps", "births", "creatures", "heap_mb", "rss_mb", "disk_free_mb", "archive_files",
          "archive_bound", "last_error", "schedule", "uptime_s")) {
        assertTrue(o.has(key), key + " in " + json);
      }
      assertEquals(10_000, o.get("archive_bound").getAsInt());
      var page = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:" + http + "/status").openConnection();
      assertTrue(new String(page.getInputStream().readAllBytes()).contains("<td>births</td>"), "and a page for people");
      listen.configureBlocking(true);
      listen.socket().setSoTimeout(20_000);
      java.util.Set<String> addresses = new java.util.HashSet<>();
      var parser = new com.illposed.osc.OSCSerializerAndParserBuilder().buildParser();
      while (!addresses.contains("/mishmash/grid/status/last_error") && System.nanoTime() < end) {
        java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[8192], 8192);
        listen.socket().receive(packet);
        var m = parser.convert(java.nio.ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
        if (m instanceof com.illposed.osc.OSCMessage msg) {
          addresses.add(msg.getAddress());
        }
      }
      assertTrue(addresses.contains("/mishmash/grid/status/births"), "the status over OSC too: " + addresses);
      assertTrue(addresses.contains("/mishmash/grid/status/rss_mb"), addresses.toString());
      render.join();
    }
  }
}
