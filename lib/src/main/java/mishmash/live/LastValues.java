package mishmash.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mishmash.files.AtomicFile;

/**
 * A sketch's live values and modulations kept on disk ({@code data/live/grid.json}, a preset's
 * format), so that a restart after a crash, a power cut or a reboot comes back as it was, like the
 * grid does. Written at most once a second while values change, on a thread of its own (a frame
 * never waits on the disk), atomically, and once more on a clean exit; a kill -9 loses at most the
 * last second.
 */
public final class LastValues implements Controls.Source, AutoCloseable {
  /** Seconds between writes while the values keep changing. */
  static final double EVERY = 1.0;

  private final Path file;
  private final Controls controls;
  private final String problem;
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "mishmash-last-values");
    t.setDaemon(true);
    return t;
  });
  private Controls.State saved;
  private long savedAt;
  private volatile boolean failed;

  private LastValues(Path file, Controls controls, String problem) {
    this.file = file;
    this.controls = controls;
    this.problem = problem;
    this.saved = controls.state();
  }

  /**
   * Keeps {@code controls}' values in {@code file} from now on, after restoring them from it when
   * {@code restore} (a missing file restores nothing). Call before the first frame.
   */
  public static LastValues keep(Path file, Controls controls, boolean restore) {
    String problem = null;
    if (restore && Files.isRegularFile(file)) {
      try {
        controls.restore(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), "the last values (" + file + ")");
      } catch (IOException | IllegalArgumentException e) {
        problem = "the last values (" + file + ") " + e.getMessage() + "; starting from the sketch's own values";
      }
    }
    LastValues last = new LastValues(file, controls, problem);
    controls.addSource(last);
    controls.own(last);
    return last;
  }

  public Path file() {
    return file;
  }

  /** What went wrong restoring the values, for the screen; null if nothing did. */
  public String problem() {
    return problem;
  }

  /** At the start of a frame: hands the values to the writer if they changed and a second has passed. */
  @Override
  public void poll(Controls c) {
    Controls.State now = controls.state();
    long t = System.nanoTime();
    if (now != saved && t - savedAt >= (long) (EVERY * 1e9)) {
      saved = now;
      savedAt = t;
      String json = controls.snapshot().toString();
      writer.execute(() -> write(json));
    }
  }

  private void write(String json) {
    try {
      AtomicFile.writeString(file, json + "\n");
      failed = false;
    } catch (IOException e) {
      if (!failed) {
        System.err.println("mishmash: cannot keep the live values in " + file + ": " + e.getMessage()
            + " (the sketch goes on; a restart will start from the sketch's own values)");
      }
      failed = true;
    }
  }

  /** Writes the values one last time and waits for it (a clean exit). */
  @Override
  public void close() {
    String json = controls.snapshot().toString();
    writer.execute(() -> write(json));
    writer.shutdown();
    try {
      writer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
