package mishmash.capture;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import mishmash.capture.SourceStatus.State;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Format;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.StateChangeReturn;
import org.freedesktop.gstreamer.elements.AppSink;
import org.freedesktop.gstreamer.event.SeekFlags;
import org.freedesktop.gstreamer.glib.GError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FrameSource} fed by a GStreamer pipeline: the subclass names what produces video (a
 * camera, a file, any gst-launch description) and this class converts it to opaque ARGB at the
 * requested size, hands frames to the sketch without blocking, and keeps the input alive: a missing
 * input, a bus error, an unexpected end of stream or a stall tears the pipeline down, reports
 * WAITING, and retries on the source's own thread until the input works again.
 *
 * <p>The pipeline ends in {@code videoscale ! videoconvert ! video/x-raw,format=BGRx,width=W,height=H,
 * pixel-aspect-ratio=1/1 ! appsink}: square pixels, so pictures of another shape are letterboxed, not
 * stretched; BGRx read as little-endian ints is ARGB once alpha is set.
 */
abstract class GstSource implements FrameSource {
  private static final Logger LOG = LoggerFactory.getLogger(GstSource.class);
  /** Default wait between attempts to reopen a lost input. */
  static final Duration RETRY = Duration.ofSeconds(2);
  private static final String SINK = "mishmash-sink";
  private static final String BALANCE = "mishmash-exposure";

  private final String name;
  private final FrameBuffer frames;
  private final Retrier thread;
  private final Object producer = new Object();
  /**
   * A pipeline that delivers nothing for this long is restarted (a camera that froze without an
   * error): four retry intervals, at least 2 s, so 8 s by default.
   */
  private final long stallNanos;
  private volatile SourceStatus status;
  private volatile boolean closed;
  /** Bumped on every teardown; callbacks from an older pipeline see a stale number and do nothing. */
  private volatile int generation;
  private volatile long lastProgress;
  private volatile boolean everRan;
  private volatile boolean warnedShort;

  // Only touched on the source's thread:
  private Pipeline pipeline;
  private AppSink sink;
  private Element balance;
  private volatile double gain = 1;
  private Bus bus;
  private AppSink.NEW_SAMPLE onSample;
  private Bus.ERROR onError;
  private Bus.EOS onEos;
  private volatile int failuresInARow;

  GstSource(String name, int width, int height, Duration retry) {
    GStreamer.require();
    this.name = name;
    this.frames = new FrameBuffer(width, height);
    this.thread = new Retrier(name, retry);
    this.stallNanos = Math.max(4 * retry.toNanos(), Duration.ofSeconds(2).toNanos());
    this.status = new SourceStatus(State.STARTING, "opening " + name);
  }

  /** The gst-launch description of what produces raw video, e.g. {@code v4l2src device="/dev/video0"}. */
  protected abstract String producer();

  /** Null when the input looks present, else the WAITING message (e.g. the device file is missing). */
  protected abstract String missing(boolean wasRunning);

  /** The WAITING message after the pipeline failed with {@code error} while the input looked present. */
  protected String failed(String error) {
    return name + " failed: " + error + " — " + retrying();
  }

  /** "retrying every 2 s", for messages. */
  protected final String retrying() {
    long ms = thread.every().toMillis();
    return "retrying every " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
  }

  /** True to rewind at end of stream (a video file on a loop); false treats it as a lost input. */
  protected boolean loops() {
    return false;
  }

  /**
   * Checks the description and starts the first attempt. Subclasses call it last in their
   * constructor.
   *
   * @throws IllegalArgumentException when the description names elements that do not exist or
   *     cannot be parsed: a mistake in the user's choice, not a lost input
   */
  protected final void start() {
    String problem = parseProblem(describe());
    if (problem != null) {
      close();
      throw new IllegalArgumentException("cannot use " + name + ": " + problem);
    }
    thread.now(this::attempt);
    thread.repeat(this::watchdog);
  }

  /** The whole pipeline description. */
  final String describe() {
    return producer() + " ! videoconvert ! videobalance name=" + BALANCE + " ! videoscale ! videoconvert"
        + " ! video/x-raw,format=BGRx,width=" + frames.width()
        + ",height=" + frames.height() + ",pixel-aspect-ratio=1/1 ! appsink name=" + SINK
        + " max-buffers=1 drop=true sync=true emit-signals=true";
  }

  private static String parseProblem(String description) {
    List<GError> errors = new ArrayList<>();
    Element parsed;
    try {
      parsed = Gst.parseLaunch(description, errors);
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    if (parsed != null) {
      parsed.dispose();
    }
    if (!errors.isEmpty()) {
      return errors.stream().map(GError::getMessage).collect(Collectors.joining("; "));
    }
    return parsed == null ? "GStreamer could not build \"" + description + "\"" : null;
  }

  private void attempt() {
    if (closed || pipeline != null) {
      return;
    }
    String missing = missing(everRan);
    if (missing != null) {
      waiting(missing);
      thread.retry(this::attempt);
      return;
    }
    int gen = generation;
    try {
      pipeline = (Pipeline) Gst.parseLaunch(describe());
      sink = (AppSink) pipeline.getElementByName(SINK);
      balance = pipeline.getElementByName(BALANCE);
      applyGain();
      bus = pipeline.getBus();
      onSample = s -> deliver(s, gen);
      onError = (source, code, message) -> thread.now(() -> fail(gen, message));
      onEos = source -> thread.now(() -> endOfStream(gen));
      sink.connect(onSample);
      bus.connect(onError);
      bus.connect(onEos);
      lastProgress = System.nanoTime();
      if (pipeline.play() == StateChangeReturn.FAILURE) {
        // the bus usually says why a moment later; if it does not, this message stands
        thread.later(() -> fail(gen, "the pipeline would not start"), 500);
      }
    } catch (RuntimeException e) {
      fail(gen, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Brightens the picture in the pipeline (GStreamer's videobalance: contrast up to 2, then
   * brightness), so the frames arrive with the booth's exposure applied.
   */
  @Override
  public boolean gain(double gain) {
    double g = Math.max(1, Math.min(3, gain));
    if (Math.abs(g - this.gain) > 0.005) {
      this.gain = g;
      thread.now(this::applyGain);
    }
    return true;
  }

  private void applyGain() {
    if (balance != null) {
      double g = gain;
      balance.set("contrast", Math.min(2.0, g));
      balance.set("brightness", Math.min(0.5, Math.max(0, (g - 2) * 0.35)));
    }
  }

  /** GStreamer's streaming thread: copies one sample into the frame buffer. */
  private FlowReturn deliver(AppSink from, int gen) {
    Sample sample = from.pullSample();
    if (sample == null) {
      return FlowReturn.OK;
    }
    Buffer buffer = sample.getBuffer();
    try {
      ByteBuffer bytes = buffer.map(false);
      if (bytes == null) {
        return FlowReturn.OK;
      }
      try {
        synchronized (producer) {
          if (gen != generation || closed) {
            return FlowReturn.OK;
          }
          if (!frames.publishBgrx(bytes)) {
            if (!warnedShort) {
              warnedShort = true;
              LOG.warn("{}: a frame of {} bytes where {}x{} BGRx needs {}; dropped", name, bytes.remaining(),
                  frames.width(), frames.height(), 4L * frames.width() * frames.height());
            }
          } else {
            lastProgress = System.nanoTime();
            if (!everRan || status.state() != State.RUNNING) {
              everRan = true;
              failuresInARow = 0;
              status = new SourceStatus(State.RUNNING, name + " running");
              LOG.info("{} running", name);
            }
          }
        }
      } finally {
        buffer.unmap();
      }
    } finally {
      buffer.dispose();
      sample.dispose();
    }
    return FlowReturn.OK;
  }

  private void endOfStream(int gen) {
    if (gen != generation || closed || pipeline == null) {
      return;
    }
    if (loops() && missing(true) == null) {
      lastProgress = System.nanoTime();
      if (!pipeline.seekSimple(Format.TIME, EnumSet.of(SeekFlags.FLUSH, SeekFlags.KEY_UNIT), 0)) {
        fail(gen, "could not rewind to the start");
      }
    } else {
      fail(gen, loops() ? "its file went away" : "the stream ended"); // a looping file deleted: missing() says so
    }
  }

  private void watchdog() {
    if (pipeline != null && !closed && System.nanoTime() - lastProgress > stallNanos) {
      fail(generation, "no frames for " + Duration.ofNanos(stallNanos).toSeconds() + " s");
    }
  }

  /** The source's thread: drops the pipeline of generation {@code gen}, reports WAITING, retries. */
  private void fail(int gen, String error) {
    if (gen != generation || closed) {
      return;
    }
    teardown();
    String missing = missing(everRan);
    String message = missing != null ? missing : failed(error);
    // a lost input is logged once, not every 2 s for a day
    if (failuresInARow++ == 0) {
      LOG.warn(message);
    }
    waiting(message);
    thread.retry(this::attempt);
  }

  private void waiting(String message) {
    if (!closed) {
      status = new SourceStatus(State.WAITING, message);
    }
  }

  /** The source's thread: stops and disposes the pipeline and everything taken from it. */
  private void teardown() {
    synchronized (producer) {
      generation++;
    }
    if (pipeline == null) {
      return;
    }
    try {
      pipeline.stop(); // to NULL: waits for the streaming threads to finish
      if (sink != null && onSample != null) {
        sink.disconnect(onSample);
      }
      if (bus != null && onError != null) {
        bus.disconnect(onError);
        bus.disconnect(onEos);
      }
    } catch (RuntimeException e) {
      LOG.debug("{}: while stopping: {}", name, e.toString());
    } finally {
      if (sink != null) {
        sink.dispose();
      }
      if (balance != null) {
        balance.dispose();
      }
      if (bus != null) {
        bus.dispose();
      }
      pipeline.dispose();
      pipeline = null;
      sink = null;
      balance = null;
      bus = null;
      onSample = null;
      onError = null;
      onEos = null;
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
    return name;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    thread.stop(this::teardown);
    status = new SourceStatus(State.CLOSED, name + " closed");
  }

  @Override
  public String toString() {
    return name + " (" + status + ")";
  }
}
