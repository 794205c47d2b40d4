package mishmash.archive;

/** Another program (another grid) is the archive's writer: the message says which, and what to do. */
public final class ArchiveInUseException extends IllegalStateException {
  ArchiveInUseException(String message) {
    super(message);
  }
}
