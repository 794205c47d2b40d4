package mishmash.live.oscquery;

import java.net.InetAddress;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import mishmash.net.Network;

/**
 * Run by {@link MdnsTest} inside a network namespace of its own (only a loopback interface, with
 * multicast on), so that no mDNS packet can reach a real network: advertises a sketch as
 * {@link Mdns} does and looks it up as an OSCQuery client would, with a second JmDNS.
 */
public final class MdnsProbe {
  public static void main(String[] args) throws Exception {
    try (Mdns mdns = Mdns.advertise(Network.local(), "probe", 8123, 9123)) {
      long end = System.nanoTime() + 20_000_000_000L;
      while (!mdns.advertising() && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      System.out.println("status: " + mdns.status());
      try (JmDNS client = JmDNS.create(InetAddress.getByName("127.0.0.1"), "probe-client")) {
        ServiceInfo query = find(client, Mdns.OSCQUERY);
        ServiceInfo osc = find(client, Mdns.OSC);
        System.out.println("oscjson: " + (query == null ? "none" : query.getName() + " port " + query.getPort()));
        System.out.println("osc: " + (osc == null ? "none" : osc.getName() + " port " + osc.getPort()));
      }
    }
    System.exit(0);
  }

  /** Looks the service up as a browser does: asks, and asks again until it answers (10 s at most). */
  static ServiceInfo find(JmDNS client, String type) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      for (ServiceInfo info : client.list(type, 1000)) {
        if (info.getName().equals("Mishmash probe") && info.getPort() > 0) {
          return info;
        }
      }
    }
    return null;
  }
}
