package mishmash.model;

import java.nio.file.Path;

/**
 * A model could not be loaded or run. The message is meant for a person standing in front of the
 * screen: it names the file and says what to do. A sketch catches this and shows the message
 * instead of dying.
 */
public class ModelException extends RuntimeException {
  private final Path file;

  public ModelException(Path file, String whatToDo) {
    this(file, whatToDo, null);
  }

  public ModelException(Path file, String whatToDo, Throwable cause) {
    super(file + ": " + whatToDo, cause);
    this.file = file;
  }

  /** The file or folder the problem is about. */
  public Path file() {
    return file;
  }
}
