package dev.safehouse.policy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's query rules for one column, resolved against its dataset schema: the parts of a
 * {@link QueryColumn} the JSON schema does not carry.
 *
 * @param aggregates the aggregates allowed (never {@link Aggregate#COUNT}, which needs no column)
 * @param money whether the column is an amount of money (metrics only)
 * @param clampMin the lower clamp bound of a metric; NaN otherwise
 * @param clampMax the upper clamp bound of a metric; NaN otherwise
 * @param use how a sensitive column may be used; {@link SensitiveUse#NEVER} otherwise
 */
record ColumnPolicy(
    Set<Aggregate> aggregates, boolean money, double clampMin, double clampMax, SensitiveUse use) {

  ColumnPolicy {
    aggregates = Set.copyOf(aggregates);
    Objects.requireNonNull(use, "use");
  }

  /**
   * The rules of a column the provider does not list: a metric allows {@code SUM} and {@code AVG},
   * is not money and clamps to the schema bounds; a dimension allows {@code COUNT(DISTINCT)}; a
   * sensitive column is never usable; the identifier allows nothing.
   */
  static ColumnPolicy defaultFor(ColumnSpec column) {
    return switch (column.columnClass()) {
      case METRIC ->
          new ColumnPolicy(
              EnumSet.of(Aggregate.SUM, Aggregate.AVG),
              false,
              column.min().orElseThrow(),
              column.max().orElseThrow(),
              SensitiveUse.NEVER);
      case DIMENSION ->
          new ColumnPolicy(
              EnumSet.of(Aggregate.COUNT_DISTINCT),
              false,
              Double.NaN,
              Double.NaN,
              SensitiveUse.NEVER);
      case SENSITIVE, IDENTIFIER ->
          new ColumnPolicy(Set.of(), false, Double.NaN, Double.NaN, SensitiveUse.NEVER);
    };
  }
}
