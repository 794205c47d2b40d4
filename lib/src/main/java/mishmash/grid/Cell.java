package mishmash.grid;

import mishmash.archive.Creature;
import mishmash.model.Image;

/**
 * One place on the grid: the creature living there, its moving picture, and where it sits on
 * screen ({@link #x}, {@link #y}, {@link #w}, {@link #h}, set by {@link Grid#layout}).
 */
public final class Cell {
  public final int index;
  public float x;
  public float y;
  public float w;
  public float h;

  Creature creature;
  Film film;
  /** Sketch time at which the current creature arrived. */
  double placedAt;
  /** How many breaths this creature has taken; picks its next breath pose. */
  int breaths;
  /** The creature was born into this cell while the grid ran (not restored at start). */
  boolean bornHere;
  /** A birth for this cell is being prepared. */
  boolean expecting;

  Cell(int index, Creature creature, Image picture, double now) {
    this.index = index;
    this.creature = creature;
    this.film = new Film(picture, now);
    this.placedAt = now;
  }

  public Creature creature() {
    return creature;
  }

  public int column(int columns) {
    return index % columns;
  }

  public int row(int columns) {
    return index / columns;
  }

  /** Picture width and height in pixels (the generator's output size). */
  public int pictureWidth() {
    return film.last().width();
  }

  public int pictureHeight() {
    return film.last().height();
  }

  /**
   * Writes the picture at sketch time {@code now} into {@code pixels} (ARGB, the size of
   * {@link #pictureWidth()} × {@link #pictureHeight()}). Returns false when nothing changed since
   * the last call, so the caller need not upload it again.
   */
  public boolean render(double now, int[] pixels) {
    return film.render(now, pixels);
  }

  /** 1 at the moment of birth, fading to 0 over {@code seconds}; 0 for an established creature. */
  public float newborn(double now, double seconds) {
    if (!bornHere) {
      return 0;
    }
    double age = now - placedAt;
    return age < 0 || age > seconds ? 0 : (float) (1 - age / seconds);
  }
}
