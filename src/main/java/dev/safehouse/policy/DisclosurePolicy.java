package dev.safehouse.policy;

import dev.safehouse.common.DatasetId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider's disclosure policy for its dataset, resolved: the query rules of every column of
 * the dataset schema (listed or defaulted) and the provider's rules for each template it overrides,
 * already merged over the template's own.
 *
 * @param dataset the dataset
 * @param columns the rules of every column, by name
 * @param overrides by template name, the template's rules with the provider's fields applied
 */
record DisclosurePolicy(
    DatasetId dataset, Map<String, ColumnPolicy> columns, Map<String, DisclosureRules> overrides) {

  DisclosurePolicy {
    Objects.requireNonNull(dataset, "dataset");
    columns = Map.copyOf(columns);
    overrides = Map.copyOf(overrides);
  }

  /** The policy of a dataset without a disclosure file: every column defaulted, no overrides. */
  static DisclosurePolicy defaultFor(DatasetSchema schema) {
    Map<String, ColumnPolicy> columns = new HashMap<>();
    for (ColumnSpec column : schema.columns()) {
      columns.put(column.name(), ColumnPolicy.defaultFor(column));
    }
    return new DisclosurePolicy(schema.id(), columns, Map.of());
  }

  /** Returns the provider's rules for {@code template}, if it overrides it. */
  Optional<DisclosureRules> override(String template) {
    return Optional.ofNullable(overrides.get(template));
  }
}
