package dev.safehouse.privacy;

import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.QueryColumn;
import java.util.Objects;
import java.util.Optional;

/**
 * One aggregate of a query's output.
 *
 * @param label the output column name
 * @param aggregate the function
 * @param column the column aggregated: absent for {@code COUNT(*)} only; a metric (with clamp
 *     bounds) for SUM, AVG, MIN and MAX
 */
public record AggregateSpec(String label, Aggregate aggregate, Optional<QueryColumn> column) {
  /**
   * Checks.
   *
   * @throws IllegalArgumentException if a column is missing, given to COUNT, or not a metric where
   *     one is needed
   */
  public AggregateSpec {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(column, "column");
    if ((aggregate == Aggregate.COUNT) == column.isPresent()) {
      throw new IllegalArgumentException(label + ": COUNT(*) alone has no column");
    }
    boolean needsMetric = aggregate != Aggregate.COUNT && aggregate != Aggregate.COUNT_DISTINCT;
    if (needsMetric && column.get().columnClass() != ColumnClass.METRIC) {
      throw new IllegalArgumentException(label + ": aggregates a column that is not a metric");
    }
  }

  /** Whether the dominance rule applies: a SUM or AVG of a money metric. */
  public boolean dominanceApplies() {
    return (aggregate == Aggregate.SUM || aggregate == Aggregate.AVG)
        && column.map(QueryColumn::money).orElse(false);
  }
}
