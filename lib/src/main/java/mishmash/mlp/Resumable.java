package mishmash.mlp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import mishmash.files.AtomicFile;
import mishmash.files.Header;
import mishmash.train.Progress;
import mishmash.train.Rng;

/**
 * Trains an {@link Mlp} for a number of steps so that stopping does not lose the work: every
 * {@link #EVERY} steps, and at the end, the step, the random state and the whole trainer go to a
 * checkpoint file (written to a temporary file and renamed, so it is always the last one or the one
 * before, whole). Run again with the same key, it carries on from there and ends with the same
 * weights as a run that was never stopped; with another key (other data, other settings), it starts
 * afresh. A progress bar shows the loss and the time left.
 */
public final class Resumable {
  static final String MAGIC = "mishmash-mlp-checkpoint";
  static final int VERSION = 1;
  /** Steps between checkpoints. */
  public static final int EVERY = 250;

  private Resumable() {}

  /**
   * Runs {@code trainer} up to {@code steps} steps, resuming from {@code checkpoint} if it was made
   * with the same {@code key}.
   *
   * @return the mean loss of the last 100 steps run (NaN when the checkpoint was already at the end)
   */
  public static double train(Path checkpoint, String key, MlpTrainer trainer, int steps, long seed, String label)
      throws IOException {
    int start = 0;
    Rng rng = new Rng(seed);
    if (Files.isRegularFile(checkpoint)) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(checkpoint), 1 << 16))) {
        if (Header.version(in, MAGIC) == VERSION) {
          JsonObject h = JsonParser.parseString(in.readUTF()).getAsJsonObject();
          if (key.equals(h.get("key").getAsString())) {
            trainer.load(in);
            start = h.get("step").getAsInt();
            rng = new Rng(h.get("rng").getAsLong());
            System.err.println(label + ": resuming from " + checkpoint + " at step " + start);
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new IOException(checkpoint + " cannot be read (" + e.getMessage() + "). Delete it to start this "
            + "training afresh.", e);
      }
    }
    if (start >= steps) {
      return Double.NaN;
    }
    Progress progress = new Progress(label, steps - start);
    double recent = 0;
    int counted = 0;
    for (int step = start; step < steps; ) {
      float loss = trainer.step(rng);
      if (!Float.isFinite(loss)) {
        throw new IllegalStateException(label + ": the loss became " + loss + " at step " + step + "; the checkpoint "
            + checkpoint + " holds the last good state. Try a smaller learning rate.");
      }
      step++;
      if (steps - step < 100) {
        recent += loss;
        counted++;
      }
      progress.step(1, String.format(Locale.ROOT, "loss=%.4f", loss));
      if (step % EVERY == 0 || step == steps) {
        save(checkpoint, key, step, rng, trainer);
      }
    }
    progress.done();
    return counted == 0 ? Double.NaN : recent / counted;
  }

  private static void save(Path file, String key, int step, Rng rng, MlpTrainer trainer) throws IOException {
    JsonObject h = new JsonObject();
    h.addProperty("key", key);
    h.addProperty("step", step);
    h.addProperty("rng", rng.state());
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFile.write(file, stream -> {
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
      Header.write(out, MAGIC, VERSION);
      out.writeUTF(h.toString());
      trainer.save(out);
      out.flush();
    });
  }
}
