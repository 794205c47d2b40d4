package mishmash.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The triple buffer between the streaming thread and the animation thread. */
class FrameBufferTest {
  @Test
  void bgrxBytesBecomeOpaqueArgb() {
    FrameBuffer buffer = new FrameBuffer(2, 1);
    ByteBuffer bgrx = ByteBuffer.wrap(new byte[] {0x30, 0x20, 0x10, 0x00, (byte) 0xFF, 0, 0, 0x55});
    assertTrue(buffer.publishBgrx(bgrx));
    Frame f = buffer.latest();
    assertEquals(0xFF102030, f.pixels()[0]);
    assertEquals(0xFF0000FF, f.pixels()[1]);
    assertEquals(1, f.number());
    assertFalse(buffer.publishBgrx(ByteBuffer.allocate(7)), "a short buffer is refused, not half-copied");
    assertEquals(1, buffer.count());
  }

  @Test
  void theConsumerNeverSeesATornFrameAndOnlyThreeArraysEverExist() throws Exception {
    FrameBuffer buffer = new FrameBuffer(64, 48);
    assertNull(buffer.latest());
    AtomicBoolean stop = new AtomicBoolean();
    Thread producer = new Thread(() -> {
      for (int n = 1; !stop.get(); n++) {
        int[] px = buffer.backPixels();
        for (int i = 0; i < px.length; i++) {
          px[i] = 0xFF000000 | n;
        }
        buffer.publish();
      }
    });
    producer.start();
    Set<int[]> arrays = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    long last = 0;
    int checked = 0;
    // until 200 frames were checked; a busy 2-core machine may need seconds for that
    long end = System.nanoTime() + 10_000_000_000L;
    while (checked < 200 && System.nanoTime() < end) {
      Frame f = buffer.latest();
      if (f == null || f.number() == last) {
        continue;
      }
      assertTrue(f.number() > last, "numbers only go up");
      last = f.number();
      arrays.add(f.pixels());
      int first = f.pixels()[0];
      assertEquals(0xFF000000 | (int) f.number(), first, "the frame's number matches its pixels");
      for (int p : f.pixels()) {
        if (p != first) {
          throw new AssertionError("torn frame " + f.number() + ": " + Integer.toHexString(first) + " and " + Integer.toHexString(p));
        }
      }
      checked++;
    }
    stop.set(true);
    producer.join();
    assertTrue(checked >= 20, "checked " + checked + " frames");
    assertTrue(arrays.size() <= 3, arrays.size() + " arrays");
    Frame again = buffer.latest();
    assertSame(again, buffer.latest(), "no new frame: the same one again");
  }
}
