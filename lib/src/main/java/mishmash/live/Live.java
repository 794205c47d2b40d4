package mishmash.live;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what a performer can play while a sketch runs. Declared once, it appears everywhere: the
 * keyboard, OSC, MIDI (learn), the on-screen panel, presets, modulation and recorded performances.
 *
 * <pre>
 * &#64;Live(min = 0, max = 2, smooth = 0.3) float mutation = 0.35f;   // a parameter: float, double, int, boolean or enum
 * &#64;Live void breed() { ... }                                       // an action: a method with no arguments
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Live {
  /** Lowest value (numbers only). */
  double min() default 0;

  /** Highest value (numbers only). */
  double max() default 1;

  /** What the number counts, for people: "s", "%", "cells". */
  String unit() default "";

  /**
   * What it does, in a few words for people ("seconds between births"): shown by OSCQuery clients
   * and on a TouchOSC layout. Empty: the name and range say it.
   */
  String description() default "";

  /**
   * Seconds a change of a float or double takes to settle (an exponential glide, about 95% there
   * after this time), so a jumpy fader or a stepped MIDI knob moves the picture smoothly. 0: at once.
   */
  double smooth() default 0;
}
