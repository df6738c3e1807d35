package dev.safehouse.policy;

import dev.safehouse.common.DatasetId;
import dev.safehouse.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The schema of one dataset: its columns in CSV order, exactly one of them the {@code uscc}
 * identifier.
 *
 * @param id the dataset
 * @param schemaVersion the definition's own version number, from 1
 * @param description what the dataset holds
 * @param columns the columns, in the order of the CSV header
 */
public record DatasetSchema(
    DatasetId id, int schemaVersion, String description, List<ColumnSpec> columns) {

  /**
   * Validates the schema.
   *
   * @throws IllegalArgumentException if there is not exactly one identifier named {@code uscc},
   *     column names repeat, or the version is below 1
   */
  public DatasetSchema {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    columns = List.copyOf(columns);
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion starts at 1");
    }
    Set<String> names = new HashSet<>();
    long identifiers = 0;
    for (ColumnSpec column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("column " + column.name() + " appears twice");
      }
      if (column.columnClass() == ColumnClass.IDENTIFIER) {
        identifiers++;
        if (!"uscc".equals(column.name())) {
          throw new IllegalArgumentException("the identifier column must be named uscc");
        }
      }
    }
    if (identifiers != 1) {
      throw new IllegalArgumentException("a dataset has exactly one identifier column, uscc");
    }
  }

  /** Returns the column names in CSV order. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /** Returns the position of the {@code uscc} column. */
  public int usccIndex() {
    return columnNames().indexOf("uscc");
  }

  /** Returns the SQL table name of the dataset: its id with {@code -} replaced by {@code _}. */
  public String tableName() {
    return id.value().replace('-', '_');
  }

  /**
   * Returns the SHA-256 (hex) of the schema's canonical form: id, version and, per column, name,
   * type, class, nullability, enum values, bounds and pattern — not descriptions, so rewording a
   * description does not invalidate data encrypted against the schema. Providers put this hash in
   * their envelopes; the enclave refuses data encrypted against another schema.
   */
  public String schemaHash() {
    StringBuilder canonical = new StringBuilder();
    canonical
        .append("safehouse-schema/v1\n")
        .append(id.value())
        .append('\n')
        .append(schemaVersion)
        .append('\n');
    for (ColumnSpec c : columns) {
      canonical
          .append(c.name())
          .append('|')
          .append(c.type())
          .append('|')
          .append(c.columnClass())
          .append('|')
          .append(c.nullable())
          .append('|')
          .append(String.join(",", c.values()))
          .append('|')
          .append(c.min().map(String::valueOf).orElse(""))
          .append('|')
          .append(c.max().map(String::valueOf).orElse(""))
          .append('|')
          .append(c.pattern().map(Object::toString).orElse(""))
          .append('\n');
    }
    return Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
  }
}
