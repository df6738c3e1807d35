package dev.safehouse.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table or view queries may read: {@code fused} or one of the source tables.
 *
 * @param name lower-case SQL identifier, as written in queries and in the enclave's database
 * @param columns its columns, in table order
 */
public record QuerySource(String name, List<QueryColumn> columns) {
  /** Validates and copies. */
  public QuerySource {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  /** Finds a column by its (lower-case) name. */
  public Optional<QueryColumn> column(String columnName) {
    for (QueryColumn column : columns) {
      if (column.name().equals(columnName)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }
}
