package mishmash.live.oscquery;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import mishmash.net.Network;

/**
 * Tells the network that a sketch is there, over mDNS (Bonjour, zeroconf) with JmDNS: its OSCQuery
 * server as {@code _oscjson._tcp} (so ossia score, Chataigne, VDMX find it by name) and its OSC
 * port as {@code _osc._udp}. Only where the servers can be reached: on this machine only
 * ({@link Network#local()}) on the loopback interface, and only if it carries multicast (macOS's
 * does; on Linux {@code sudo ip link set lo multicast on}), otherwise not at all; on a gallery
 * network on the machine's network interface. Registration takes a second or two and runs on a
 * thread of its own; a failure is reported and the sketch goes on.
 */
public final class Mdns implements AutoCloseable {
  public static final String OSCQUERY = "_oscjson._tcp.local.";
  public static final String OSC = "_osc._udp.local.";

  private final Thread starter;
  private volatile JmDNS jmdns;
  private volatile String status = "mDNS: starting";
  private volatile boolean closed;

  private Mdns(Network network, String name, int httpPort, int oscPort) {
    starter = new Thread(() -> run(network, name, httpPort, oscPort), "mishmash-mdns");
    starter.setDaemon(true);
  }

  /**
   * Starts advertising {@code name} ("Mishmash grid") in the background.
   *
   * @param oscPort the OSC UDP port, or 0 for none
   */
  public static Mdns advertise(Network network, String name, int httpPort, int oscPort) {
    Mdns m = new Mdns(network, name, httpPort, oscPort);
    m.starter.start();
    return m;
  }

  /** What it is doing, for the panel: "mDNS: _oscjson._tcp on lo", or why not. */
  public String status() {
    return status;
  }

  /** True once the services are registered. */
  public boolean advertising() {
    return jmdns != null && !closed;
  }

  private void run(Network network, String name, int httpPort, int oscPort) {
    try {
      InetAddress address = address(network);
      if (address == null) {
        status = network.isLocal()
            ? "mDNS: off (the loopback interface carries no multicast; on Linux: sudo ip link set lo multicast on)"
            : "mDNS: off (no network interface with multicast is up)";
        return;
      }
      JmDNS j = JmDNS.create(address, "mishmash-" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
      j.registerService(ServiceInfo.create(OSCQUERY, "Mishmash " + name, httpPort, "OSCQuery of Mishmash " + name));
      if (oscPort > 0) {
        j.registerService(ServiceInfo.create(OSC, "Mishmash " + name, oscPort, "OSC of Mishmash " + name));
      }
      if (closed) {
        j.close();
        return;
      }
      status = "mDNS: " + OSCQUERY.replace(".local.", "") + " on " + NetworkInterface.getByInetAddress(address).getName();
      jmdns = j;
    } catch (IOException | RuntimeException e) {
      status = "mDNS: off (" + e.getMessage() + ")";
      System.err.println("mishmash: " + status + "; the sketch goes on, reachable by address");
    }
  }

  /**
   * The address to advertise on: loopback when local; on a gallery network the IPv4 address of an
   * interface with multicast, one inside the allow list if there is one (the gallery's own network).
   */
  static InetAddress address(Network network) throws SocketException {
    InetAddress first = null;
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || !nif.supportsMulticast() || nif.isLoopback() != network.isLocal()) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        if (a instanceof Inet4Address) {
          if (network.isLocal() || network.allows(a)) {
            return a;
          }
          first = first == null ? a : first;
        }
      }
    }
    return first;
  }

  /** Withdraws the services (a goodbye on the network), waiting at most a second. */
  @Override
  public void close() {
    closed = true;
    JmDNS j = jmdns;
    jmdns = null;
    if (j == null) {
      return;
    }
    Thread stop = new Thread(() -> {
      try {
        j.unregisterAllServices();
        j.close();
      } catch (IOException | RuntimeException e) {
        // going anyway
      }
    }, "mishmash-mdns-stop");
    stop.setDaemon(true);
    stop.start();
    try {
      stop.join(TimeUnit.SECONDS.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
