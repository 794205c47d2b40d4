package mishmash.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingTest {
  @TempDir Path tmp;

  @Test
  void itPlaysInALoopGoingStraightFromLineToLine() throws Exception {
    Path f = Files.writeString(tmp.resolve("r.csv"), "# a comment\nseconds,value\n0,0\n1,1\n2,0.5 # the end\n");
    Recording r = Recording.read(f);
    assertEquals(2, r.length());
    assertEquals(0.5, r.at(0.5), 1e-9);
    assertEquals(0.75, r.at(1.5), 1e-9);
    assertEquals(0.5, r.at(2.5), 1e-9, "round again");
    assertEquals(r.at(0.3), r.at(6.3), 1e-9);
  }

  @Test
  void aBrokenFileIsNamedWithItsLine() throws Exception {
    Path f = Files.writeString(tmp.resolve("bad.csv"), "0,0\n1,oops\n");
    String m = assertThrows(IllegalArgumentException.class, () -> Recording.read(f)).getMessage();
    assertTrue(m.contains("bad.csv, line 2") && m.contains("oops"), m);
    Path back = Files.writeString(tmp.resolve("back.csv"), "0,0\n2,1\n1,1\n");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Recording.read(back)).getMessage().contains("line 3"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Recording.read(tmp.resolve("none.csv")))
        .getMessage().contains("none.csv"));
  }

  @Test
  void theExampleStreamReads() {
    Recording r = Recording.read(Paths.get("../data/datawalk/example.csv"));
    assertEquals(64, r.length(), 1e-9);
    double low = 1;
    double high = 0;
    for (double t = 0; t < 64; t += 0.05) {
      low = Math.min(low, r.at(t));
      high = Math.max(high, r.at(t));
    }
    assertTrue(low >= 0 && high <= 1 && high - low > 0.5, "it moves over 0..1: " + low + " … " + high);
  }
}
