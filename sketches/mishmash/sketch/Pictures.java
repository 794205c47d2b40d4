package mishmash.sketch;

import java.util.HashMap;
import java.util.Map;
import mishmash.grid.Cell;
import processing.core.PApplet;
import processing.core.PImage;

/**
 * The grid cells' pictures as PImages at their size on screen. Each cell's picture is blended at
 * the model's resolution and scaled (bilinear) here, only when it changed, and a slowly breathing
 * cell is refreshed every other frame at most, odd cells on odd frames and even on even, so that the
 * work is the same in every frame (bunched on alternate frames, it showed as p99 spikes). Drawing an image at its own size is a plain copy
 * for Processing's JAVA2D renderer, where a scaled draw costs a software transform every frame:
 * that difference is what keeps the grid at 60 frames a second without a GPU. When the grid changes
 * shape, at most {@link #RESIZES_PER_FRAME} pictures are re-made at the new size per frame; the others
 * keep their old size for the frame or two until their turn.
 */
public final class Pictures {
  /** Cells re-made at a new size in one frame at most: when the grid changes shape the rest follow over the next frames. */
  static final int RESIZES_PER_FRAME = 24;

  private final PApplet sketch;
  private final Map<Integer, Entry> entries = new HashMap<>();
  private int resizeFrame = -1;
  private int resizes;

  private static final class Entry {
    int[] source;
    PImage shown;
    int lastUpdate = -1;
    boolean stale;
  }

  public Pictures(PApplet sketch) {
    this.sketch = sketch;
  }

  /** The cell's picture at sketch time {@code now}, {@code w × h} pixels. */
  public PImage of(Cell cell, double now, int w, int h) {
    Entry e = entries.computeIfAbsent(cell.index, i -> new Entry());
    int sw = cell.pictureWidth();
    int sh = cell.pictureHeight();
    boolean resized = e.shown == null || e.shown.width != w || e.shown.height != h
        || e.source == null || e.source.length != sw * sh;
    if (resized && e.shown != null && e.source.length == sw * sh && !mayResize()) {
      return e.shown; // at its old size for a frame or two, rather than a frame that re-makes the whole wall
    }
    if (resized) {
      e.source = new int[sw * sh];
      e.shown = sketch.createImage(Math.max(1, w), Math.max(1, h), PApplet.RGB);
      e.shown.loadPixels();
      e.stale = true;
      e.lastUpdate = -1;
    }
    boolean hurry = cell.newborn(now, 3) > 0 || resized;
    if (!hurry && e.lastUpdate >= 0 && (sketch.frameCount + cell.index) % 2 != 0) {
      return e.shown; // a breathing cell can wait a frame: half the cells refresh on even frames, half on odd
    }
    e.stale |= cell.render(now, e.source);
    if (e.stale) {
      Scale.bilinear(e.source, sw, sh, e.shown.pixels, e.shown.width, e.shown.height);
      e.shown.updatePixels();
      e.stale = false;
      e.lastUpdate = sketch.frameCount;
    }
    return e.shown;
  }

  private boolean mayResize() {
    if (sketch.frameCount != resizeFrame) {
      resizeFrame = sketch.frameCount;
      resizes = 0;
    }
    return resizes++ < RESIZES_PER_FRAME;
  }
}
