package mishmash.booth;

/** How the booth mixes a visitor with a creature (a live choice). */
public enum Mixing {
  /** {@link Mishmash}: the visitor's face laid into the creature's picture, pixel by pixel. */
  PIXELS,
  /** {@link NeuralMix}: the generator draws the visitor's form and parts with the creature's skin. */
  NEURAL
}
