package mishmash.live.oscquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mishmash.live.Controls;
import mishmash.live.Live;
import mishmash.live.Param;
import mishmash.live.Params;
import mishmash.live.osc.OscServer;
import mishmash.net.Network;
import mishmash.net.http.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An OSCQuery client's view of a running sketch: the namespace over HTTP, values over the WebSocket. */
class OscQueryTest {
  enum Death { LEAST_RECENT, OLDEST_GENERATION, RANDOM }

  static class Sketch {
    @Live(min = 0.1, max = 10, unit = " s", description = "seconds between births") float interval = 1.0f;
    @Live(min = 0, max = 2, smooth = 0.3) float mutation = 0.35f;
    @Live(min = 1, max = 16) int columns = 8;
    @Live Death death = Death.LEAST_RECENT;
    @Live boolean labels = true;
    int births;

    @Live(description = "a birth now") void breed() {
      births++;
    }
  }

  Sketch sketch;
  Controls controls;
  OscServer osc;
  WebServer web;
  OscQueryServer query;
  FrameLoop loop;
  HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
      .build();

  /** The sketch's frame loop at 60 fps, on its own thread, noting the longest gap between frames. */
  static final class FrameLoop extends Thread {
    final Controls controls;
    volatile long frames;
    volatile long longestGapMs;
    volatile boolean stop;

    FrameLoop(Controls controls) {
      super("test-frames");
      this.controls = controls;
      setDaemon(true);
    }

    @Override
    public void run() {
      long t0 = System.nanoTime();
      long last = t0;
      while (!stop) {
        long now = System.nanoTime();
        longestGapMs = Math.max(longestGapMs, (now - last) / 1_000_000);
        last = now;
        controls.frame(++frames, (now - t0) / 1e9);
        try {
          Thread.sleep(16);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  @BeforeEach
  void start() throws Exception {
    sketch = new Sketch();
    controls = new Controls("test", Params.of(sketch), 1);
    osc = controls.own(OscServer.start(controls, null, new OscServer.Settings(Network.local(), 0, false, 0)));
    web = controls.own(WebServer.start(Network.local(), 0, "test"));
    query = controls.own(OscQueryServer.start(web, controls, osc));
    loop = new FrameLoop(controls);
    loop.start();
  }

  @AfterEach
  void stop() throws Exception {
    loop.stop = true;
    loop.join();
    controls.close();
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + pathAndQuery))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonObject json(String pathAndQuery) throws Exception {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
    assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  @Test
  void theNamespaceDescribesEveryLiveParameterAndAction() throws Exception {
    JsonObject root = json("/");
    assertEquals("/", root.get("FULL_PATH").getAsString());
    JsonObject contents = root.getAsJsonObject("CONTENTS").getAsJsonObject("mishmash").getAsJsonObject("CONTENTS")
        .getAsJsonObject("test").getAsJsonObject("CONTENTS");
    Params params = controls.params();
    assertEquals(params.size() + params.actions().size(), contents.size(), contents.keySet().toString());
    for (Param p : params) {
      JsonObject node = contents.getAsJsonObject(p.name());
      assertNotNull(node, p.name());
      assertEquals("/mishmash/test/" + p.name(), node.get("FULL_PATH").getAsString());
      assertEquals(3, node.get("ACCESS").getAsInt(), p.name() + " reads and writes");
      assertTrue(!node.get("DESCRIPTION").getAsString().isBlank());
      assertEquals(node, json("/mishmash/test/" + p.name()), "each node on its own path too");
    }
    JsonObject interval = contents.getAsJsonObject("interval");
    assertEquals("f", interval.get("TYPE").getAsString());
    assertEquals(1.0, interval.getAsJsonArray("VALUE").get(0).getAsDouble(), 1e-9);
    assertEquals(0.1, range(interval).get("MIN").getAsDouble(), 1e-9);
    assertEquals(10, range(interval).get("MAX").getAsDouble(), 1e-9);
    assertEquals("time.second", interval.getAsJsonArray("UNIT").get(0).getAsString());
    assertEquals("seconds between births", interval.get("DESCRIPTION").getAsString());
    assertEquals("both", interval.getAsJsonArray("CLIPMODE").get(0).getAsString());
    JsonObject mutation = contents.getAsJsonObject("mutation");
    assertEquals(0.35, mutation.getAsJsonArray("VALUE").get(0).getAsDouble(), 1e-9, "0.35, not float noise");
    assertEquals("0.35", mutation.getAsJsonArray("VALUE").get(0).toString());
    assertNull(mutation.get("UNIT"), "no unit declared, none given");
    JsonObject columns = contents.getAsJsonObject("columns");
    assertEquals("i", columns.get("TYPE").getAsString());
    assertEquals("8", columns.getAsJsonArray("VALUE").get(0).toString());
    assertEquals(16, range(columns).get("MAX").getAsInt());
    JsonObject death = contents.getAsJsonObject("death");
    assertEquals("s", death.get("TYPE").getAsString());
    assertEquals("least recent", death.getAsJsonArray("VALUE").get(0).getAsString());
    assertEquals(List.of("least recent", "oldest generation", "random"),
        range(death).getAsJsonArray("VALS").asList().stream().map(e -> e.getAsString()).toList());
    JsonObject labels = contents.getAsJsonObject("labels");
    assertEquals("T", labels.get("TYPE").getAsString());
    assertTrue(labels.getAsJsonArray("VALUE").get(0).getAsBoolean());
    JsonObject breed = contents.getAsJsonObject("breed");
    assertEquals("I", breed.get("TYPE").getAsString());
    assertEquals(2, breed.get("ACCESS").getAsInt(), "an action is written, not read");
    assertEquals("a birth now", breed.get("DESCRIPTION").getAsString());
  }

  static JsonObject range(JsonObject node) {
    JsonArray r = node.getAsJsonArray("RANGE");
    return r.get(0).getAsJsonObject();
  }

  @Test
  void attributesHostInfoAndErrorsAreAsTheProposalSays() throws Exception {
    JsonObject value = json("/mishmash/test/columns?VALUE");
    assertEquals(1, value.size());
    assertEquals(8, value.getAsJsonArray("VALUE").get(0).getAsInt());
    JsonObject info = json("/anything/at/all?HOST_INFO");
    assertEquals(osc.port(), info.get("OSC_PORT").getAsInt());
    assertEquals("UDP", info.get("OSC_TRANSPORT").getAsString());
    assertEquals("Mishmash test", info.get("NAME").getAsString());
    assertTrue(info.getAsJsonObject("EXTENSIONS").get("LISTEN").getAsBoolean());
    assertTrue(info.getAsJsonObject("EXTENSIONS").get("VALUE").getAsBoolean());
    assertEquals(404, get("/mishmash/test/nothing").statusCode());
    assertEquals(404, get("/elsewhere").statusCode());
    assertEquals(400, get("/mishmash/test/columns?GABBAGABBAHEY").statusCode());
    assertEquals(204, get("/mishmash/test/breed?VALUE").statusCode(), "an action has no value to read");
    assertEquals(204, get("/mishmash/test/mutation?UNIT").statusCode(), "a unitless parameter has no UNIT");
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    // the value follows the sketch
    send("/mishmash/test/columns", 12);
    waitFor(() -> sketch.columns == 12);
    Thread.sleep(50);
    assertEquals(12, json("/mishmash/test/columns?VALUE").getAsJsonArray("VALUE").get(0).getAsInt());
  }

  @Test
  void otherPartsAddTheirOwnRoutesBesideOscQuery() throws Exception {
    web.route("/status.json", r -> mishmash.net.http.Response.json(JsonParser.parseString("{\"fps\":60}")));
    web.routeTree("/status", r -> mishmash.net.http.Response.html("<p>" + r.path() + "</p>"));
    assertEquals(60, json("/status.json").get("fps").getAsInt());
    assertEquals("<p>/status/page</p>", get("/status/page").body());
    assertEquals("/", json("/").get("FULL_PATH").getAsString(), "the namespace still answers the rest");
  }

  void send(String address, Object... args) throws Exception {
    try (DatagramChannel c = DatagramChannel.open()) {
      ByteBuffer b = ByteBuffer.allocate(1024);
      new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(b))
          .write(new OSCMessage(address, List.of(args)));
      b.flip();
      c.send(b, new InetSocketAddress("127.0.0.1", osc.port()));
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertTrue(condition.getAsBoolean(), "in time");
  }

  /** A WebSocket client (the JDK's) that collects binary messages as OSC. */
  static final class Client implements WebSocket.Listener {
    final BlockingQueue<OSCMessage> messages = new LinkedBlockingQueue<>();
    private ByteBuffer partial = ByteBuffer.allocate(1 << 16);

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      partial.put(data);
      if (last) {
        partial.flip();
        try {
          messages.add((OSCMessage) new OSCSerializerAndParserBuilder().buildParser().convert(partial));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial = ByteBuffer.allocate(1 << 16);
      }
      ws.request(1);
      return null;
    }

    OSCMessage next() throws InterruptedException {
      OSCMessage m = messages.poll(5, TimeUnit.SECONDS);
      assertNotNull(m, "a message over the WebSocket");
      return m;
    }
  }

  WebSocket connect(Client client) throws Exception {
    return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + web.port() + "/"), client)
        .get(5, TimeUnit.SECONDS);
  }

  @Test
  void aValueSetOverOscStreamsToTheWebSocketThatListens() throws Exception {
    Client client = new Client();
    WebSocket ws = connect(client);
    ws.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"/mishmash/test/mutation\"}", true).get(5, TimeUnit.SECONDS);
    ws.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"/mishmash/test/death\"}", true).get(5, TimeUnit.SECONDS);
    OSCMessage now = client.next();
    assertEquals("/mishmash/test/mutation", now.getAddress());
    assertEquals(List.of(0.35f), now.getArguments(), "where it is when listening starts");
    assertEquals(List.of("least recent"), client.next().getArguments());
    send("/mishmash/test/mutation", 1.5f);
    OSCMessage m = client.next();
    assertEquals("/mishmash/test/mutation", m.getAddress());
    assertEquals(List.of(1.5f), m.getArguments());
    send("/mishmash/test/death", "random");
    assertEquals(List.of("random"), client.next().getArguments(), "a choice by name, as TYPE s says");
    // OSC over the WebSocket plays the sketch too
    ByteBuffer b = ByteBuffer.allocate(256);
    new OSCSerializerAndParserBuilder().buildSerializer(new BufferBytesReceiver(b))
        .write(new OSCMessage("/mishmash/test/columns", List.of(3)));
    b.flip();
    ws.sendBinary(b, true).get(5, TimeUnit.SECONDS);
    waitFor(() -> sketch.columns == 3);
    ws.sendText("{\"COMMAND\":\"IGNORE\",\"DATA\":\"/mishmash/test/mutation\"}", true).get(5, TimeUnit.SECONDS);
    Thread.sleep(100);
    client.messages.clear();
    send("/mishmash/test/mutation", 0.2f);
    send("/mishmash/test/death", "oldest generation");
    assertEquals("/mishmash/test/death", client.next().getAddress(), "only what it still listens to");
    assertNull(client.messages.poll(300, TimeUnit.MILLISECONDS));
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
  }

  @Test
  void fuzzedHttpLeavesTheSketchRunningAndItsFramesOnTime() throws Exception {
    long frames = loop.frames;
    mishmash.net.http.HttpFuzz.Result fuzz = mishmash.net.http.HttpFuzz.run(web.port(), 200, 16, 5, "/mishmash/test/columns");
    assertEquals(200, fuzz.answered());
    assertTrue(fuzz.goodWhileSlow());
    assertTrue(fuzz.slowCut() >= 15, fuzz.toString());
    assertTrue(loop.frames - frames > 100, "frames went on: " + (loop.frames - frames));
    // a frame held up by a slow client would wait for the server's 5 s head timeout; a busy machine alone
    // can pause a frame loop for about a second
    assertTrue(loop.longestGapMs < 2500, "no frame waited on the server: longest gap " + loop.longestGapMs + " ms");
    // and OSCQuery still works: the namespace, and a value streamed
    assertEquals(8, json("/mishmash/test/columns?VALUE").getAsJsonArray("VALUE").get(0).getAsInt());
    Client client = new Client();
    WebSocket ws = connect(client);
    ws.sendText("{\"COMMAND\":\"LISTEN\",\"DATA\":\"/mishmash/test/columns\"}", true).get(5, TimeUnit.SECONDS);
    client.next();
    send("/mishmash/test/columns", 4);
    assertEquals(List.of(4), client.next().getArguments());
  }
}
