package dev.safehouse.policy;

import dev.safehouse.common.DatasetId;
import java.util.Objects;
import java.util.Set;

/**
 * One column as queries see it: its dataset schema's type and class, merged with the disclosure
 * policy of the provider that owns it.
 *
 * @param dataset the dataset (and so the provider) the column belongs to
 * @param name lower-case SQL identifier, unique across the sources
 * @param type the cell type
 * @param columnClass what the column may be used for
 * @param clampMin lower clamp bound of a metric (every aggregate clamps to it); NaN otherwise
 * @param clampMax upper clamp bound of a metric; NaN otherwise
 * @param aggregates the aggregates allowed on a metric ({@link Aggregate#COUNT_DISTINCT} on a
 *     dimension); empty for other classes
 * @param money whether a metric is an amount of money, to which the dominance rule applies
 * @param sensitiveUse how a sensitive column may be used; {@link SensitiveUse#NEVER} for other
 *     classes (ignored)
 */
public record QueryColumn(
    DatasetId dataset,
    String name,
    ColumnType type,
    ColumnClass columnClass,
    double clampMin,
    double clampMax,
    Set<Aggregate> aggregates,
    boolean money,
    SensitiveUse sensitiveUse) {

  /** Validates and copies. */
  public QueryColumn {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(columnClass, "columnClass");
    aggregates = Set.copyOf(aggregates);
    Objects.requireNonNull(sensitiveUse, "sensitiveUse");
    if (columnClass == ColumnClass.METRIC && !(clampMin <= clampMax)) {
      throw new IllegalArgumentException("column " + name + ": a metric needs clamp bounds");
    }
  }

  /** Whether the column may appear in a {@code WHERE} clause. */
  public boolean filterable() {
    return switch (columnClass) {
      case DIMENSION, METRIC -> true;
      case SENSITIVE -> sensitiveUse == SensitiveUse.FILTER_ONLY;
      case IDENTIFIER -> false;
    };
  }
}
