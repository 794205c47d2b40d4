package mishmash.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A power cut, or kill -9, in the middle of writing leaves an archive that opens. */
class ArchiveKillTest {
  @TempDir Path dir;

  /** The victim: writes creatures as fast as it can until it is killed. */
  public static void main(String[] args) {
    Archive archive = Archive.open(Path.of(args[0]));
    for (long seed = 1; ; seed++) {
      archive.add(ArchiveTest.creature(seed), ArchiveTest.picture(seed));
      archive.retain(java.util.Set.of());
      System.out.print('.'); // one dot per creature on disk
      System.out.flush();
    }
  }

  @Test
  void killDashNineDuringWritesLeavesAReadableArchive() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int round = 0; round < 3; round++) {
      Process victim = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ArchiveKillTest.class.getName(), dir.toString()).redirectErrorStream(true).start();
      for (int written = 0; written < 3 + 5 * round; written++) {
        assertTrue(victim.getInputStream().read() == '.', "the victim writes creatures");
      }
      Thread.sleep(37L * round); // and is killed somewhere in the middle of the next ones
      victim.destroyForcibly(); // SIGKILL
      assertTrue(victim.waitFor(10, TimeUnit.SECONDS));

      Archive archive = Archive.open(dir);
      assertTrue(archive.size() > 0, "creatures written before the kill are there");
      List<Creature> all = archive.all();
      for (Creature c : all) {
        assertTrue(archive.picture(c.seed()).isPresent(), "every creature in the index has a readable picture");
      }
      assertEquals(all.size(), archive.size());
      archive.close(); // the next round's victim is the archive's writer again
    }
  }
}
