import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import mishmash.feed.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataWalkTest {
  @TempDir Path tmp;

  static List<Float> sent(Pieces.Listener l, String what) throws Exception {
    return l.received().stream().filter(m -> m.getAddress().equals("/mishmash/datawalk/" + what))
        .map(m -> (Float) m.getArguments().get(0)).toList();
  }

  @Test
  void withNoInputItPlaysTheRecordingAndSendsTheValuesItUses() throws Exception {
    Path data = tmp.resolve("data-example");
    Files.createDirectories(data.resolve("datawalk"));
    Files.copy(Paths.get("../data/datawalk/example.csv"), data.resolve("datawalk/example.csv"));
    try (Pieces.Listener out = new Pieces.Listener()) {
      DataWalk sketch = new DataWalk();
      Pieces.render(sketch, tmp, "example", 40, "--osc-port", "0", "--osc-client", out.client());
      List<Float> values = sent(out, "value");
      assertEquals(40, values.size(), "one value a frame");
      Recording example = Recording.read(Paths.get("../data/datawalk/example.csv"));
      for (int f = 0; f < 40; f++) {
        assertEquals(example.at((f + 1) / 30.0), values.get(f), 1e-6, "frame " + f + " plays the recording");
      }
      assertTrue(sketch.from.contains("recording"), sketch.from);
    }
  }

  @Test
  void anOscStreamDrivesTheWalkAndItsDials() throws Exception {
    // a performer's stream, as a recorded performance: input jumps to 0.9 at frame 3, then to 0.1
    Path moves = Files.writeString(tmp.resolve("stream.jsonl"), String.join("\n",
        "{\"mishmash\":\"performance\",\"sketch\":\"datawalk\",\"seed\":11}",
        "{\"frame\":3,\"t\":0.1,\"type\":\"SET\",\"name\":\"input\",\"value\":0.9,\"source\":\"osc 127.0.0.1\"}",
        "{\"frame\":40,\"t\":1.33,\"type\":\"SET\",\"name\":\"input\",\"value\":0.1,\"source\":\"osc 127.0.0.1\"}", ""));
    try (Pieces.Listener out = new Pieces.Listener()) {
      DataWalk sketch = new DataWalk();
      Pieces.render(sketch, tmp, "osc", 70, "--osc-port", "0", "--osc-client", out.client(), "--replay", moves.toString());
      List<Float> values = out.received().stream().filter(m -> m.getAddress().equals("/mishmash/datawalk/value"))
          .map(m -> (Float) m.getArguments().get(0)).toList();
      assertEquals(0.9, values.get(38), 0.02, "the stream's value, smoothed in");
      assertEquals(0.1, values.get(69), 0.02);
      assertTrue(sketch.from.contains("OSC"), sketch.from);
    }
    try (Pieces.Listener out = new Pieces.Listener()) {
      Pieces.render(new DataWalk(), tmp, "osc2", 70, "--osc-port", "0", "--osc-client", out.client(), "--replay",
          moves.toString());
      List<Float> psi = sent(out, "psi");
      assertTrue(psi.get(38) > psi.get(69) + 0.3, "a loud stream opens the truncation dial: " + psi.get(38) + " " + psi.get(69));
    }
  }

  @Test
  void aBrokenRecordingIsSaidOnTheCanvasAndTheWalkGoesOn() throws Exception {
    Path bad = Files.writeString(tmp.resolve("prices.csv"), "0,1\n1,lots\n");
    DataWalk sketch = new DataWalk();
    Pieces.render(sketch, tmp, "bad", 3, "--input", bad.toString());
    assertTrue(sketch.problem.contains("prices.csv, line 2"), sketch.problem);
    assertTrue(sketch.shown != null, "the walk goes on, on the OSC input");
  }
}
