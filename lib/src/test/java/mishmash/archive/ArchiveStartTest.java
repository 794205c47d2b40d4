package mishmash.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does to an archive a technician, a copy or a crash left in a strange state: it destroys nothing. */
class ArchiveStartTest {
  @TempDir Path dir;
  @TempDir Path aside;

  static Archive filled(Path dir, int n) {
    Archive archive = Archive.open(dir);
    for (long s = 1; s <= n; s++) {
      archive.add(ArchiveTest.creature(s), ArchiveTest.picture(s));
    }
    return archive;
  }

  static long pngs(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".png")).count();
    }
  }

  /** Runs {@code body} and returns what it wrote to stderr (where the log goes). */
  static String stderr(Runnable body) {
    PrintStream old = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static void age(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - Archive.SETTLE_MS - 60_000));
  }

  @Test
  void aStartWhileThePicturesAreAwayKeepsEveryLineAndTheCreaturesComeBackWithThem() throws IOException {
    filled(dir, 40).close();
    byte[] index = Files.readAllBytes(dir.resolve(Archive.INDEX));
    for (long s = 1; s <= 40; s++) { // an interrupted copy, a slow mount, a technician moving files aside
      Files.move(dir.resolve(s + ".png"), aside.resolve(s + ".png"));
    }
    Archive started = Archive.open(dir);
    assertEquals(0, started.size());
    assertEquals(40, started.waiting(), "every creature waits for its picture");
    assertTrue(Files.size(dir.resolve(Archive.INDEX)) >= index.length, "the index was not cut down");
    started.add(ArchiveTest.creature(99), ArchiveTest.picture(99)); // the grid breeds meanwhile
    started.retain(Set.of());
    for (long s = 1; s <= 40; s++) {
      Path back = dir.resolve(s + ".png");
      Files.copy(aside.resolve(s + ".png"), back);
      age(back);
    }
    started.recheckNow();
    assertEquals(41, started.size(), "the pictures are back, and so are their creatures, while running");
    assertEquals(0, started.cleaned(), "a returning picture is no orphan");
    started.close();
    Archive again = Archive.open(dir);
    assertEquals(41, again.size(), "and after the next start");
    assertTrue(again.picture(7).isPresent());
    again.close();
  }

  @Test
  void damagedLinesAreSetAsideAsTheyWereAndALineTellsHowMany() throws IOException {
    filled(dir, 3).close();
    StringBuilder junk = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      junk.append("junk line ").append(i).append('\n');
    }
    Files.writeString(dir.resolve(Archive.INDEX), junk, java.nio.file.StandardOpenOption.APPEND);
    Archive[] opened = new Archive[1];
    String log = stderr(() -> opened[0] = Archive.open(dir));
    assertEquals(3, opened[0].size(), "the good lines load");
    assertEquals(20_000, opened[0].damaged());
    long lines = log.lines().filter(l -> l.contains("archive")).count();
    assertTrue(lines <= Archive.DESCRIBED + 1, "a few lines describe the damage, one counts it: " + lines + "\n" + log);
    assertTrue(log.contains("20000 damaged lines"), log);
    assertEquals(junk.toString(), Files.readString(dir.resolve(Archive.DAMAGED)), "every damaged line is kept, as it was");
    opened[0].close();
    String again = stderr(() -> Archive.open(dir).close());
    assertFalse(again.contains("damaged"), "set aside once, not reported at every start: " + again);
  }

  @Test
  void creaturesRemovedByRetentionAreNotReportedMissingAtTheNextStart() throws IOException {
    Archive archive = Archive.open(dir, 5);
    for (long s = 1; s <= 30; s++) {
      archive.add(ArchiveTest.creature(s), ArchiveTest.picture(s));
      archive.retain(Set.of());
    }
    archive.close();
    Archive[] opened = new Archive[1];
    String log = stderr(() -> opened[0] = Archive.open(dir, 5));
    assertEquals(5, opened[0].size());
    assertEquals(0, opened[0].waiting());
    assertFalse(log.contains("missing"), log);
    opened[0].close();
  }

  @Test
  void orphanAndUnreadablePicturesAreClearedSoTheFilesStayWithinTheBound() throws IOException {
    filled(dir, 10).close();
    for (long s = 500; s < 530; s++) { // a crash between picture and line, or pictures copied in by hand
      Path orphan = dir.resolve(s + ".png");
      Files.copy(dir.resolve("1.png"), orphan, StandardCopyOption.REPLACE_EXISTING);
      age(orphan);
    }
    Files.copy(dir.resolve("1.png"), dir.resolve("777.png")); // just written by a booth: its line comes next
    Files.write(dir.resolve("3.png"), new byte[] {1, 2, 3});   // an unreadable picture, long ago
    age(dir.resolve("3.png"));
    Files.writeString(dir.resolve("notes.png.txt"), "the technician's");
    Archive archive = Archive.open(dir, 10);
    assertEquals(30, archive.cleaned(), "the old orphans go");
    assertTrue(Files.exists(dir.resolve("777.png")), "a picture younger than " + Archive.SETTLE_MS / 60_000 + " min stays");
    assertTrue(Files.exists(dir.resolve("notes.png.txt")), "files that are not the archive's are left alone");
    assertTrue(archive.picture(3).isEmpty());
    assertFalse(Files.exists(dir.resolve("3.png")), "an old unreadable picture is removed");
    assertEquals(31, archive.cleaned());
    assertTrue(Files.readString(dir.resolve(Archive.INDEX)).contains("\"seed\":3,"), "its line is kept for a good copy");
    assertEquals(archive.size() + 1, pngs(dir), "on disk: the archive's creatures and the booth's newcomer");
    archive.close();
  }

  @Test
  void aReadOnlyDiskIsLoggedOnceNotAtEveryBirth() {
    Archive archive = Archive.open(dir);
    archive.useDisk(ArchiveTest.refusing(() -> new java.nio.file.FileSystemException(dir.toString(), null,
        "Read-only file system")));
    Supplier<String> births = () -> stderr(() -> {
      for (long s = 1; s <= 300; s++) {
        archive.add(ArchiveTest.creature(s), ArchiveTest.picture(s));
        archive.retain(Set.of());
      }
    });
    String log = births.get();
    assertTrue(log.lines().count() <= 2, "300 births on a read-only disk: " + log);
    assertTrue(archive.warning().startsWith("The archive folder is read-only"), archive.warning());
    archive.close();
  }

  @Test
  void aFullDiskIsCalledAFullDisk() {
    Archive archive = Archive.open(dir);
    archive.useDisk(ArchiveTest.refusing(() -> new IOException("No space left on device")));
    archive.add(ArchiveTest.creature(1), ArchiveTest.picture(1));
    assertTrue(archive.warning().startsWith("The disk is full: 1 new creatures are kept in memory"), archive.warning());
    archive.close();
  }
}
