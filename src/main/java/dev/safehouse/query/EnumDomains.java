package dev.safehouse.query;

import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.ColumnType;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The allowed values of each enum column, by column name. {@link dev.safehouse.policy.QueryColumn}
 * does not carry them, so they come from the dataset schemas; without them (see {@link #NONE}) an
 * enum literal is only checked to be a string.
 *
 * @param values allowed values by lower-case column name
 */
public record EnumDomains(Map<String, List<String>> values) {
  /** No known domains: enum literals are checked for type only. */
  public static final EnumDomains NONE = new EnumDomains(Map.of());

  /** Copies. */
  public EnumDomains {
    Map<String, List<String>> copy = new HashMap<>();
    values.forEach((column, list) -> copy.put(column, List.copyOf(list)));
    values = Map.copyOf(copy);
  }

  /** Collects the enum columns of every schema. */
  public static EnumDomains of(DatasetSchemas schemas) {
    Map<String, List<String>> values = new HashMap<>();
    for (DatasetSchema schema : schemas.all()) {
      for (ColumnSpec column : schema.columns()) {
        if (column.type() == ColumnType.ENUM) {
          values.put(column.name(), column.values());
        }
      }
    }
    return new EnumDomains(values);
  }

  /** Returns the allowed values of {@code column}, if known. */
  public Optional<List<String>> of(String column) {
    return Optional.ofNullable(values.get(column));
  }
}
