package mishmash.live.oscquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mishmash.net.Network;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * mDNS for real, in a network namespace made for the test (unshare -n: a loopback interface and
 * nothing else), so the multicast never leaves it: the sketch's OSCQuery service is found by name.
 */
class MdnsTest {
  @Test
  void anOscQueryClientFindsTheSketchByName() throws Exception {
    boolean ci = "1".equals(System.getenv("MISHMASH_CI"));
    boolean can = Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/sbin/ip"))
        && new ProcessBuilder("unshare", "-n", "true").start().waitFor() == 0;
    if (!can) {
      if (ci) {
        throw new AssertionError("CI must be able to make a network namespace (root, unshare and ip from util-linux "
            + "and iproute2) for the mDNS test");
      }
      Assumptions.abort("SKIPPED: no network namespace here (needs root, unshare, ip): the mDNS test runs in CI");
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder("unshare", "-n", "sh", "-c",
        "ip link set lo up && ip link set lo multicast on && exec \"$0\" -cp \"$1\" mishmash.live.oscquery.MdnsProbe",
        java, System.getProperty("java.class.path")).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("status: mDNS: _oscjson._tcp on lo"), out);
    assertTrue(out.contains("oscjson: Mishmash probe port 8123"), out);
    assertTrue(out.contains("osc: Mishmash probe port 9123"), out);
  }

  @Test
  void onThisMachineOnlyItAdvertisesOnLoopbackOrNowhere() throws Exception {
    java.net.InetAddress a = Mdns.address(Network.local());
    assertTrue(a == null || a.isLoopbackAddress(), "never on a real network by default: " + a);
  }
}
