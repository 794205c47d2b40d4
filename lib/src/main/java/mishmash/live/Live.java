package mishmash.live;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sketch field as a live parameter: declared once, it can be played while the sketch runs
 * (from the keyboard today; OSC, MIDI, presets and the on-screen panel build on the same
 * declaration). Works on float, double, int, boolean and enum fields.
 *
 * <pre>@Live(min = 0, max = 2) float mutation = 0.35f;   // how far a child strays</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Live {
  /** Lowest value (numbers only). */
  double min() default 0;

  /** Highest value (numbers only). */
  double max() default 1;

  /** What the number counts, for people: "s", "%", "cells". */
  String unit() default "";
}
