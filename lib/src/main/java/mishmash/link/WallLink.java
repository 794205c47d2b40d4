package mishmash.link;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.archive.GridState;
import mishmash.booth.Names;
import mishmash.log.LogLimit;
import mishmash.model.Image;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's side of several machines. It runs the broker (embedded, unless an existing one is
 * named), takes every booth's profiles into its archive, the one source of truth, and publishes
 * its grid, retained, so a booth that starts later knows the creatures it may mix with.
 *
 * <p>A profile is taken once: a creature the archive knows already is not added again, whatever
 * the network delivers twice. Once its picture and line are on the wall's disk, the wall sends the
 * booth a receipt, and only then does the booth forget it. So a profile survives a cut cable, a
 * broker restarted and the wall killed, and is never lost and never doubled.
 */
public final class WallLink implements AutoCloseable {
  /** Seconds between looks at the grid, to publish what changed. */
  static final int GRID_EVERY_S = 3;
  private static final Logger LOG = LoggerFactory.getLogger(WallLink.class);

  /**
   * @param broker an existing broker's URL (tcp://host:1883), or null for the embedded one
   * @param bind where the embedded broker listens: this machine, or the gallery network
   * @param allows who may connect to it on a gallery network
   * @param data the wall's link state (sessions, queued messages)
   * @param wall this wall's name, for its client
   */
  public record Settings(String broker, InetAddress bind, int port, Predicate<InetAddress> allows, Path data,
      String wall) {}

  private final Archive archive;
  private final Broker broker;
  private final Mqtt mqtt;
  private final LogLimit logs = new LogLimit(LOG);
  private final ScheduledExecutorService grid = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "mishmash-wall-link");
    t.setDaemon(true);
    return t;
  });
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong repeats = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile long lastLatencyMs = -1;
  private long[] published = new long[0];

  private WallLink(Archive archive, Broker broker, String url, Settings s) throws MqttException {
    this.archive = archive;
    this.broker = broker;
    this.mqtt = new Mqtt(url, "mishmash-wall-" + s.wall(), s.data().resolve("client"), "wall link", new Mqtt.Handler() {
      @Override
      public void connected(Mqtt m) {
        m.subscribe(Topics.PROFILES, 2);
        synchronized (WallLink.this) {
          published = new long[0]; // publish the whole grid again: an external broker may have lost it
        }
      }

      @Override
      public void message(String topic, MqttMessage message) {
        take(topic, message.getPayload());
      }
    });
    grid.scheduleWithFixedDelay(this::publishGrid, 1, GRID_EVERY_S, TimeUnit.SECONDS);
  }

  /**
   * Starts the link.
   *
   * @throws IOException when the embedded broker's port is taken (the message says what to do)
   */
  public static WallLink start(Archive archive, Settings s) throws IOException {
    Broker broker = s.broker() == null ? Broker.start(s.bind(), s.port(), s.data().resolve("broker"), s.allows()) : null;
    try {
      return new WallLink(archive, broker, broker != null ? broker.localUrl() : s.broker(), s);
    } catch (MqttException | RuntimeException e) {
      if (broker != null) {
        broker.close();
      }
      throw new IOException("the wall's MQTT link cannot start: " + e.getMessage(), e);
    }
  }

  /** A booth's profile: checked, added once, and receipted once it is on disk. */
  void take(String topic, byte[] payload) {
    String booth = Topics.boothOf(topic);
    Profiles.Received r;
    try {
      if (booth == null) {
        throw new IllegalArgumentException("not a booth's topic");
      }
      r = Profiles.decode(payload);
      if (r.creature().source() != Creature.Source.BOOTH) {
        throw new IllegalArgumentException("a booth sends visitors, not " + r.creature().source().label() + " creatures");
      }
    } catch (IllegalArgumentException e) {
      refused.incrementAndGet();
      logs.warn("refused", "wall link: refused a message on " + topic + ": " + e.getMessage());
      return;
    }
    Creature c = r.creature();
    Creature visitor = new Creature(c.seed(), c.genome(), c.parents(), c.born(), Creature.Source.BOOTH, c.generation(),
        c.model(), Names.clean(c.name()));
    if (archive.arrive(visitor, r.picture())) {
      received.incrementAndGet();
      if (r.sent() > 0) {
        lastLatencyMs = System.currentTimeMillis() - r.sent();
      }
      LOG.info("wall link: visitor {} ({}) from booth {}", c.seed(), visitor.name(), booth);
    } else {
      repeats.incrementAndGet(); // sent again (the receipt was lost, or the link went down): one all the same
    }
    if (archive.saved(c.seed())) {
      mqtt.publish(Topics.received(booth), Long.toString(c.seed()).getBytes(StandardCharsets.US_ASCII), 1, false);
    }
  }

  /** The grid as the archive last saved it: each cell that changed, and the shape, retained. */
  private void publishGrid() {
    try {
      Optional<GridState> state = archive.loadGrid();
      if (state.isEmpty() || !mqtt.connected()) {
        return;
      }
      long[] cells = state.get().cells();
      long[] before;
      synchronized (this) {
        before = published;
      }
      for (int i = 0; i < cells.length; i++) {
        if (i < before.length && before[i] == cells[i]) {
          continue;
        }
        Optional<Creature> c = archive.get(cells[i]);
        Optional<Image> picture = c.isPresent() ? archive.picture(cells[i]) : Optional.empty();
        if (picture.isPresent()) {
          mqtt.publish(Topics.cell(i), Profiles.encode(c.get(), picture.get(), 0), 1, true);
        }
      }
      for (int i = cells.length; i < before.length; i++) {
        mqtt.publish(Topics.cell(i), new byte[0], 1, true); // the grid shrank: the cell is no more
      }
      JsonObject o = new JsonObject();
      o.addProperty("columns", state.get().columns());
      o.addProperty("rows", state.get().rows());
      JsonArray a = new JsonArray();
      Arrays.stream(cells).forEach(a::add);
      o.add("cells", a);
      o.addProperty("births", state.get().births());
      if (!Arrays.equals(before, cells) && mqtt.publish(Topics.GRID, o.toString().getBytes(StandardCharsets.UTF_8), 1, true)) {
        synchronized (this) {
          published = cells;
        }
      }
    } catch (RuntimeException e) {
      logs.warn("grid", "wall link: could not publish the grid (" + e.getMessage() + ")");
    }
  }

  public boolean connected() {
    return mqtt.connected();
  }

  /** Profiles taken into the archive, sent again and taken already, and refused. */
  public long received() {
    return received.get();
  }

  public long repeats() {
    return repeats.get();
  }

  public long refused() {
    return refused.get() + (broker == null ? 0 : broker.refused());
  }

  /** From a booth's sending to the wall's disk, for the last profile (ms; -1 before the first). */
  public long lastLatencyMs() {
    return lastLatencyMs;
  }

  /** The port booths connect to (the embedded broker's), or -1 with an external broker. */
  public int port() {
    return broker == null ? -1 : broker.port();
  }

  @Override
  public void close() {
    grid.shutdownNow();
    mqtt.close();
    if (broker != null) {
      broker.close();
    }
  }
}
