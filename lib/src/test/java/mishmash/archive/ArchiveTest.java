package mishmash.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import mishmash.latent.Breeding;
import mishmash.latent.Genome;
import mishmash.model.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
  @TempDir Path dir;

  static Creature creature(long seed) {
    return new Creature(seed, Genome.fresh(seed, 2, 8), new long[0], 1000 + seed, Creature.Source.RANDOM, 0, "test", "");
  }

  static Creature child(long seed, Creature a, Creature b) {
    Genome g = Breeding.breed(a.genome(), b.genome(), seed, 0.3f, 0).genome();
    return new Creature(seed, g, new long[] {a.seed(), b.seed()}, 2000, Creature.Source.BRED, 1, "test", "");
  }

  static Image picture(long seed) {
    int[] argb = new int[8 * 8];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xFF000000 | (int) (seed * 7919 + i * 104729) & 0xFFFFFF;
    }
    return new Image(8, 8, argb);
  }

  /** A disk that refuses every write with {@code why}. */
  static Archive.Disk refusing(java.util.function.Supplier<IOException> why) {
    return new Archive.Disk() {
      @Override
      public void writePicture(Path file, Image picture) throws IOException {
        throw why.get();
      }

      @Override
      public void append(Path file, String text) throws IOException {
        throw why.get();
      }
    };
  }

  @Test
  void creaturesComeBackAfterARestart() {
    Archive archive = Archive.open(dir);
    Creature a = creature(11);
    Creature b = creature(22);
    Creature c = child(33, a, b);
    for (Creature x : List.of(a, b, c)) {
      archive.add(x, picture(x.seed()));
    }
    assertTrue(Files.exists(dir.resolve("33.png")), "the seed is the file name");
    Archive again = Archive.open(dir);
    assertEquals(3, again.size());
    Creature back = again.get(33).orElseThrow();
    assertEquals(c.genome(), back.genome(), "a bred creature's genes are stored");
    assertArrayEquals(new long[] {11, 22}, back.parents(), "lineage is stored");
    assertEquals(Creature.Source.BRED, back.source());
    assertEquals(a.genome(), again.get(11).orElseThrow().genome(), "a random creature's genes come from its seed");
    assertArrayEquals(picture(33).argb(), again.picture(33).orElseThrow().argb());
    assertEquals(0, again.skipped());
  }

  @Test
  void aDamagedIndexLineOrPictureIsSkippedAndTheRestLoads() throws IOException {
    Archive archive = Archive.open(dir);
    for (long s = 1; s <= 4; s++) {
      archive.add(creature(s), picture(s));
    }
    Path index = dir.resolve(Archive.INDEX);
    Files.writeString(index, "this is not json\n{\"seed\": 99, \"parents\": [\n", StandardOpenOption.APPEND);
    Files.write(dir.resolve("3.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    Files.delete(dir.resolve("4.png"));
    Archive again = Archive.open(dir);
    assertEquals(3, again.size(), "the creature without a picture is skipped");
    assertEquals(3, again.skipped(), "two damaged lines and one missing picture");
    assertTrue(again.picture(3).isEmpty(), "a damaged PNG gives no picture");
    assertFalse(again.contains(3), "and its creature leaves the archive");
    assertTrue(again.picture(1).isPresent());
    assertFalse(Files.readString(index).contains("not json"), "the index was rewritten without the damage");
    assertTrue(Files.readString(dir.resolve(Archive.DAMAGED)).contains("this is not json\n"), "which is set aside as it was");
    assertTrue(Files.readString(index).contains("\"seed\":4,"), "the line of the creature without its picture is kept");
  }

  @Test
  void retentionRemovesTheOldestCreatureNotOnTheGrid() throws IOException {
    Archive archive = Archive.open(dir, 5);
    for (long s = 1; s <= 8; s++) {
      archive.add(creature(s), picture(s));
      archive.retain(Set.of(1L, 2L));
    }
    assertEquals(5, archive.size());
    assertEquals(List.of(1L, 2L, 6L, 7L, 8L), archive.all().stream().map(Creature::seed).toList());
    assertFalse(Files.exists(dir.resolve("3.png")), "the picture of a removed creature is deleted");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(5, files.filter(p -> p.toString().endsWith(".png")).count(), "disk use is bounded");
    }
    assertEquals(5, Archive.open(dir, 5).size(), "a restart sees the same archive");
  }

  @Test
  void aFullDiskKeepsBreedingInMemoryAndCorruptsNothing() throws IOException {
    Archive archive = Archive.open(dir);
    archive.add(creature(1), picture(1));
    byte[] indexBefore = Files.readAllBytes(dir.resolve(Archive.INDEX));
    byte[] pngBefore = Files.readAllBytes(dir.resolve("1.png"));
    archive.useDisk(refusing(() -> new IOException("No space left on device")));
    archive.add(creature(2), picture(2));
    archive.add(creature(3), picture(3));
    assertNotNull(archive.warning());
    assertTrue(archive.warning().contains("The disk is full"), archive.warning());
    assertEquals(3, archive.size(), "breeding goes on in memory");
    assertArrayEquals(picture(3).argb(), archive.picture(3).orElseThrow().argb());
    assertArrayEquals(indexBefore, Files.readAllBytes(dir.resolve(Archive.INDEX)), "the index is untouched");
    assertArrayEquals(pngBefore, Files.readAllBytes(dir.resolve("1.png")), "pictures are untouched");

    archive.useDisk(Archive.REAL_DISK);
    archive.add(creature(4), picture(4));
    assertNull(archive.warning(), "the warning goes when the disk takes creatures again");
    assertEquals(4, Archive.open(dir).size(), "what was kept in memory reached the disk");
  }

  @Test
  void theGridStateSurvivesARestartAndADamagedOneIsIgnored() throws IOException {
    Archive archive = Archive.open(dir);
    GridState state = new GridState(2, 1, new long[] {5, 6}, 42, 7);
    assertTrue(archive.saveGrid(state));
    GridState back = Archive.open(dir).loadGrid().orElseThrow();
    assertArrayEquals(state.cells(), back.cells());
    assertEquals(42, back.births());
    Files.writeString(dir.resolve(Archive.GRID), "{\"columns\": 2, \"ro");
    assertTrue(Archive.open(dir).loadGrid().isEmpty());
  }

  @Test
  void anotherProgramsAdditionsAreReadCorrectlyAfterThisOneCompactedTheIndex(@org.junit.jupiter.api.io.TempDir Path dir) {
    Archive wall = Archive.open(dir, 4);
    for (long seed = 1; seed <= 8; seed++) {
      wall.add(creature(seed), picture(seed));
    }
    assertEquals(0, wall.refresh().size(), "its own creatures are not news");
    wall.retain(java.util.Set.of()); // four go: the index is compacted, and shorter than before
    Archive booth = Archive.open(dir);
    for (long seed = 101; seed <= 110; seed++) { // enough lines to reach past where the wall had read
      booth.add(creature(seed), picture(seed));
    }
    List<Creature> fresh = wall.refresh();
    assertEquals(10, fresh.size(), "every creature the booth added, read from the right place");
    assertEquals(0, wall.skipped(), "no line was read from the middle");
  }

  @Test
  void aBoothsVisitorAppendedJustBeforeTheGridCompactsIsKept(@org.junit.jupiter.api.io.TempDir Path dir) {
    Archive wall = Archive.open(dir, 4);
    Archive booth = Archive.share(dir);
    for (long seed = 1; seed <= 8; seed++) {
      wall.add(creature(seed), picture(seed));
    }
    wall.refresh(); // the grid's last look at the index
    booth.add(creature(500), picture(500)); // a visitor, appended after it
    wall.retain(java.util.Set.of()); // four go, and the index is compacted
    assertTrue(Archive.open(dir, 4).contains(500), "the visitor's line survived the compaction");
  }

  @Test
  void aBoothSeesWhatTheGridRemovedEvenAcrossACompaction(@org.junit.jupiter.api.io.TempDir Path dir) {
    Archive wall = Archive.open(dir, 4);
    Archive booth = Archive.share(dir);
    for (long seed = 1; seed <= 4; seed++) {
      wall.add(creature(seed), picture(seed));
    }
    booth.refresh();
    assertEquals(4, booth.size());
    for (long seed = 5; seed <= 12; seed++) { // eight more: eight go, their deletion lines compacted away
      wall.add(creature(seed), picture(seed));
      wall.retain(java.util.Set.of());
    }
    booth.refresh();
    assertEquals(wall.all().stream().map(Creature::seed).sorted().toList(),
        booth.all().stream().map(Creature::seed).sorted().toList(), "the booth mixes only with creatures that are there");
  }
}
