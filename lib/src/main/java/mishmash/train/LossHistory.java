package mishmash.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/** Every step's losses and critic scores, kept for the loss curve and the checkpoint. */
final class LossHistory {
  private static final int FIELDS = 4;
  private float[] values = new float[FIELDS * 1024];
  private int size;

  void add(GanTrainer.Losses l) {
    if (FIELDS * (size + 1) > values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    int at = FIELDS * size++;
    values[at] = l.d();
    values[at + 1] = l.g();
    values[at + 2] = l.real();
    values[at + 3] = l.fake();
  }

  int size() {
    return size;
  }

  float d(int step) {
    return values[FIELDS * step];
  }

  float g(int step) {
    return values[FIELDS * step + 1];
  }

  float real(int step) {
    return values[FIELDS * step + 2];
  }

  float fake(int step) {
    return values[FIELDS * step + 3];
  }

  /** Mean of a field over the last {@code n} steps (0 = d, 1 = g, 2 = real score, 3 = fake score). */
  float recentMean(int field, int n) {
    int from = Math.max(0, size - n);
    double sum = 0;
    for (int i = from; i < size; i++) {
      sum += values[FIELDS * i + field];
    }
    return size == from ? Float.NaN : (float) (sum / (size - from));
  }

  void save(DataOutputStream out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < FIELDS * size; i++) {
      out.writeFloat(values[i]);
    }
  }

  void load(DataInputStream in) throws IOException {
    int n = in.readInt();
    values = new float[FIELDS * Math.max(1024, n)];
    for (int i = 0; i < FIELDS * n; i++) {
      values[i] = in.readFloat();
    }
    size = n;
  }
}
