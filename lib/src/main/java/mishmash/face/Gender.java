package mishmash.face;

/** The two classes of face-api.js's gender output, in the order of its outputs. */
public enum Gender {
  MALE, FEMALE
}
