package mishmash.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import mishmash.archive.Archive;
import mishmash.archive.Creature;
import mishmash.files.AtomicFile;
import mishmash.log.LogLimit;
import mishmash.model.Image;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A booth's side of several machines: each visitor's profile goes to the wall, and the wall's
 * creatures come to the booth to be mixed with.
 *
 * <p>A profile is first written to the booth's outbox ({@code data/booth/outbox/<number>.json}),
 * then published with QoS 2 on a persistent session. It stays in the outbox until the wall's
 * receipt says it is on the wall's disk; until then it is sent again every {@link #RESEND_S}
 * seconds while the link is up, and at once when the link comes back. A booth switched off with
 * profiles waiting sends them when it is switched on again. The wall takes each profile once.
 */
public final class BoothLink implements AutoCloseable {
  static final int RESEND_S = 15;
  private static final Logger LOG = LoggerFactory.getLogger(BoothLink.class);

  private final String booth;
  private final Path outbox;
  private final Archive local;
  private final Mqtt mqtt;
  private final LogLimit logs = new LogLimit(LOG);
  private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();
  private final AtomicLong receipts = new AtomicLong();
  private final ScheduledExecutorService resend = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "mishmash-booth-link");
    t.setDaemon(true);
    return t;
  });

  private BoothLink(String url, String booth, Path folder, Archive local) throws MqttException, IOException {
    this.booth = booth;
    this.outbox = Files.createDirectories(folder.resolve("outbox"));
    this.local = local;
    this.mqtt = new Mqtt(url, "mishmash-booth-" + booth, folder.resolve("mqtt"), "booth link", new Mqtt.Handler() {
      @Override
      public void connected(Mqtt m) {
        m.subscribe(Topics.received(booth), 1);
        m.subscribe(Topics.CELLS + "+", 1);
        sentAt.clear();
        resend.execute(BoothLink.this::sendWaiting);
      }

      @Override
      public void message(String topic, MqttMessage message) {
        if (topic.equals(Topics.received(booth))) {
          receipt(new String(message.getPayload(), StandardCharsets.US_ASCII).trim());
        } else if (topic.startsWith(Topics.CELLS) && message.getPayload().length > 0) {
          creature(message.getPayload());
        }
      }
    });
    resend.scheduleWithFixedDelay(this::sendWaiting, RESEND_S, RESEND_S, TimeUnit.SECONDS);
  }

  /**
   * Connects a booth to a wall's broker.
   *
   * @param url the broker, tcp://wall:1883
   * @param booth this booth's name in topics
   * @param folder the booth's own folder (its outbox and link state go there)
   * @param local the booth's archive, where the wall's creatures are kept to be mixed with
   */
  public static BoothLink start(String url, String booth, Path folder, Archive local) throws IOException {
    try {
      return new BoothLink(url, Topics.booth(booth), folder, local);
    } catch (MqttException | IllegalArgumentException e) {
      throw new IOException("the booth's link to " + url + " cannot start: " + e.getMessage(), e);
    }
  }

  /** Sends a visitor's profile to the wall: kept in the outbox until the wall has it. */
  public void send(Creature c, Image picture) throws IOException {
    byte[] message = Profiles.encode(c, picture, System.currentTimeMillis());
    AtomicFile.write(outbox.resolve(c.seed() + ".json"), out -> out.write(message));
    resend.execute(() -> publish(c.seed(), message));
  }

  private void publish(long seed, byte[] message) {
    if (mqtt.publish(Topics.profile(booth), message, 2, false)) {
      sentAt.put(seed, System.nanoTime());
    }
  }

  /** Everything in the outbox that was not sent on this connection, or not receipted for a while. */
  private void sendWaiting() {
    if (!mqtt.connected()) {
      return;
    }
    long now = System.nanoTime();
    for (Path f : waiting()) {
      long seed = seedOf(f);
      Long at = sentAt.get(seed);
      if (at != null && (now - at) / 1e9 < RESEND_S) {
        continue;
      }
      try {
        publish(seed, Files.readAllBytes(f));
      } catch (IOException e) {
        logs.warn("outbox", "booth link: cannot read " + f + " (" + e.getMessage() + ")");
      }
    }
  }

  private List<Path> waiting() {
    try (Stream<Path> files = Files.list(outbox)) {
      return files.filter(f -> f.getFileName().toString().matches("\\d{1,18}\\.json")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long seedOf(Path f) {
    String n = f.getFileName().toString();
    return Long.parseLong(n.substring(0, n.length() - 5));
  }

  /** The wall has a profile on its disk: the booth can let it go. */
  private void receipt(String text) {
    if (!text.matches("\\d{1,18}")) {
      return;
    }
    long seed = Long.parseLong(text);
    sentAt.remove(seed);
    try {
      if (Files.deleteIfExists(outbox.resolve(seed + ".json"))) {
        receipts.incrementAndGet();
        LOG.info("booth link: the wall has profile {}", seed);
      }
    } catch (IOException e) {
      logs.warn("receipt", "booth link: cannot clear " + seed + " from the outbox (" + e.getMessage() + ")");
    }
  }

  /** A creature on the wall: kept here to be mixed with. */
  private void creature(byte[] payload) {
    try {
      Profiles.Received r = Profiles.decode(payload);
      local.arrive(r.creature(), r.picture());
      local.retain(java.util.Set.of()); // the booth keeps the wall's creatures within its own bound
    } catch (IllegalArgumentException e) {
      logs.warn("cell", "booth link: refused a creature from the wall: " + e.getMessage());
    }
  }

  public boolean connected() {
    return mqtt.connected();
  }

  /** Profiles the wall does not have yet. */
  public int waitingCount() {
    return waiting().size();
  }

  /** Receipts from the wall so far. */
  public long receipts() {
    return receipts.get();
  }

  @Override
  public void close() {
    resend.shutdownNow();
    mqtt.close();
  }
}
