package mishmash.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The service command writes what systemd and launchd need to start the grid with the session and keep it running. */
class ServiceTest {
  @TempDir Path tmp;

  Service.Plan plan() {
    String java = ProcessHandle.current().info().command().orElse("/usr/bin/java");
    return new Service.Plan("grid", "ArchiveGrid", tmp.resolve("my project"), java, "/a/lib.jar:/b/classes",
        List.of("--archive", "/srv/wall archive", "--set", "interval=2"), 30, Map.of("DISPLAY", ":0"));
  }

  @Test
  void theSystemdUnitRunsTheSketchUnderTheWatchdogAndSystemdAcceptsIt() throws Exception {
    String unit = Service.systemd(plan());
    assertTrue(unit.contains("WorkingDirectory=" + tmp.resolve("my project") + "\n"), unit);
    Files.createDirectories(tmp.resolve("my project"));
    assertTrue(unit.contains(" mishmash.service.Watchdog --name grid --log \"" + tmp.resolve("my project/data/logs/grid.log")
        + "\" --hang 30 -- "), unit);
    assertTrue(unit.contains(" ArchiveGrid --archive \"/srv/wall archive\" --set interval=2\n"), "the sketch's options, quoted: " + unit);
    assertTrue(unit.contains("RestartPreventExitStatus=2 3"), "a sketch that cannot run is not restarted forever");
    assertTrue(unit.contains("KillMode=mixed"), "SIGTERM goes to the watchdog, which stops the sketch");
    assertTrue(unit.contains("WantedBy=default.target"));
    Path file = Files.writeString(tmp.resolve(Service.unit("grid")), unit);
    ProcessBuilder verify = new ProcessBuilder("systemd-analyze", "verify", file.toString()).redirectErrorStream(true);
    Process p;
    try {
      p = verify.start();
    } catch (java.io.IOException e) {
      if ("1".equals(System.getenv("MISHMASH_CI"))) {
        throw new AssertionError("CI must have systemd-analyze (Debian's systemd package)", e);
      }
      Assumptions.abort("SKIPPED: no systemd-analyze to check the unit with");
      return;
    }
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.lines().noneMatch(l -> l.contains(file.getFileName().toString())), "no complaint about the unit: " + out);
  }

  @Test
  void theLaunchdAgentIsAPropertyListWithTheSameCommand() throws Exception {
    String plist = Service.launchd(plan());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(plist.getBytes(StandardCharsets.UTF_8)));
    NodeList strings = doc.getElementsByTagName("array").item(0).getChildNodes();
    List<String> args = new ArrayList<>();
    for (int i = 0; i < strings.getLength(); i++) {
      if (strings.item(i).getNodeName().equals("string")) {
        args.add(strings.item(i).getTextContent());
      }
    }
    assertEquals(plan().watchdog(true), args);
    assertTrue(args.containsAll(List.of("--final-exit", "0")), "launchd's KeepAlive would restart a non-zero exit");
    assertTrue(plist.contains("<key>RunAtLoad</key><true/>"));
    assertTrue(plist.contains("<string>art.mishmash.grid</string>"));
  }

  @Test
  void installWritesTheUnitAndSaysWhatToRunWhenNoServiceManagerAnswers() throws Exception {
    String home = System.getProperty("user.home");
    System.setProperty("user.home", tmp.toString());
    try {
      int r = Service.run(new String[] {"install", "grid", "--os", "linux", "--", "--window", "1280x720"});
      Path unit = tmp.resolve(".config/systemd/user/mishmash-grid.service");
      assertTrue(Files.exists(unit), "written even when systemctl cannot be reached");
      assertTrue(Files.readString(unit).contains(" ArchiveGrid --window 1280x720\n"));
      assertTrue(r == 0 || r == 1);
      Service.run(new String[] {"install", "booth", "--os", "macos"});
      assertTrue(Files.readString(tmp.resolve("Library/LaunchAgents/art.mishmash.booth.plist")).contains("<string>Booth</string>"));
    } finally {
      System.setProperty("user.home", home);
    }
  }
}
