package mishmash.booth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import mishmash.face.Box;
import mishmash.face.Expression;
import mishmash.face.Face;
import mishmash.face.Gender;
import org.junit.jupiter.api.Test;

class SessionTest {
  static Face face(float x, float y, float side) {
    Map<Expression, Float> e = new EnumMap<>(Expression.class);
    for (Expression x1 : Expression.values()) {
      e.put(x1, x1 == Expression.NEUTRAL ? 1f : 0f);
    }
    return new Face(new Box(x, y, side, side), 0.9f, List.of(), new Box(x, y, side, side), 30, Gender.FEMALE, 0.9f, e);
  }

  static Session.Sight see(Face... faces) {
    return new Session.Sight(List.of(faces), 120, 640, 480);
  }

  /** Feeds frames at 30 fps for {@code seconds}; returns true if the photo was taken meanwhile. */
  static boolean run(Session s, double[] t, double seconds, Session.Sight sight) {
    boolean shot = false;
    for (double end = t[0] + seconds; t[0] < end; t[0] += 1 / 30.0) {
      shot |= s.watch(t[0], sight);
    }
    return shot;
  }

  @Test
  void aSteadyFaceGetsACountdownAndThenItsPhoto() {
    Session s = new Session(0.2);
    double[] t = {0};
    assertFalse(run(s, t, 0.9, see(face(200, 100, 160))));
    assertEquals(Session.State.STEADY, s.state());
    assertFalse(run(s, t, 0.2, see(face(200, 100, 160))));
    assertEquals(Session.State.COUNTDOWN, s.state());
    assertTrue(s.countdown(t[0]) > 2.5);
    assertTrue(run(s, t, 3.1, see(face(200, 100, 160))), "the photo is taken by itself");
    assertEquals(Session.State.WORKING, s.state());
    s.analysed(t[0], true, null);
    assertEquals(Session.State.NAME, s.state());
    s.cardReady(t[0]);
    run(s, t, Session.CARD + 0.1, see());
    assertEquals(Session.State.IDLE, s.state(), "back to the attract screen");
  }

  @Test
  void movingRestartsTheHoldAndLeavingCallsOffTheCountdown() {
    Session s = new Session(0.2);
    double[] t = {0};
    for (int i = 0; i < 60; i++) { // two seconds of a face sliding across
      s.watch(t[0], see(face(100 + 15 * i, 100, 160)));
      t[0] += 1 / 30.0;
    }
    assertEquals(Session.State.STEADY, s.state(), "never still for a second");
    run(s, t, 1.5, see(face(200, 100, 160)));
    assertEquals(Session.State.COUNTDOWN, s.state());
    run(s, t, 1.0, see());
    assertEquals(Session.State.IDLE, s.state());
    assertEquals("Stay in the frame", s.message());
  }

  @Test
  void badFramesGetAdviceInsteadOfAPhoto() {
    Session s = new Session(0.2);
    double[] t = {0};
    assertFalse(run(s, t, 6, new Session.Sight(List.of(face(200, 100, 160)), 12, 640, 480)));
    assertTrue(s.message().contains("too dark"), s.message());
    assertFalse(run(s, t, 6, new Session.Sight(List.of(face(200, 100, 160)), 250, 640, 480)));
    assertTrue(s.message().contains("Too bright"), s.message());
    assertFalse(run(s, t, 6, see(face(300, 200, 40))));
    assertEquals("Come a little closer", s.message());
    assertTrue(run(s, t, 6, see(face(200, 100, 160), face(20, 20, 100))));
    assertTrue(s.message().contains("Several faces") || s.state() == Session.State.WORKING);
  }

  @Test
  void aKeyOrOscTakesThePhotoAtOnceAndNoFaceSaysSo() {
    Session s = new Session(0.2);
    s.captureNow(1);
    assertTrue(s.watch(1.01, see()), "taken on the next frame");
    s.analysed(1.1, false, null);
    assertEquals(Session.State.IDLE, s.state());
    assertTrue(s.message().contains("No face"), s.message());
  }

  @Test
  void aNameNobodyTypesIsGivenUp() {
    Session s = new Session(0.2);
    s.captureNow(0);
    s.watch(0, see());
    s.analysed(0, true, null);
    s.typing(10);
    s.watch(10 + Session.NAME_TIMEOUT - 1, see());
    assertEquals(Session.State.NAME, s.state(), "typing keeps it open");
    s.watch(10 + Session.NAME_TIMEOUT + 1, see());
    assertEquals(Session.State.IDLE, s.state());
  }
}
