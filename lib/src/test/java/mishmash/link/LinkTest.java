package mishmash.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.archive.GridState;
import mishmash.latent.Genome;
import mishmash.model.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wall and a booth on one machine, linked over MQTT through the embedded broker. */
class LinkTest {
  @TempDir Path tmp;

  static Creature visitor(long seed, String name) {
    return new Creature(seed, Genome.fresh(seed, 2, 8), new long[] {7}, 1000, Creature.Source.BOOTH, 1, "test", name);
  }

  static Image picture(long seed) {
    int[] argb = new int[16 * 16];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xFF000000 | (int) (seed * 7919 + i * 104729) & 0xFFFFFF;
    }
    return new Image(16, 16, argb);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void until(BooleanSupplier done, String what) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  WallLink wall(Archive archive, int port) throws IOException {
    return WallLink.start(archive, new WallLink.Settings(null, InetAddress.getLoopbackAddress(), port, a -> false,
        tmp.resolve("wall-link"), "test"));
  }

  @Test
  void profilesReachTheWallsArchiveOnceAndTheWallsGridReachesTheBooth() throws Exception {
    int port = freePort();
    try (Archive wallArchive = Archive.open(tmp.resolve("wall")); WallLink wall = wall(wallArchive, port);
        Archive boothArchive = Archive.open(tmp.resolve("booth-archive"), 100);
        BoothLink booth = BoothLink.start("tcp://127.0.0.1:" + port, "booth-1", tmp.resolve("booth"), boothArchive)) {
      for (long s = 1; s <= 3; s++) {
        wallArchive.add(new Creature(s, Genome.fresh(s, 2, 8), new long[0], 1, Creature.Source.RANDOM, 0, "test", ""),
            picture(s));
      }
      wallArchive.saveGrid(new GridState(3, 1, new long[] {1, 2, 3}, 3, 9));
      for (long s = 100_000_000_001L; s <= 100_000_000_005L; s++) {
        booth.send(visitor(s, "Zoë " + s), picture(s));
      }
      until(() -> booth.waitingCount() == 0, "the wall's receipts for five profiles");
      assertEquals(5, wall.received());
      for (long s = 100_000_000_001L; s <= 100_000_000_005L; s++) {
        assertTrue(wallArchive.saved(s), "on the wall's disk: " + s);
      }
      assertEquals("Zoë 100000000003", wallArchive.get(100_000_000_003L).orElseThrow().name());
      assertEquals(5, wallArchive.refresh().stream().filter(c -> c.source() == Creature.Source.BOOTH).count(),
          "the grid welcomes them like visitors of a booth beside it");
      until(() -> boothArchive.size() == 3, "the wall's three cells at the booth, to mix with");
      booth.send(visitor(100_000_000_003L, "Zoë again"), picture(3)); // sent twice (a lost receipt)
      until(() -> booth.waitingCount() == 0, "a receipt for the repeat");
      assertEquals(5, wall.received(), "the same profile twice is one");
      assertEquals(1, wall.repeats());
      long lines = Files.readAllLines(tmp.resolve("wall/index.jsonl")).stream()
          .filter(l -> l.contains("\"seed\":100000000003,")).count();
      assertEquals(1, lines, "one line in the archive");
    }
  }

  @Test
  void whatTheNetworkSendsIsCheckedAndNothingNamesAFile() throws Exception {
    int port = freePort();
    try (Archive archive = Archive.open(tmp.resolve("wall")); WallLink wall = wall(archive, port)) {
      String good = new String(Profiles.encode(visitor(100_000_000_009L, "x"), picture(9), 1), StandardCharsets.UTF_8);
      String[] bad = {
          "not json",
          "{\"index\": {\"seed\": \"../../etc/passwd\"}, \"picture\": \"\"}",
          good.replace("100000000009", "-5"),
          good.replace("\"source\":\"booth\"", "\"source\":\"bred\""),
          good.replaceFirst("\"picture\":\"[^\"]+\"", "\"picture\":\"" + java.util.Base64.getEncoder()
              .encodeToString("GIF89a not a png".getBytes(StandardCharsets.US_ASCII)) + "\"")};
      for (String b : bad) {
        wall.take(Topics.profile("booth-1"), b.getBytes(StandardCharsets.UTF_8));
      }
      wall.take("mishmash/booth/../../x/profile", good.getBytes(StandardCharsets.UTF_8));
      assertEquals(bad.length + 1, wall.refused());
      assertEquals(0, archive.size());
      try (var files = Files.list(tmp.resolve("wall"))) {
        assertFalse(files.anyMatch(f -> f.getFileName().toString().contains("passwd")));
      }
      assertThrows(IllegalArgumentException.class, () -> Profiles.picture(hugePng()), "a 20000 px picture is not decoded");
    }
  }

  /** A PNG header claiming 20000 x 20000 pixels (a decompression bomb's opening). */
  static byte[] hugePng() throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
    byte[] png = out.toByteArray();
    java.nio.ByteBuffer.wrap(png, 16, 8).putInt(20000).putInt(20000); // IHDR width and height
    return png;
  }

  @Test
  void onAGalleryNetworkOnlyTheAllowedMayConnect() throws Exception {
    int port = freePort();
    InetAddress any = InetAddress.getByName("0.0.0.0");
    InetAddress stranger = InetAddress.getByName("127.0.0.2"); // a sender that is not on the list, without leaving the machine
    try (Broker broker = Broker.start(any, port, tmp.resolve("broker"), a -> a.getHostAddress().equals("127.0.0.1"))) {
      try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, stranger, 0)) {
        s.setSoTimeout(5000);
        s.getOutputStream().write(new byte[] {0x10, 0x00});
        assertEquals(-1, s.getInputStream().read(), "disconnected before a byte of MQTT is read");
      }
      assertEquals(1, broker.refused());
      try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
        assertTrue(s.isConnected());
      }
    }
  }
}
