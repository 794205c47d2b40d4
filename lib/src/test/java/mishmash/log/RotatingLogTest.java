package mishmash.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogTest {
  @TempDir Path tmp;

  @Test
  void weeksOfLinesTakeAtMostTheBoundAndTheNewestAreKept() throws IOException {
    try (RotatingLog log = new RotatingLog(tmp.resolve("grid.log"), 10_000, 3)) {
      for (int i = 0; i < 20_000; i++) {
        log.line("line " + i);
      }
    }
    long bytes = 0;
    int files = 0;
    try (Stream<Path> all = Files.list(tmp)) {
      for (Path f : all.toList()) {
        bytes += Files.size(f);
        files++;
      }
    }
    assertEquals(4, files, "grid.log and three older ones");
    assertTrue(bytes <= 10_000 * 4, "bounded: " + bytes);
    assertTrue(Files.readString(tmp.resolve("grid.log")).contains("line 19999"), "the newest line is there");
  }

  @Test
  void aDiskThatRefusesTheLogDoesNotStopTheProgram() throws IOException {
    Path notAFolder = Files.writeString(tmp.resolve("logs"), "a file");
    RotatingLog log = new RotatingLog(notAFolder.resolve("grid.log"));
    log.line("lost");
    log.line("lost too");
    assertEquals(2, log.dropped());
  }

  @Test
  void aRepeatedWarningIsLoggedOncePerQuietSpellWithACount() {
    long[] now = {0};
    StringBuilder out = new StringBuilder();
    org.slf4j.Logger logger = (org.slf4j.Logger) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {org.slf4j.Logger.class}, (proxy, method, args) -> {
          if (method.getName().equals("warn")) {
            out.append(args[0]).append('\n');
          }
          return null;
        });
    LogLimit limit = new LogLimit(logger, 1000, () -> now[0]);
    for (int i = 0; i < 1000; i++) {
      limit.warn("disk", "cannot write");
      now[0] += 10;
    }
    assertEquals(10, out.toString().lines().count(), out.toString());
    assertTrue(out.toString().contains("(and 99 more like it since the last report, 201 in all)"), out.toString());
  }
}
