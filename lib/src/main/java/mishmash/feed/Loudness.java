package mishmash.feed;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/**
 * The sound input's loudness (a microphone, a line in), 0 for silence … 1 for as loud as it goes,
 * read through {@code javax.sound} on a thread of its own: {@link #value()} never waits. Levels are
 * on a decibel scale from −60 dB (0) to 0 dB (1), as a mixing desk's meter shows them, rising at
 * once and falling over a fifth of a second.
 */
public final class Loudness implements AutoCloseable {
  /** The quietest level that counts, in decibels below full scale. */
  public static final double FLOOR_DB = -60;

  private final TargetDataLine line;
  private final Thread reader;
  private volatile double value;
  private volatile boolean open = true;

  private Loudness(TargetDataLine line) {
    this.line = line;
    reader = new Thread(this::read, "mishmash-loudness");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Listens to the system's default sound input.
   *
   * @throws IllegalStateException with a message for the screen when there is none or it is busy
   */
  public static Loudness open() {
    AudioFormat format = new AudioFormat(44_100, 16, 1, true, false);
    try {
      TargetDataLine line = AudioSystem.getTargetDataLine(format);
      line.open(format, 4096);
      line.start();
      return new Loudness(line);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new IllegalStateException("No sound input to listen to (" + e.getMessage() + "): plug in a microphone "
          + "or choose an input in the system's sound settings", e);
    }
  }

  /** The latest loudness, 0 … 1. */
  public double value() {
    return value;
  }

  /** 0 … 1 for 16-bit little-endian samples: their RMS on the meter's decibel scale. */
  public static double level(byte[] pcm, int length) {
    int samples = length / 2;
    if (samples == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < samples; i++) {
      double s = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8)) / 32768.0;
      sum += s * s;
    }
    double db = 10 * Math.log10(Math.max(sum / samples, 1e-12)) + 3.0103; // a full-scale sine reads 0 dB
    return Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB));
  }

  private void read() {
    byte[] buffer = new byte[2048]; // 23 ms of sound
    while (open) {
      int n = line.read(buffer, 0, buffer.length);
      if (n <= 0) {
        continue;
      }
      double now = level(buffer, n);
      double fall = Math.exp(-n / 2.0 / 44_100 / 0.2 * 3);
      value = now >= value ? now : value * fall + now * (1 - fall);
    }
  }

  @Override
  public void close() {
    open = false;
    line.stop();
    line.close();
  }
}
