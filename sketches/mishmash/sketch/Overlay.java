package mishmash.sketch;

import java.util.Locale;
import mishmash.bench.Stats;
import mishmash.live.Param;
import processing.core.PApplet;
import processing.event.KeyEvent;
import processing.event.MouseEvent;

/**
 * Runs beside every sketch's draw(): fires its timers before the frame, shows the parameter being
 * played after it, measures frames when benchmarking, and hides the cursor when fullscreen.
 * Registered with Processing, so the sketch writes none of it.
 */
public final class Overlay {
  private final MishmashSketch sketch;
  private final double benchSeconds;
  private final double[] frameMs = new double[100_000];
  private int frames;
  private long lastFrame;
  private long firstFrameMs = -1;
  private double firstFrameAt;
  private boolean cursorHidden;
  private Panel panel;

  Overlay(MishmashSketch sketch) {
    this.sketch = sketch;
    this.benchSeconds = Double.parseDouble(sketch.option("--bench", "0"));
  }

  public void pre() {
    if (!cursorHidden && !sketch.headless() && sketch.option("--window", null) == null) {
      sketch.noCursor();
      cursorHidden = true;
    }
    long t = System.nanoTime();
    if (lastFrame != 0 && frames < frameMs.length) {
      frameMs[frames++] = (t - lastFrame) / 1e6;
    }
    lastFrame = t;
    sketch.beginFrame();
  }

  public void draw() {
    if (firstFrameMs < 0) {
      firstFrameMs = MishmashSketch.sinceStart();
      firstFrameAt = sketch.now();
    }
    sketch.drawVeil();
    if (!sketch.showOverlay()) {
      return;
    }
    panel().draw();
    Param p = sketch.selected;
    double age = sketch.now() - sketch.selectedAt;
    if (p != null && age < 2.5) {
      float alpha = (float) Math.min(1, (2.5 - age) * 2) * 255;
      String text = String.format(Locale.ROOT, "%s  %s   [TAB next · ↑↓ move]", p.name(), p.text());
      sketch.textSize(16);
      sketch.textAlign(PApplet.LEFT, PApplet.BOTTOM);
      sketch.noStroke();
      sketch.fill(0, alpha * 0.7f);
      sketch.rect(16, sketch.height - 46, sketch.textWidth(text) + 24, 32, 4);
      sketch.fill(255, 230, 160, alpha);
      sketch.text(text, 28, sketch.height - 20);
    }
    if (benchSeconds > 0 && sketch.now() - firstFrameAt >= benchSeconds) {
      report();
      System.out.flush();
      System.exit(0); // Processing's exit() can leave the AWT thread holding the JVM open

    }
  }

  Panel panel() {
    if (panel == null) {
      panel = new Panel(sketch, sketch.live());
    }
    return panel;
  }

  public void keyEvent(KeyEvent e) {
    if (panel().key(e)) {
      if (e.getKey() == PApplet.ESC) {
        sketch.key = 0; // Escape leaves the text field, not the sketch
      }
      return;
    }
    if (sketch.typing()) {
      return; // the sketch takes the keys (a visitor typing a name)
    }
    if (e.getAction() == KeyEvent.PRESS && (e.getKey() == 'p' || e.getKey() == 'P')) {
      panel().toggle();
      return;
    }
    sketch.key(e);
  }

  public void mouseEvent(MouseEvent e) {
    panel().mouse(e);
  }

  /** The frame-time table for the README. */
  private void report() {
    double[] ms = java.util.Arrays.copyOf(frameMs, frames);
    // the first second is start-up: JIT, first textures
    int skip = Math.min(frames / 2, (int) Math.ceil(sketch.frameRate));
    double[] steady = java.util.Arrays.copyOfRange(ms, skip, ms.length);
    if (steady.length == 0) {
      System.out.println("no frames were drawn");
      return;
    }
    System.out.printf(Locale.ROOT, "%n| sketch | renderer | size | frames | fps | median ms | p99 ms | first frame s | RSS MB | heap MB |%n");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| %s | %s | %dx%d | %d | %.1f | %.2f | %.2f | %.2f | %.0f | %.0f |%n",
        sketch.getClass().getSimpleName(), sketch.sketchRenderer(), sketch.width, sketch.height, steady.length,
        1000.0 * steady.length / sum(steady), Stats.median(steady), Stats.percentile(steady, 99),
        firstFrameMs / 1000.0, Stats.rssMb(), Stats.heapMb());
    String more = sketch.benchReport();
    if (more != null) {
      System.out.println(more);
    }
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
