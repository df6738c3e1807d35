package dev.safehouse.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One column of a dataset schema, as defined in {@code policies/datasets/}.
 *
 * @param name a lower-case SQL identifier
 * @param type how cells are written and typed
 * @param columnClass what the column may be used for
 * @param nullable whether an empty cell is allowed
 * @param values the allowed values of an {@link ColumnType#ENUM} column, else empty
 * @param min the lower bound of a numeric column, if any
 * @param max the upper bound of a numeric column, if any
 * @param pattern a regular expression every non-empty {@link ColumnType#STRING} cell must match
 * @param description what the column means
 */
public record ColumnSpec(
    String name,
    ColumnType type,
    ColumnClass columnClass,
    boolean nullable,
    List<String> values,
    Optional<Double> min,
    Optional<Double> max,
    Optional<Pattern> pattern,
    String description) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /**
   * Validates the definition.
   *
   * @throws IllegalArgumentException naming the column and what is wrong with its definition
   */
  public ColumnSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(columnClass, "columnClass");
    values = List.copyOf(values);
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(description, "description");
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new IllegalArgumentException("column names are lower-case SQL identifiers");
    }
    String where = "column " + name + ": ";
    if (type == ColumnType.ENUM && values.isEmpty()) {
      throw new IllegalArgumentException(where + "an enum needs its values");
    }
    if (type != ColumnType.ENUM && !values.isEmpty()) {
      throw new IllegalArgumentException(where + "only enums list values");
    }
    boolean numeric = type == ColumnType.INTEGER || type == ColumnType.DECIMAL;
    if (!numeric && (min.isPresent() || max.isPresent())) {
      throw new IllegalArgumentException(where + "only numeric columns have bounds");
    }
    if (columnClass == ColumnClass.METRIC && (!numeric || min.isEmpty() || max.isEmpty())) {
      throw new IllegalArgumentException(
          where + "a metric is numeric with min and max (its clamp bounds)");
    }
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      throw new IllegalArgumentException(where + "min is above max");
    }
    if (pattern.isPresent() && type != ColumnType.STRING) {
      throw new IllegalArgumentException(where + "only string columns have a pattern");
    }
    if ((type == ColumnType.USCC) != (columnClass == ColumnClass.IDENTIFIER)) {
      throw new IllegalArgumentException(where + "the uscc column, and only it, is the identifier");
    }
  }
}
