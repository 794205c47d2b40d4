package mishmash.train;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mishmash.files.AtomicFile;
import mishmash.files.Header;

/**
 * {@code <out>/checkpoint.bin}: everything a training run needs to go on where it stopped — a JSON
 * header (step, random state, options, architectures, wall time), the loss history, then G, its
 * moving average, D and both optimizers' moments. It is written to a temporary file and renamed
 * over the old one, so after a crash or {@code kill -9} at any moment the file is either the
 * previous checkpoint or the new one, complete.
 */
final class Checkpoint {
  static final String FILE = "checkpoint.bin";
  private static final String MAGIC = "mishmash-train-checkpoint";
  private static final int VERSION = 1;

  private Checkpoint() {}

  static void write(Path file, JsonObject header, GanTrainer trainer, LossHistory history) throws IOException {
    AtomicFile.write(file, stream -> {
      DataOutputStream out = new DataOutputStream(stream);
      Header.write(out, MAGIC, VERSION);
      byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
      out.writeInt(json.length);
      out.write(json);
      history.save(out);
      trainer.save(out);
      out.flush();
    });
  }

  /** Just the header, to check a checkpoint against the command before building the networks. */
  static JsonObject header(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      return readHeader(file, in);
    }
  }

  /** The loss history alone, for a look at a training without loading its networks. */
  static LossHistory history(Path file) throws IOException {
    try (DataInputStream in = open(file)) {
      readHeader(file, in);
      LossHistory history = new LossHistory();
      history.load(in);
      return history;
    }
  }

  /** Loads the history, networks and optimizers into a trainer built from the same header. */
  static void restore(Path file, GanTrainer trainer, LossHistory history) throws IOException {
    try (DataInputStream in = open(file)) {
      readHeader(file, in);
      history.load(in);
      trainer.load(in);
    } catch (EOFException e) {
      throw new IOException(file + " is truncated. Delete it to start the training afresh.", e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  private static JsonObject readHeader(Path file, DataInputStream in) throws IOException {
    int version = Header.version(in, MAGIC);
    if (version == Header.NOT_THIS_KIND) {
      throw new IOException(file + " is not a Mishmash training checkpoint. Move it away, or choose another --out.");
    }
    if (version != VERSION) {
      throw new IOException(file + " is checkpoint version " + version + "; this Mishmash reads version " + VERSION
          + ". Finish the training with the Mishmash that started it, or delete the checkpoint to start afresh.");
    }
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    return JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
  }
}
