package mishmash.dials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mishmash.live.Controls;
import mishmash.live.Live;
import mishmash.live.Param;
import mishmash.live.Params;
import mishmash.live.Performance;
import mishmash.live.Presets;
import mishmash.live.osc.OscServer;
import mishmash.live.oscquery.OscQueryServer;
import mishmash.model.Generator;
import mishmash.model.MadeFor;
import mishmash.model.ModelException;
import mishmash.model.Models;
import mishmash.model.Styles;
import mishmash.model.TinyModels;
import mishmash.net.Network;
import mishmash.net.http.WebServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's dials as live parameters: found, clamped, played over OSC, described over OSCQuery, checked against their generator. */
class DialsLiveTest {
  @TempDir Path tmp;
  Path model;

  /** A sketch as the sketches declare dials: one field. */
  static class Sketch {
    @Live(min = 0, max = 2) float mutation = 0.35f;
    @Live DialBoard dial;

    Sketch(Path model) {
      dial = new DialBoard(() -> model);
    }
  }

  @BeforeEach
  void model() throws Exception {
    model = TinyModels.styleNet(tmp.resolve("tiny"));
    DialFiles.write(model, 16, 16, "age", "smile");
  }

  @Test
  void eachDialIsALiveParameterThatClampsToItsRange() {
    Sketch s = new Sketch(model);
    Params params = Params.of(s);
    assertNotNull(params.get("dial/age"));
    assertNotNull(params.get("dial/smile"));
    Param age = params.get("dial/age");
    assertEquals(-3, age.min());
    assertEquals(3, age.max());
    assertEquals("more age", age.description());
    age.set(9);
    assertEquals(3f, s.dial.values()[0], "clamped to the range");
    assertTrue(age.set(-1.5));
    assertEquals(-1.5f, s.dial.values()[0]);
    assertTrue(!age.set(Double.NaN) && s.dial.values()[0] == -1.5f, "NaN changes nothing");
    assertTrue(s.dial.turned());
    assertEquals(-3, s.dial.dials().clamp(-7));
    assertEquals(0, s.dial.dials().clamp(Double.NaN));
  }

  @Test
  void turningADialChangesTheStylesAndTheGenesAndZeroChangesNothing() throws Exception {
    Sketch s = new Sketch(model);
    Params params = Params.of(s);
    try (Generator gan = Models.load(model)) {
      Styles w = gan.map(new float[][] {new float[16]}, 1f);
      assertEquals(w, s.dial.apply(w), "all dials at 0: the creature as it is");
      assertNull(s.dial.latentOffset());
      params.get("dial/smile").set(2);
      Styles turned = s.dial.apply(w);
      float[] d = s.dial.dials().dials().get(1).w();
      for (int l = 0; l < w.layers(); l++) {
        for (int j = 0; j < 16; j++) {
          float want = w.layer(0, l)[j] + (l >= 4 ? 2 * d[j] : 0);
          assertEquals(want, turned.layer(0, l)[j], 1e-5, "two units along smile, in its own layers only");
        }
      }
      float[] z = s.dial.latentOffset();
      float[] dz = s.dial.dials().dials().get(1).z();
      assertEquals(DialFiles.LAYERS * 16, z.length, "a z offset per layer");
      for (int l = 0; l < DialFiles.LAYERS; l++) {
        for (int j = 0; j < 16; j++) {
          assertEquals(l >= 4 ? 2 * dz[j] : 0, z[l * 16 + j], 1e-6);
        }
      }
      params.get("dial/smile").set(100);
      assertEquals(3 * dz[0], s.dial.latentOffset()[4 * 16], 1e-6, "clamped at 3");
      assertThrows(IllegalArgumentException.class, () -> s.dial.dials().apply(w, new float[1]), "one value per dial");
    }
  }

  static float[] scaled(float[] v, float k) {
    float[] o = v.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] *= k;
    }
    return o;
  }

  @Test
  void dialsPlayOverOscFromLiblosOscsendAndShowInOscQuery() throws Exception {
    Sketch s = new Sketch(model);
    Controls controls = new Controls("test", Params.of(s), 1);
    try (controls; DatagramChannel client = DatagramChannel.open()) {
      OscServer osc = controls.own(OscServer.start(controls, new Presets(tmp.resolve("presets"), controls),
          new OscServer.Settings(Network.local(), 0, false, 0)));
      client.bind(new InetSocketAddress("127.0.0.1", 0));
      send(client, osc.port(), "/mishmash/test/dial/age", 1.5f);
      send(client, osc.port(), "/mishmash/test/dial/smile/norm", 1.0f);
      send(client, osc.port(), "/mishmash/test/dial/age/lfo", "sine", 0.5f, 0.1f);
      send(client, osc.port(), "/mishmash/test/dial/nosuch", 1f);
      waitFor(osc, 3);
      Thread.sleep(200); // the unknown one is refused, not handed on
      for (int f = 1; f <= 90; f++) { // 1.5 s of frames: the dials glide there
        controls.frame(f, f / 60.0);
      }
      assertEquals(1.5, controls.params().get("dial/age").base(), 1e-6);
      assertEquals(3, controls.params().get("dial/smile").base(), 1e-6, "norm 1 is the top of the range");
      assertEquals(3f, s.dial.values()[1], 1e-3f);
      assertTrue(controls.modulations().containsKey("dial/age"), "a dial can be modulated like any parameter");
      assertEquals(1, osc.complaints().count("unknown address"), "an unknown dial is counted, not applied");

      Path oscsend = Path.of("/usr/bin/oscsend");
      if (Files.isExecutable(oscsend)) {
        Process p = new ProcessBuilder(oscsend.toString(), "127.0.0.1", Integer.toString(osc.port()),
            "/mishmash/test/dial/age", "f", "-2.5").redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        waitFor(osc, 4);
        controls.frame(100, 100 / 60.0);
        assertEquals(-2.5, controls.params().get("dial/age").base(), 1e-6, "liblo's oscsend turns a dial");
      } else if ("1".equals(System.getenv("MISHMASH_CI"))) {
        throw new AssertionError("CI must have liblo-tools (oscsend) installed");
      }

      WebServer web = controls.own(WebServer.start(Network.local(), 0, "test"));
      controls.own(OscQueryServer.start(web, controls, osc));
      HttpClient http = HttpClient.newHttpClient();
      JsonObject root = JsonParser.parseString(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + web.port() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
      JsonObject sketch = root.getAsJsonObject("CONTENTS").getAsJsonObject("mishmash").getAsJsonObject("CONTENTS")
          .getAsJsonObject("test").getAsJsonObject("CONTENTS");
      JsonObject age = sketch.getAsJsonObject("dial").getAsJsonObject("CONTENTS").getAsJsonObject("age");
      assertEquals("/mishmash/test/dial/age", age.get("FULL_PATH").getAsString(), "dials are a container of their own");
      assertEquals(-3, age.getAsJsonArray("RANGE").get(0).getAsJsonObject().get("MIN").getAsInt());
      JsonObject one = JsonParser.parseString(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + web.port() + "/mishmash/test/dial/smile")).build(), HttpResponse.BodyHandlers.ofString()).body())
          .getAsJsonObject();
      assertEquals("f", one.get("TYPE").getAsString());
    }
  }

  @Test
  void dialsAreInPresetsAndRecordings() throws Exception {
    Sketch s = new Sketch(model);
    Controls controls = new Controls("test", Params.of(s), 1);
    try (controls) {
      Path recording = tmp.resolve("take.jsonl");
      controls.record(new Performance.Recorder(recording, "test", 1, 30));
      controls.submit(mishmash.live.Change.set("dial/age", 2.25, "test"));
      controls.frame(1, 1 / 30.0);
      assertEquals(2.25, controls.snapshot().getAsJsonObject("values").get("dial/age").getAsDouble(), 1e-6,
          "a preset keeps the dials");
      controls.close();
      assertTrue(Files.readString(recording).contains("dial/age"), "a recording keeps the dials");

      Sketch again = new Sketch(model);
      Controls replay = new Controls("test", Params.of(again), 1);
      try (replay) {
        replay.replay(new Performance.Player(recording, 30));
        for (int f = 1; f <= 60; f++) {
          replay.frame(f, f / 30.0);
        }
        assertEquals(2.25f, again.dial.values()[0], 1e-3f, "a replay turns them again");
      }
    }
  }

  @Test
  void dialsMadeForAnotherGeneratorAreRefusedWithTheCommandThatMakesTheRightOnes() throws Exception {
    DialFiles.write(model, new MadeFor("creatures", "sha256:0123456789abcdef0123456789abcdef"), 16, 16, "age");
    Sketch s = new Sketch(model);
    List<Param> none = s.dial.params("dial");
    assertTrue(none.isEmpty(), "no dials from a file for another model");
    String problem = s.dial.problem();
    assertTrue(problem.contains("dials.json") && problem.contains("\"creatures\"") && problem.contains("-Pdials")
        && problem.contains("tiny"), problem);
    ModelException e = assertThrows(ModelException.class, () -> Dials.read(model.resolve(Dials.FILE),
        mishmash.model.Manifest.read(model)));
    assertTrue(e.getMessage().contains("sha256:0123456789abcdef"), e.getMessage());
  }

  @Test
  void aRetrainedModelUnderTheSameNameIsAnotherGenerator() throws Exception {
    MadeFor old = MadeFor.of(mishmash.model.Manifest.read(model));
    Path retrained = Files.createDirectories(tmp.resolve("retrained"));
    for (String f : new String[] {"model.json", "generator.params", Dials.FILE}) {
      Files.copy(model.resolve(f), retrained.resolve(f));
    }
    byte[] weights = Files.readAllBytes(retrained.resolve("generator.params"));
    weights[weights.length - 1] ^= 1; // the last weight's lowest bit: other weights, the same name
    Files.write(retrained.resolve("generator.params"), weights);
    Sketch s = new Sketch(retrained);
    assertTrue(s.dial.params("dial").isEmpty(), "dials for the old weights are refused");
    assertTrue(s.dial.problem().contains("retrained or replaced"), s.dial.problem());
    assertNotEquals(old.fingerprint(), MadeFor.of(mishmash.model.Manifest.read(retrained)).fingerprint());
  }

  @Test
  void aModelWithoutDialsGivesNoneAndSaysHowToMakeThem() throws Exception {
    Files.delete(model.resolve(Dials.FILE));
    Sketch s = new Sketch(model);
    assertTrue(Params.of(s).get("mutation") != null && s.dial.dials() == null);
    assertTrue(s.dial.problem().contains("-Pdials"), s.dial.problem());
    Files.writeString(model.resolve(Dials.FILE), "{ not json");
    Sketch broken = new Sketch(model);
    Params.of(broken);
    assertTrue(broken.dial.problem().contains("not valid JSON"), broken.dial.problem());
  }

  static void send(DatagramChannel client, int port, String address, Object... args) throws Exception {
    ByteBuffer b = ByteBuffer.allocate(1024);
    new OSCSerializerAndParserBuilder().buildSerializer(new com.illposed.osc.BufferBytesReceiver(b))
        .write(new OSCMessage(address, List.of(args)));
    b.flip();
    client.send(b, new InetSocketAddress("127.0.0.1", port));
  }

  static void waitFor(OscServer osc, long messages) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (osc.accepted() < messages && System.nanoTime() < end) {
      Thread.sleep(2);
    }
  }
}
