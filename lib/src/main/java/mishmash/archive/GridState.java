package mishmash.archive;

/**
 * What is on the grid, so that a restart brings it back exactly: its shape, the seed in each cell
 * (row by row), how many births there have been and the seed the breeding draws from.
 */
public record GridState(int columns, int rows, long[] cells, long births, long seed) {
  public GridState {
    cells = cells.clone();
    if (columns < 1 || rows < 1 || cells.length != columns * rows) {
      throw new IllegalArgumentException("a " + columns + "x" + rows + " grid needs " + columns * rows
          + " cells, got " + cells.length);
    }
  }
}
