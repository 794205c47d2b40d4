package mishmash.live;

/**
 * One control event, from any source (OSC, MIDI, the panel, the keyboard, a preset, a replayed
 * performance). Sources only create these and hand them to {@link Controls#submit}; they take
 * effect at the start of the next frame, on the animation thread.
 *
 * @param type what to do
 * @param name the parameter or action, the latent dimension's index, or the preset's name
 * @param value the number (for {@link Type#SET} in the parameter's units, for {@link Type#NORM} 0..1)
 * @param text a value given as text ("least recent", "on"), a modulation ("lfo sine 0.1 0.3"), or
 *     a preset's values as JSON; may be null
 * @param source who sent it, for logs and recordings: "osc 192.168.1.20", "midi ch1 cc21", "panel"
 */
public record Change(Type type, String name, double value, String text, String source) {
  public enum Type {
    /** Set a parameter to {@code value} (or to {@code text}, parsed). */
    SET,
    /** Set a parameter to {@code value} on a 0..1 scale over its range. */
    NORM,
    /** Run an action. */
    ACTION,
    /** Set latent dimension {@code name} (an index) to {@code value}. */
    LATENT,
    /** Modulate a parameter: {@code text} as in {@link Modulation#parse}. */
    MODULATE,
    /** Crossfade to the preset in {@code text} (JSON) over {@code value} seconds. */
    RECALL
  }

  public static Change set(String name, double value, String source) {
    return new Change(Type.SET, name, value, null, source);
  }

  public static Change norm(String name, double value, String source) {
    return new Change(Type.NORM, name, value, null, source);
  }

  public static Change action(String name, String source) {
    return new Change(Type.ACTION, name, 1, null, source);
  }

  public static Change latent(int index, double value, String source) {
    return new Change(Type.LATENT, Integer.toString(index), value, null, source);
  }
}
