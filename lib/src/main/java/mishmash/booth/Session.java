package mishmash.booth;

import java.util.List;
import mishmash.face.Box;
import mishmash.face.Face;

/**
 * The booth's flow, as a state machine that knows nothing about drawing or cameras: idle (attract
 * screen) → a face held steady for {@link #HOLD} s → a visible {@link #COUNTDOWN} → the photo →
 * working → name entry → the card → idle. The photo is taken by itself, because visitors did not
 * know what to press, or at once by a key, a button or OSC. Every frame it is told what the camera
 * sees and it says what to show; {@link #message()} is the line of advice for the screen (too dark,
 * come closer, several faces).
 */
public final class Session {
  public enum State { IDLE, STEADY, COUNTDOWN, WORKING, NAME, CARD }

  /** Seconds a face must stay still before the countdown. */
  public static final double HOLD = 1.0;
  /** Seconds of countdown. */
  public static final double COUNTDOWN = 3.0;
  /** Seconds the card stays up. */
  public static final double CARD = 15.0;
  /** Seconds without typing after which a name entry is given up (and the photo discarded). */
  public static final double NAME_TIMEOUT = 90.0;
  /** Seconds a face may vanish (a blink of the detector) before the countdown is called off. */
  static final double GRACE = 0.6;

  /**
   * What the camera sees in one frame: the faces (largest first), the frame's mean brightness and
   * the largest face's (0..255; the frame's when there is no face).
   */
  public record Sight(List<Face> faces, double brightness, double faceBrightness, int width, int height) {
    /** A look where the face is as bright as the frame. */
    public Sight(List<Face> faces, double brightness, int width, int height) {
      this(faces, brightness, brightness, width, height);
    }
  }

  /**
   * The light is judged on the face, not the frame: in a dim gallery the room around a visitor is
   * dark (a mean of 30) while their face, lit by the screen, is fine (75 or more). Below this the
   * face itself is too dark to read.
   */
  public static final double FACE_TOO_DARK = 45;
  /** A face brighter than this is washed out (glare, a lamp in the face). */
  public static final double FACE_TOO_BRIGHT = 235;
  /** With no face found, a frame this dark is probably why: the visitor is told. */
  public static final double ROOM_TOO_DARK = 35;
  /** With no face found, a frame this bright (pointing at a window) is probably why. */
  public static final double ROOM_TOO_BRIGHT = 225;

  private final double minFace;
  private State state = State.IDLE;
  private double since;
  private double lastSeen;
  private Box held;
  private String message = "";
  /** A message from an event (the countdown called off, no face in the photo): it stays until a face shows. */
  private boolean sticky;
  private boolean shoot;

  /** @param minFace the smallest face side, as a fraction of the frame's shorter side, worth a photo */
  public Session(double minFace) {
    this.minFace = minFace;
  }

  public State state() {
    return state;
  }

  /** Seconds since the state began. */
  public double elapsed(double now) {
    return now - since;
  }

  /** The advice for the screen ("" when there is none). */
  public String message() {
    return message;
  }

  /** Seconds left on the countdown. */
  public double countdown(double now) {
    return state == State.COUNTDOWN ? Math.max(0, COUNTDOWN - (now - since)) : 0;
  }

  private void go(State next, double now) {
    state = next;
    since = now;
  }

  /**
   * One frame's look through the camera. Returns true exactly once when the photo is to be taken
   * now (the caller takes the frame, analyses it and calls {@link #analysed}).
   */
  public boolean watch(double now, Sight sight) {
    switch (state) {
      case IDLE, STEADY, COUNTDOWN -> look(now, sight);
      case NAME -> {
        if (now - since > NAME_TIMEOUT) {
          message = "";
          go(State.IDLE, now); // nobody came back: the photo is discarded
        }
      }
      case CARD -> {
        if (now - since > CARD) {
          go(State.IDLE, now);
        }
      }
      default -> { }
    }
    boolean take = shoot;
    shoot = false;
    return take;
  }

  private void look(double now, Sight sight) {
    Face face = sight.faces().isEmpty() ? null : sight.faces().get(0);
    double side = Math.min(sight.width(), sight.height());
    String advice = "";
    double light = face != null ? sight.faceBrightness() : sight.brightness();
    if (light < (face != null ? FACE_TOO_DARK : ROOM_TOO_DARK)) {
      advice = "It is too dark here — find some light";
      face = null;
    } else if (light > (face != null ? FACE_TOO_BRIGHT : ROOM_TOO_BRIGHT)) {
      advice = "Too bright — step out of the glare";
      face = null;
    } else if (face != null && face.box().minSide() < minFace * side) {
      advice = "Come a little closer";
      face = null;
    } else if (sight.faces().size() > 1) {
      advice = "Several faces — the nearest one is taken";
    }
    if (!advice.isEmpty() || face != null || !sticky) {
      message = advice;
      sticky = false;
    }
    if (face == null) {
      if (state != State.IDLE && now - lastSeen > GRACE) {
        if (state == State.COUNTDOWN && message.isEmpty()) {
          message = "Stay in the frame";
          sticky = true;
        }
        held = null;
        go(State.IDLE, now);
      }
      return;
    }
    lastSeen = now;
    switch (state) {
      case IDLE -> {
        held = face.box();
        go(State.STEADY, now);
      }
      case STEADY -> {
        if (moved(held, face.box())) {
          held = face.box();
          since = now; // moving: start the hold again
        } else if (now - since >= HOLD) {
          go(State.COUNTDOWN, now);
        }
      }
      case COUNTDOWN -> {
        if (now - since >= COUNTDOWN) {
          take(now);
        }
      }
      default -> { }
    }
  }

  /** True when the face moved more than a fifth of its size, or grew or shrank by a quarter. */
  static boolean moved(Box a, Box b) {
    double size = Math.max(1, Math.min(a.width(), a.height()));
    double dx = (a.x() + a.width() / 2) - (b.x() + b.width() / 2);
    double dy = (a.y() + a.height() / 2) - (b.y() + b.height() / 2);
    double grow = b.width() / Math.max(1, a.width());
    return Math.hypot(dx, dy) > 0.2 * size || grow > 1.25 || grow < 0.8;
  }

  /** A key, a button or OSC asked for the photo: taken now, whatever the countdown says. */
  public void captureNow(double now) {
    if (state == State.IDLE || state == State.STEADY || state == State.COUNTDOWN) {
      take(now);
    }
  }

  private void take(double now) {
    shoot = true;
    message = "";
    go(State.WORKING, now);
  }

  /** The photo was analysed: with a face, on to the name; without one, back to idle with advice. */
  public void analysed(double now, boolean foundFace, String problem) {
    if (state != State.WORKING) {
      return;
    }
    if (foundFace) {
      message = "";
      go(State.NAME, now);
    } else {
      message = problem == null || problem.isEmpty() ? "No face found — look into the camera" : problem;
      sticky = true;
      go(State.IDLE, now);
    }
  }

  /** The visitor typed something: the name entry stays open. */
  public void typing(double now) {
    if (state == State.NAME) {
      since = now;
    }
  }

  /** The name was refused (empty): say so and keep asking. */
  public void nameRefused(String why) {
    message = why;
    sticky = true;
  }

  /** The card is made and saved. */
  public void cardReady(double now) {
    message = "";
    go(State.CARD, now);
  }

  /** Back to the attract screen (a key on the card, or an error). */
  public void reset(double now, String why) {
    message = why == null ? "" : why;
    sticky = !message.isEmpty();
    go(State.IDLE, now);
  }
}
