package mishmash.grid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** The cells of the archive grid, row by row, and how they are laid out on screen. */
public final class Grid implements Iterable<Cell> {
  private final int columns;
  private final int rows;
  private final List<Cell> cells;
  private int sweep;

  Grid(int columns, int rows, List<Cell> cells) {
    this.columns = columns;
    this.rows = rows;
    this.cells = new ArrayList<>(cells);
  }

  public int columns() {
    return columns;
  }

  public int rows() {
    return rows;
  }

  public int size() {
    return cells.size();
  }

  public Cell get(int index) {
    return cells.get(index);
  }

  /** True when {@code cell} is one of this grid's cells (after a resize, the kept ones are). */
  boolean holds(Cell cell) {
    return cell.index < cells.size() && cells.get(cell.index) == cell;
  }

  @Override
  public Iterator<Cell> iterator() {
    return Collections.unmodifiableList(cells).iterator();
  }

  /**
   * Places the cells in a {@code width × height} area: square pictures, centred in their slots,
   * with {@code labelHeight} pixels under each for its label.
   */
  public void layout(float width, float height, float labelHeight) {
    float slotW = width / columns;
    float slotH = height / rows;
    float side = Math.max(1, Math.min(slotW * 0.9f, slotH * 0.92f - labelHeight));
    float padX = (slotW - side) / 2;
    float padY = (slotH - side - labelHeight) / 2;
    for (Cell c : cells) {
      // whole pixels, so a picture drawn at its own size is a plain copy
      c.x = Math.round(c.column(columns) * slotW + padX);
      c.y = Math.round(c.row(columns) * slotH + padY);
      c.w = (int) side;
      c.h = (int) side;
    }
  }

  /** The cell whose creature makes way next, skipping cells that already expect a birth. */
  Cell nextToDie(DeathPolicy policy, Random random) {
    List<Cell> free = new ArrayList<>();
    for (Cell c : cells) {
      if (!c.expecting) {
        free.add(c);
      }
    }
    if (free.isEmpty()) {
      return null;
    }
    return switch (policy) {
      case RANDOM -> free.get(random.nextInt(free.size()));
      case LEAST_RECENT -> Collections.min(free, (a, b) -> Double.compare(a.placedAt, b.placedAt));
      case OLDEST_GENERATION -> Collections.min(free, (a, b) -> a.creature.generation() != b.creature.generation()
          ? Integer.compare(a.creature.generation(), b.creature.generation())
          : Double.compare(a.placedAt, b.placedAt));
      case SWEEP -> {
        for (int i = 0; i < cells.size(); i++) {
          Cell c = cells.get((sweep + i) % cells.size());
          if (!c.expecting) {
            sweep = (c.index + 1) % cells.size();
            yield c;
          }
        }
        yield free.get(0);
      }
    };
  }

  long[] seeds() {
    long[] seeds = new long[cells.size()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = cells.get(i).creature.seed();
    }
    return seeds;
  }
}
