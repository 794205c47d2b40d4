package mishmash.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoudnessTest {
  static byte[] sine(double amplitude, int samples) {
    byte[] pcm = new byte[samples * 2];
    for (int i = 0; i < samples; i++) {
      short s = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 440 * i / 44_100.0));
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    return pcm;
  }

  @Test
  void levelsAreOnAMetersDecibelScale() {
    assertEquals(1, Loudness.level(sine(1, 2048), 4096), 0.01, "a full-scale sine");
    assertEquals(0.5, Loudness.level(sine(Math.pow(10, -1.5), 2048), 4096), 0.01, "-30 dB is half way");
    assertEquals(0, Loudness.level(new byte[4096], 4096), 1e-9, "silence");
    assertEquals(0, Loudness.level(new byte[0], 0), 1e-9);
  }
}
