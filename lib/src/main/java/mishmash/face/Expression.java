package mishmash.face;

/** The seven expressions face-api.js's expression net tells apart, in the order of its outputs. */
public enum Expression {
  NEUTRAL, HAPPY, SAD, ANGRY, FEARFUL, DISGUSTED, SURPRISED;

  /** Lower-case name, as face-api.js spells it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
