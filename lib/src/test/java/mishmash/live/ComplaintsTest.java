package mishmash.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ComplaintsTest {
  @Test
  void aFloodIsCountedInFullButLoggedRarely() {
    long[] now = {0};
    Complaints c = new Complaints("test", () -> now[0]);
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true));
    try {
      for (int i = 0; i < 10_000; i++) {
        now[0] = i; // 10 s of a packet every millisecond
        c.count("malformed packet", "packet " + i);
      }
    } finally {
      System.setErr(err);
    }
    assertEquals(10_000, c.count("malformed packet"));
    long lines = log.toString().lines().count();
    assertTrue(lines <= 2, "at most one line per 10 s: " + lines);
    assertTrue(log.toString().contains("packet 0"), log.toString());
  }
}
