package mishmash.link;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import mishmash.archive.Archive;
import mishmash.archive.Creature;

/**
 * A wall or a booth for the namespace test, as its own program (run inside a network namespace):
 * <pre>
 * LinkProbe wall ARCHIVE LINKDATA BIND PORT ALLOW[,ALLOW] [BROKER-URL]   prints "arrived SEED LATENCY-MS"
 * LinkProbe booth FOLDER BROKER-URL NAME                                 reads "send N FIRST", prints "queued SEED"
 * </pre>
 */
public final class LinkProbe {
  private LinkProbe() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("wall")) {
      wall(args);
    } else {
      booth(args);
    }
  }

  static void wall(String[] a) throws Exception {
    List<String> allow = List.of(a[5].split(","));
    Archive archive = Archive.open(Path.of(a[1]));
    WallLink link = WallLink.start(archive, new WallLink.Settings(a.length > 6 ? a[6] : null, InetAddress.getByName(a[3]),
        Integer.parseInt(a[4]), x -> x.isLoopbackAddress() || allow.contains(x.getHostAddress()), Path.of(a[2]), "probe"));
    System.out.println("ready");
    System.out.flush();
    while (true) {
      for (Creature c : archive.refresh()) {
        if (c.source() == Creature.Source.BOOTH) {
          System.out.println("arrived " + c.seed() + " " + link.lastLatencyMs());
          System.out.flush();
        }
      }
      Thread.sleep(20);
    }
  }

  static void booth(String[] a) throws Exception {
    Archive local = Archive.open(Path.of(a[1]).resolve("archive"), 100);
    BoothLink link = BoothLink.start(a[2], a[3], Path.of(a[1]), local);
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    for (String line; (line = in.readLine()) != null; ) {
      String[] w = line.trim().split(" ");
      if (w[0].equals("send")) {
        long first = Long.parseLong(w[2]);
        for (long s = first; s < first + Integer.parseInt(w[1]); s++) {
          link.send(LinkTest.visitor(s, "visitor " + s), LinkTest.picture(s));
          System.out.println("queued " + s);
        }
      } else if (w[0].equals("status")) {
        System.out.println("waiting " + link.waitingCount() + " connected " + link.connected());
      }
      System.out.flush();
    }
  }
}
