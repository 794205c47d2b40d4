package processing.utils;

/**
 * A stand-in for the one class the IDE's preprocessor (org.processing:preprocessor, on Maven Central)
 * names from org.processing:utils, which Maven Central does not serve: it appears only in the
 * {@code throws} clause of {@code PdePreprocessor.write}, and the check of the examples needs it to
 * be loadable. Only in the tests; the library never ships it.
 */
public class SketchException extends Exception {
  public SketchException(String message) {
    super(message);
  }
}
