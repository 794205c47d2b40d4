package mishmash.capture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.State;

/**
 * Writes pictures as an Ogg/Theora video with the system's GStreamer (plugins-base and -good, as the
 * capture sources need; no gstreamer1.0-tools): test clips for the mirror, made in Java. The file is
 * written under a temporary name and renamed when the video is complete.
 */
public final class VideoWriter {
  private VideoWriter() {}

  /**
   * @param frames the pictures, all of one size with even sides (Theora's 4:2:0 colour halves them)
   * @param fps frames per second
   * @throws IllegalStateException when GStreamer is missing (with what to install)
   */
  public static void write(Path ogv, List<BufferedImage> frames, int fps) throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("no frames to write");
    }
    GStreamer.require();
    Path dir = Files.createTempDirectory("mishmash-video");
    Path tmp = ogv.resolveSibling(ogv.getFileName() + ".tmp");
    try {
      for (int i = 0; i < frames.size(); i++) {
        ImageIO.write(frames.get(i), "png", dir.resolve(String.format(Locale.ROOT, "frame-%05d.png", i)).toFile());
      }
      String description = "multifilesrc location=" + CameraSource.quote(dir.resolve("frame-%05d.png").toString())
          + " index=0 stop-index=" + (frames.size() - 1) + " caps=image/png,framerate=" + fps + "/1"
          + " ! pngdec ! videoconvert ! theoraenc quality=48 ! oggmux ! filesink location="
          + CameraSource.quote(tmp.toString());
      Pipeline pipeline = (Pipeline) Gst.parseLaunch(description);
      CountDownLatch done = new CountDownLatch(1);
      AtomicReference<String> error = new AtomicReference<>();
      Bus bus = pipeline.getBus();
      Bus.EOS eos = source -> done.countDown();
      Bus.ERROR err = (source, code, message) -> {
        error.set(message);
        done.countDown();
      };
      bus.connect(eos);
      bus.connect(err);
      pipeline.play();
      try {
        if (!done.await(120, TimeUnit.SECONDS)) {
          error.set("the encoder did not finish within two minutes");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error.set("interrupted");
      } finally {
        pipeline.setState(State.NULL);
        bus.disconnect(eos);
        bus.disconnect(err);
        pipeline.dispose();
      }
      if (error.get() != null) {
        throw new IOException("cannot write " + ogv + ": " + error.get());
      }
      Files.move(tmp, ogv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
