package dev.safehouse.scoring;

import java.util.List;
import java.util.Objects;

/**
 * One column of the fused view and how its value scores: the first (and, bins never overlapping,
 * only) bin that holds the value, or {@code missing} when the value is NULL — the column is empty,
 * or the enterprise has no row in the column's source — or lies in no bin.
 *
 * @param column a column of the fused view
 * @param bins non-overlapping bins, in file order
 * @param missing what a missing value, or one in no bin, earns
 */
public record Feature(String column, List<Bin> bins, Points missing) {
  /** Copies the bins. */
  public Feature {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(missing, "missing");
    bins = List.copyOf(bins);
    if (bins.isEmpty()) {
      throw new IllegalArgumentException("feature " + column + " needs at least one bin");
    }
  }

  /**
   * Returns the points {@code value} earns.
   *
   * @param value the value as DuckDB returns it, or null if missing
   * @throws IllegalArgumentException naming the column (never the value) if the value's type does
   *     not fit the bins
   */
  public Points pointsFor(Object value) {
    if (value == null) {
      return missing;
    }
    try {
      for (Bin bin : bins) {
        if (bin.matches(value)) {
          return bin.points();
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("feature " + column + ": " + e.getMessage());
    }
    return missing;
  }

  /** Returns the most points any bin, or a missing value, earns here. */
  public int bestPoints() {
    int best = missing.value();
    for (Bin bin : bins) {
      best = Math.max(best, bin.points().value());
    }
    return best;
  }
}
