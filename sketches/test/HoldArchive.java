import java.nio.file.Path;
import mishmash.archive.Archive;

/** Another grid, for tests: holds an archive as its writer until killed. */
public class HoldArchive {
  public static void main(String[] args) throws Exception {
    Archive.open(Path.of(args[0]));
    System.out.println("holding " + ProcessHandle.current().pid());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
