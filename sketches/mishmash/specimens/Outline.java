package mishmash.specimens;

import java.awt.geom.Area;
import java.awt.geom.Path2D;
import processing.awt.PGraphicsJava2D;
import processing.core.PGraphics;

/**
 * A closed outline made of points, such as the edge of a head: drawn as a shape, or used as a
 * stencil so that shading drawn afterwards stays inside it ({@link #clip}, until {@code g.noClip()}).
 */
final class Outline {
  private float[] xs = new float[64];
  private float[] ys = new float[64];
  private int n;

  /** Adds the next point. */
  Outline point(float x, float y) {
    if (n == xs.length) {
      xs = java.util.Arrays.copyOf(xs, n * 2);
      ys = java.util.Arrays.copyOf(ys, n * 2);
    }
    xs[n] = x;
    ys[n] = y;
    n++;
    return this;
  }

  /** An ellipse as an outline of 48 points. */
  static Outline ellipse(float x, float y, float rx, float ry) {
    Outline o = new Outline();
    for (int i = 0; i < 48; i++) {
      float a = (float) (Math.PI * 2 * i / 48);
      o.point(x + (float) Math.cos(a) * rx, y + (float) Math.sin(a) * ry);
    }
    return o;
  }

  /** The same outline moved by (dx, dy). */
  Outline moved(float dx, float dy) {
    Outline o = new Outline();
    for (int i = 0; i < n; i++) {
      o.point(xs[i] + dx, ys[i] + dy);
    }
    return o;
  }

  int size() {
    return n;
  }

  float x(int i) {
    return xs[i];
  }

  float y(int i) {
    return ys[i];
  }

  /** Draws the outline as a closed shape with the current fill and stroke. */
  void draw(PGraphics g) {
    g.beginShape();
    for (int i = 0; i < n; i++) {
      g.vertex(xs[i], ys[i]);
    }
    g.endShape(processing.core.PConstants.CLOSE);
  }

  /** From now on, only the inside of these outlines (all of them together) is drawn on. */
  static void clip(PGraphics g, Outline... outlines) {
    if (!(g instanceof PGraphicsJava2D j)) {
      return;
    }
    Area area = new Area();
    for (Outline o : outlines) {
      area.add(new Area(o.path()));
    }
    j.g2.clip(area);
  }

  private Path2D.Float path() {
    Path2D.Float p = new Path2D.Float();
    for (int i = 0; i < n; i++) {
      if (i == 0) {
        p.moveTo(xs[i], ys[i]);
      } else {
        p.lineTo(xs[i], ys[i]);
      }
    }
    p.closePath();
    return p;
  }
}
