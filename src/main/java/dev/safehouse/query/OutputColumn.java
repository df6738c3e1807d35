package dev.safehouse.query;

import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.QueryColumn;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one output item's inputs are in a {@link GeneratedQuery}'s result: 0-based result column
 * indices (JDBC index − 1), −1 where absent.
 *
 * @param label the output label
 * @param kind dimension or aggregate
 * @param aggregate the aggregate (empty for a dimension)
 * @param column the column (empty for {@code COUNT(*)})
 * @param valueIndex the value: the dimension, the count (for COUNT, the cell size), the distinct
 *     count, the clamped sum (SUM and AVG), or the clamped minimum or maximum
 * @param countIndex for AVG, the count of non-null values (the mean is sum / count); else −1
 * @param top1Index for SUM and AVG of a money metric, the largest clamped contribution; else −1
 * @param top2Index for SUM and AVG of a money metric, the second-largest clamped contribution (SQL
 *     NULL when the cell has one non-null value); else −1
 */
public record OutputColumn(
    String label,
    Kind kind,
    Optional<Aggregate> aggregate,
    Optional<QueryColumn> column,
    int valueIndex,
    int countIndex,
    int top1Index,
    int top2Index) {

  /** What an output column is. */
  public enum Kind {
    /** A grouped dimension. */
    DIMENSION,
    /** An aggregate. */
    AGGREGATE
  }

  /** Validates. */
  public OutputColumn {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(column, "column");
    if (valueIndex < 0 || countIndex < -1 || top1Index < -1 || top2Index < -1) {
      throw new IllegalArgumentException("indices are >= 0, or -1 when absent");
    }
    if ((kind == Kind.DIMENSION) != aggregate.isEmpty()) {
      throw new IllegalArgumentException("exactly aggregates name their aggregate");
    }
  }
}
