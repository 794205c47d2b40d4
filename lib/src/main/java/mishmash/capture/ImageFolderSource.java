package mishmash.capture;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import mishmash.capture.SourceStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The images in a folder, shown one after another at a set rate and round again, in file-name
 * order: for tests, and for a booth fed by a photo folder. Files added later join the cycle; a file
 * that is not an image, is corrupt or is absurdly large is skipped with one log line (and again only
 * if it changes). A missing or empty folder is a WAITING status, not an error.
 *
 * <p>Each image is fitted inside the frame with black borders (no stretching), like the GStreamer
 * sources. It is decoded with ImageIO (PNG, JPEG, BMP, GIF, TIFF), so this source works without
 * GStreamer: that keeps it usable on machines where only the folder is needed.
 */
public final class ImageFolderSource implements FrameSource {
  private static final Logger LOG = LoggerFactory.getLogger(ImageFolderSource.class);
  /** Larger images are skipped rather than risk running the installation out of memory. */
  private static final long MAX_PIXELS = 64L * 1024 * 1024;
  private static final long RELIST_NANOS = Duration.ofSeconds(2).toNanos();

  private final Path folder;
  private final FrameBuffer frames;
  private final Retrier thread;
  private final BufferedImage canvas;
  private volatile SourceStatus status;
  private volatile boolean closed;
  private volatile int skipped;

  // Only touched on the source's thread:
  private List<Path> listing = List.of();
  private long listedAt;
  private String current;
  private String currentSignature;
  /** Files that failed, with the size and time they had then: retried only if they change. */
  private final Map<Path, String> bad = new HashMap<>();

  /**
   * @param imagesPerSecond how often the next image is shown, e.g. 1 for a slideshow, 30 for a test
   */
  public ImageFolderSource(Path folder, int width, int height, double imagesPerSecond) {
    if (!(imagesPerSecond > 0 && imagesPerSecond <= 1000)) {
      throw new IllegalArgumentException("images per second must be above 0 and at most 1000: " + imagesPerSecond);
    }
    if (Files.isRegularFile(folder)) {
      throw new IllegalArgumentException(folder + " is a file, not a folder (a video file is file:" + folder + ")");
    }
    this.folder = folder.toAbsolutePath();
    this.frames = new FrameBuffer(width, height);
    this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    this.thread = new Retrier("folder " + folder, Duration.ofNanos((long) (1e9 / imagesPerSecond)));
    this.status = new SourceStatus(State.STARTING, "opening folder " + this.folder);
    thread.now(this::tick);
    thread.repeat(this::tick);
  }

  /** How many files were skipped because they are not readable images (each counted once). */
  public int skipped() {
    return skipped;
  }

  private void tick() {
    if (closed) {
      return;
    }
    try {
      showNext();
    } catch (RuntimeException | OutOfMemoryError e) {
      // one bad moment must not stop the slideshow for good
      LOG.warn("folder {}: {}", folder, e.toString());
      waiting("folder " + folder + ": " + e.getMessage());
    }
  }

  private void showNext() {
    if (!Files.isDirectory(folder)) {
      waiting("folder " + folder + " not found — waiting for it to appear");
      listing = List.of();
      return;
    }
    if (System.nanoTime() - listedAt > RELIST_NANOS || listing.isEmpty()) {
      relist();
    }
    int n = listing.size();
    int start = nextIndex();
    for (int i = 0; i < n; i++) {
      Path file = listing.get((start + i) % n);
      String signature = signature(file);
      if (signature == null || signature.equals(bad.get(file))) {
        continue;
      }
      if (file.getFileName().toString().equals(current) && signature.equals(currentSignature)) {
        return; // the only readable image is already on screen
      }
      if (show(file)) {
        current = file.getFileName().toString();
        currentSignature = signature;
        status = new SourceStatus(State.RUNNING, "folder " + folder + ": " + current);
        return;
      }
      bad.put(file, signature);
      skipped++;
    }
    waiting("folder " + folder + " has no readable images" + (skipped > 0 ? " (" + skipped + " skipped)" : "")
        + " — waiting for some");
  }

  /** The position after the current image in name order (files added since are in the right place). */
  private int nextIndex() {
    if (current == null) {
      return 0;
    }
    for (int i = 0; i < listing.size(); i++) {
      if (listing.get(i).getFileName().toString().compareTo(current) > 0) {
        return i;
      }
    }
    return 0;
  }

  private void relist() {
    listedAt = System.nanoTime();
    try (Stream<Path> files = Files.list(folder)) {
      listing = files.filter(f -> !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f))
          .sorted().toList();
    } catch (IOException e) {
      LOG.warn("cannot list folder {}: {}", folder, e.toString());
      listing = List.of();
    }
    bad.keySet().retainAll(listing);
  }

  /** Decodes {@code file} and publishes it fitted into the frame; false (with a log line) if it cannot. */
  private boolean show(Path file) {
    BufferedImage image;
    try {
      image = read(file);
    } catch (IOException | RuntimeException e) {
      LOG.warn("skipping {}: {}", file, e.getMessage() == null ? e.toString() : e.getMessage());
      return false;
    }
    Graphics2D g = canvas.createGraphics();
    try {
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      double scale = Math.min((double) canvas.getWidth() / image.getWidth(), (double) canvas.getHeight() / image.getHeight());
      int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
      int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
      g.drawImage(image, (canvas.getWidth() - w) / 2, (canvas.getHeight() - h) / 2, w, h, null);
    } finally {
      g.dispose();
      image.flush();
    }
    int[] from = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
    int[] to = frames.backPixels();
    for (int i = 0; i < to.length; i++) {
      to[i] = from[i] | 0xFF000000;
    }
    frames.publish();
    return true;
  }

  /** Reads one image, checking its size before decoding it. */
  private static BufferedImage read(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new IOException("cannot open it");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("not an image (no reader for it: PNG, JPEG, BMP, GIF and TIFF are read)");
      }
      ImageReader reader = readers.next();
      String format = reader.getFormatName();
      try {
        reader.setInput(in, true, true);
        long pixels;
        BufferedImage image;
        try {
          pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
          throw new IOException("corrupt " + format + " (" + e.getMessage() + ")", e);
        }
        if (pixels > MAX_PIXELS) {
          throw new IOException("too large (" + reader.getWidth(0) + "x" + reader.getHeight(0) + ")");
        }
        try {
          image = reader.read(0);
        } catch (IOException | RuntimeException e) {
          throw new IOException("corrupt " + format + " (" + e.getMessage() + ")", e);
        }
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
          throw new IOException("corrupt " + format + " (decodes to nothing)");
        }
        return image;
      } finally {
        reader.dispose();
      }
    }
  }

  /** Size and modification time, or null if the file went away. */
  private static String signature(Path file) {
    try {
      return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return null;
    }
  }

  private void waiting(String message) {
    if (!closed) {
      if (status.state() != State.WAITING || !status.message().equals(message)) {
        LOG.info(message);
      }
      status = new SourceStatus(State.WAITING, message);
    }
  }

  @Override
  public Frame latest() {
    return frames.latest();
  }

  @Override
  public SourceStatus status() {
    return status;
  }

  @Override
  public long frameCount() {
    return frames.count();
  }

  @Override
  public int width() {
    return frames.width();
  }

  @Override
  public int height() {
    return frames.height();
  }

  @Override
  public String name() {
    return "folder " + folder;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    thread.stop(() -> { });
    status = new SourceStatus(State.CLOSED, name() + " closed");
  }

  @Override
  public String toString() {
    return name() + " (" + status + ")";
  }
}
