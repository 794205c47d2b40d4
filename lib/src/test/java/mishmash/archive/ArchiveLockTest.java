package mishmash.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One grid per archive: two started by a careless autostart would breed twins and overwrite each other. */
class ArchiveLockTest {
  @TempDir Path dir;

  /** Another grid: opens the archive, says so, and holds it until killed. */
  public static void main(String[] args) throws Exception {
    Archive archive = Archive.open(Path.of(args[0]));
    archive.add(ArchiveTest.creature(1), ArchiveTest.picture(1));
    System.out.println("holding " + ProcessHandle.current().pid());
    System.out.flush();
    Thread.sleep(120_000);
  }

  static Process holder(Path dir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ArchiveLockTest.class.getName(),
        dir.toString()).redirectErrorStream(true).start();
  }

  @Test
  void aSecondGridIsRefusedWithWhoHoldsTheArchiveAndTakesOverOnceThatOneIsKilled() throws Exception {
    Process first = holder(dir);
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream()));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("holding"), "the first grid runs: " + line);
      ArchiveInUseException e = assertThrows(ArchiveInUseException.class, () -> Archive.open(dir));
      assertTrue(e.getMessage().contains("pid " + first.pid() + " on " + ArchiveLock.host()), e.getMessage());
      assertTrue(e.getMessage().contains("--archive"), "and what to do: " + e.getMessage());
      first.destroyForcibly(); // kill -9: the lock it leaves behind is stale
      assertTrue(first.waitFor(10, TimeUnit.SECONDS));
      try (Archive second = Archive.open(dir)) {
        assertEquals(1, second.size(), "the second takes over, with what the first made");
        assertTrue(Files.readString(dir.resolve(ArchiveLock.FILE)).contains("\"pid\":" + ProcessHandle.current().pid()));
      }
    } finally {
      first.destroyForcibly();
    }
  }

  @Test
  void aLockLeftByADeadProcessOnThisHostIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version").start();
    gone.waitFor();
    Files.writeString(dir.resolve(ArchiveLock.FILE), "{\"pid\":" + gone.pid() + ",\"host\":\"" + ArchiveLock.host()
        + "\",\"program\":\"ArchiveGrid\",\"since\":\"yesterday\",\"beat\":" + System.currentTimeMillis() + "}\n");
    try (Archive archive = Archive.open(dir)) {
      assertTrue(archive.owner());
    }
  }

  @Test
  void whereTheFileSystemCannotLockALiveHoldersHeartbeatStillCounts() throws Exception {
    // a grid on another machine sharing the folder over a mount that does not pass locks on
    Files.writeString(dir.resolve(ArchiveLock.FILE), "{\"pid\":4242,\"host\":\"wall-2\",\"program\":\"ArchiveGrid\","
        + "\"since\":\"today\",\"beat\":" + System.currentTimeMillis() + "}\n");
    ArchiveInUseException e = assertThrows(ArchiveInUseException.class, () -> Archive.open(dir));
    assertTrue(e.getMessage().contains("pid 4242 on wall-2"), e.getMessage());
    Files.writeString(dir.resolve(ArchiveLock.FILE), "{\"pid\":4242,\"host\":\"wall-2\",\"program\":\"ArchiveGrid\","
        + "\"since\":\"today\",\"beat\":" + (System.currentTimeMillis() - 2 * ArchiveLock.STALE_MS) + "}\n");
    try (Archive archive = Archive.open(dir)) {
      assertTrue(archive.owner(), "without a heartbeat for a minute, the lock is stale");
    }
  }

  @Test
  void aBoothAddsToTheGridsArchiveWithoutTheLock() throws Exception {
    try (Archive grid = Archive.open(dir)) {
      Archive booth = Archive.share(dir);
      booth.add(ArchiveTest.creature(5), ArchiveTest.picture(5));
      assertEquals(1, grid.refresh().size(), "the grid sees the booth's creature");
    }
  }
}
