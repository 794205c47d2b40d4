package mishmash.booth;

import mishmash.capture.Frame;
import mishmash.capture.FrameSource;

/**
 * Adapts the camera's exposure to the visitor's face, not to the room: a camera's own automatic
 * exposure meters the whole frame, and in a dim gallery it leaves a face lit by the screen too
 * dark for the portrait. Each look ({@link #meter}) moves a gain part of the way toward bringing
 * the face (or, with no face yet, the frame) to {@link #TARGET}; the source applies it where it can
 * (GStreamer sources, in their pipeline), and otherwise {@link #latest} brightens the frames here.
 */
public final class Exposure {
  /** The brightness a face is brought to, 0..255. */
  public static final double TARGET = 115;
  public static final double MAX_GAIN = 3;
  /** Of the way to the wanted gain, per look: slow enough not to pump. */
  static final double STEP = 0.35;

  private final FrameSource source;
  private double gain = 1;
  private boolean inSource;
  private int[] brightened = new int[0];
  private final int[] curve = new int[256];
  private double curveGain = 1;

  public Exposure(FrameSource source) {
    this.source = source;
    curve();
  }

  /** The gain in use (1: as the camera delivers). */
  public double gain() {
    return gain;
  }

  /**
   * Takes one look's brightness into account: the gain moves toward {@link #TARGET} over the face
   * (over the frame when there is none), within 1..{@link #MAX_GAIN}; it only brightens.
   *
   * @return the new gain
   */
  public double meter(Session.Sight sight) {
    double measured = sight.faces().isEmpty() ? sight.brightness() : sight.faceBrightness();
    double raw = Math.max(1, measured / gain); // what the camera itself gave
    double wanted = Math.max(1, Math.min(MAX_GAIN, TARGET / raw));
    if (sight.faces().isEmpty()) {
      wanted = Math.min(wanted, 2); // no face yet: lift a dark room enough to find one, no more
    }
    gain += (wanted - gain) * STEP;
    inSource = source.gain(gain);
    return gain;
  }

  /** The source's newest frame, brightened here if the source cannot do it itself. */
  public Frame latest() {
    Frame f = source.latest();
    if (f == null || inSource || gain < 1.01) {
      return f;
    }
    if (Math.abs(curveGain - gain) > 0.01) {
      curveGain = gain;
      curve();
    }
    int[] px = f.pixels();
    if (brightened.length != px.length) {
      brightened = new int[px.length];
    }
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      brightened[i] = 0xFF000000 | curve[(p >> 16) & 255] << 16 | curve[(p >> 8) & 255] << 8 | curve[p & 255];
    }
    return new Frame(brightened, f.width(), f.height(), f.number(), f.nanos());
  }

  private void curve() {
    for (int v = 0; v < 256; v++) {
      curve[v] = (int) Math.min(255, Math.round(v * curveGain));
    }
  }
}
