package mishmash.grid;

/** Which cell's creature makes way for the next newborn. */
public enum DeathPolicy {
  /** The cell whose creature has been there longest. */
  LEAST_RECENT,
  /** The creature of the earliest generation (the most ancient lineage); ties go to the longest there. */
  OLDEST_GENERATION,
  /** Any cell, by chance. */
  RANDOM,
  /** Cell after cell, row by row, like reading a page. */
  SWEEP
}
