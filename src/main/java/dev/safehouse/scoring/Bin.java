package dev.safehouse.scoring;

/**
 * One bin of a feature: the values it holds and the {@link Points} they earn. Bins of a feature
 * never overlap, so a value matches at most one.
 */
public sealed interface Bin permits RangeBin, EqualsBin {
  /** Returns the points this bin earns. */
  Points points();

  /**
   * Returns whether this bin holds {@code value}.
   *
   * @param value a non-null value as DuckDB returns it
   * @throws IllegalArgumentException if the value is not of the bin's kind (a number for a range,
   *     the type of {@code equals} otherwise)
   */
  boolean matches(Object value);
}
