import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import mishmash.model.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentWalkTest {
  @TempDir Path tmp;

  @Test
  void theLoopClosesAndEachTurnIsSentOverOsc() throws Exception {
    try (Pieces.Listener musician = new Pieces.Listener()) {
      LatentWalk sketch = new LatentWalk();
      // a quarter of a turn per second at 30 fps: one turn is 120 frames
      Path out = Pieces.render(sketch, tmp, "walk", 122, "--set", "speed=0.25,radius=0.8", "--osc-port", "0",
          "--osc-client", musician.client());
      Image first = Pieces.frame(out, 0);
      int[] at0 = Pieces.crop(first, 100, 30, 120, 120); // the creature: 120 px in the middle of 320×180
      assertArrayEquals(at0, Pieces.crop(Pieces.frame(out, 120), 100, 30, 120, 120), "frame 120 = frame 0");
      assertFalse(Arrays.equals(at0, Pieces.crop(Pieces.frame(out, 60), 100, 30, 120, 120)), "half way it is another");
      assertFalse(Arrays.equals(Pieces.crop(Pieces.frame(out, 119), 100, 30, 120, 120), at0), "and it moves up to the end");
      List<OSCMessage> loops = musician.received().stream()
          .filter(m -> m.getAddress().equals("/mishmash/latentwalk/loop")).toList();
      assertEquals(1, loops.size(), "one completed turn, one message");
      assertEquals(List.of(1), loops.get(0).getArguments());
      assertEquals(1, sketch.loops);
    }
  }

  @Test
  void radiusZeroStandsStill() throws Exception {
    Path out = Pieces.render(new LatentWalk(), tmp, "still", 20, "--set", "speed=1,radius=0");
    assertArrayEquals(Pieces.crop(Pieces.frame(out, 0), 100, 30, 120, 120),
        Pieces.crop(Pieces.frame(out, 15), 100, 30, 120, 120), "one creature, still");
  }

  @Test
  void aMissingModelIsSaidOnTheCanvas() throws Exception {
    LatentWalk sketch = new LatentWalk();
    Path out = Pieces.render(sketch, tmp, "none", 2, "--model", "no-such-model");
    assertTrue(sketch.problem().contains("no-such-model"), sketch.problem());
    assertTrue(Arrays.stream(Pieces.frame(out, 1).argb()).anyMatch(p -> (p >> 16 & 0xFF) > 200), "the message is on screen");
  }
}
