package dev.safehouse.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One output cell (one group of a GROUP BY, or the single cell of an ungrouped query), as computed
 * inside the enclave before any check. Never leaves the enclave.
 *
 * @param key the group's values, in GROUP BY order (elements may be null); empty when ungrouped
 * @param enterprises the number of distinct enterprises in the cell
 * @param aggregates one per output aggregate, in output order
 */
public record RawCell(List<Object> key, long enterprises, List<RawAggregate> aggregates) {
  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException if {@code enterprises < 0}
   */
  public RawCell {
    key = copyOf(key);
    if (enterprises < 0) {
      throw new IllegalArgumentException("a cell's enterprise count is non-negative");
    }
    aggregates = List.copyOf(aggregates);
  }

  /**
   * Returns an unmodifiable copy of a group key, which (unlike {@link List#copyOf}) keeps nulls.
   */
  static List<Object> copyOf(List<Object> key) {
    return Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(key, "key")));
  }
}
