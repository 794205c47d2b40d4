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
 * that difference is what keeps the grid at 60 frames a second without a GPU.
 */
public final class Pictures {
  private final PApplet sketch;
  private final Map<Integer, Entry> entries = new HashMap<>();

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
}
