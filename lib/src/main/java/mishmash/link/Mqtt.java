package mishmash.link;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mishmash.log.LogLimit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One machine's MQTT client (Eclipse Paho) as a wall or a booth uses it: a persistent session
 * (clean session off, so what is queued for it while it is away waits at the broker), its
 * in-flight QoS 2 messages kept on disk, a keep-alive short enough to notice a cut cable within
 * seconds, and reconnection every few seconds for as long as it takes, the first connection too.
 * It never blocks its caller: a publish while the link is down returns false.
 */
final class Mqtt implements MqttCallbackExtended, AutoCloseable {
  /** What the owner does on the link's own threads. */
  interface Handler {
    /** Connected (again): subscribe and send what waits. */
    void connected(Mqtt mqtt);

    void message(String topic, MqttMessage message) throws Exception;

    default void delivered(IMqttDeliveryToken token) {}
  }

  static final int KEEP_ALIVE_S = 5;
  static final int RETRY_MS = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(Mqtt.class);

  private final MqttAsyncClient client;
  private final MqttConnectOptions options = new MqttConnectOptions();
  private final Handler handler;
  private final String who;
  private final LogLimit logs = new LogLimit(LOG);
  private final ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "mishmash-mqtt-connect");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;
  private volatile boolean everConnected;

  Mqtt(String url, String clientId, Path state, String who, Handler handler) throws MqttException {
    this.handler = handler;
    this.who = who;
    this.client = new MqttAsyncClient(url, clientId, new MqttDefaultFilePersistence(state.toAbsolutePath().toString()));
    options.setCleanSession(false);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(RETRY_MS * 2);
    options.setKeepAliveInterval(KEEP_ALIVE_S);
    options.setConnectionTimeout(5);
    options.setMaxInflight(1000);
    client.setCallback(this);
    retry.execute(this::connect);
  }

  /** The first connection, retried until it works (Paho reconnects by itself only after one). */
  private void connect() {
    if (closed || everConnected) {
      return;
    }
    try {
      client.connect(options).waitForCompletion(10_000);
    } catch (MqttException e) {
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      logs.warn("connect", who + ": cannot reach the MQTT broker at " + client.getServerURI() + " (" + why
          + "); trying again every " + RETRY_MS / 1000 + " s");
      if (!closed && !everConnected) {
        retry.schedule(this::connect, RETRY_MS, TimeUnit.MILLISECONDS);
      }
    }
  }

  boolean connected() {
    return client.isConnected();
  }

  /** Publishes if connected; false if the link is down (the caller keeps the message). */
  boolean publish(String topic, byte[] payload, int qos, boolean retained) {
    if (!client.isConnected()) {
      return false;
    }
    try {
      MqttMessage m = new MqttMessage(payload);
      m.setQos(qos);
      m.setRetained(retained);
      client.publish(topic, m);
      return true;
    } catch (MqttException e) {
      logs.warn("publish", who + ": could not send on " + topic + " (" + e.getMessage() + "); it is sent again later");
      return false;
    }
  }

  void subscribe(String topic, int qos) {
    try {
      client.subscribe(topic, qos);
    } catch (MqttException e) {
      logs.warn("subscribe", who + ": could not subscribe to " + topic + " (" + e.getMessage() + ")");
    }
  }

  @Override
  public void connectComplete(boolean reconnect, String serverURI) {
    everConnected = true;
    LOG.info("{}: {} the MQTT broker at {}", who, reconnect ? "connected again to" : "connected to", serverURI);
    handler.connected(this);
  }

  @Override
  public void connectionLost(Throwable cause) {
    logs.warn("lost", who + ": lost the MQTT broker (" + (cause == null ? "" : cause.getMessage())
        + "); reconnecting by itself, and nothing waiting is lost");
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {
    try {
      handler.message(topic, message);
    } catch (Exception e) {
      logs.warn("message", who + ": a message on " + topic + " could not be taken (" + e.getMessage() + ")");
    }
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {
    handler.delivered(token);
  }

  @Override
  public void close() {
    closed = true;
    retry.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      // going anyway
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // going anyway
    }
  }
}
