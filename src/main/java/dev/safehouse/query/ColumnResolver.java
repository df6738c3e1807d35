package dev.safehouse.query;

import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.QueryColumn;
import dev.safehouse.policy.SensitiveUse;
import java.util.Optional;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;

/**
 * Resolves column references against the query's source and applies the column-level rules that
 * hold wherever a column appears: unknown columns, the identifier column, datasets outside the
 * project, and sensitive columns outside their allowed use.
 */
final class ColumnResolver {
  /** Where a column is used. */
  enum Use {
    OUTPUT,
    GROUP,
    ORDER,
    AGGREGATE,
    FILTER
  }

  private final CheckScope scope;

  ColumnResolver(CheckScope scope) {
    this.scope = scope;
  }

  /** Returns the normalised name of a reference, without its qualifier. */
  static String name(Column column) {
    return Identifiers.normalise(column.getColumnName());
  }

  /** Returns whether the reference carries no qualifier. */
  static boolean unqualified(Column column) {
    Table table = column.getTable();
    return table == null || table.getName() == null;
  }

  /**
   * Resolves {@code ref} for {@code use}, reporting every rule it breaks.
   *
   * @return the column, if it exists and may be used so (its class is checked by the caller)
   */
  Optional<QueryColumn> resolve(Column ref, Use use) {
    Span at = scope.spans.of(ref, new Span(0, 0));
    if (scope.source().isEmpty()) {
      return Optional.empty();
    }
    String name = name(ref);
    if (!unqualified(ref) && !qualifiedBySource(ref.getTable())) {
      scope.violations.add(
          QueryRule.UNKNOWN_COLUMN, at, ref.getFullyQualifiedName(), scope.source().get().name());
      return Optional.empty();
    }
    Optional<QueryColumn> found = scope.source().get().column(name);
    if (found.isEmpty()) {
      scope.violations.add(QueryRule.UNKNOWN_COLUMN, at, name, scope.source().get().name());
      return Optional.empty();
    }
    QueryColumn column = found.get();
    if (column.columnClass() == ColumnClass.IDENTIFIER) {
      scope.violations.add(QueryRule.IDENTIFIER_COLUMN, at, name);
      return Optional.empty();
    }
    if (!scope.projectDatasets.contains(column.dataset())) {
      scope.violations.add(QueryRule.DATASET_NOT_IN_PROJECT, at, name, column.dataset());
      return Optional.empty();
    }
    if (column.columnClass() == ColumnClass.SENSITIVE) {
      if (column.sensitiveUse() == SensitiveUse.NEVER) {
        scope.violations.add(QueryRule.SENSITIVE_COLUMN, at, name, "not be used in queries");
        return Optional.empty();
      }
      if (use != Use.FILTER) {
        scope.violations.add(QueryRule.SENSITIVE_COLUMN, at, name, "be used only in WHERE");
        return Optional.empty();
      }
    }
    return Optional.of(column);
  }

  private boolean qualifiedBySource(Table table) {
    return table.getSchemaName() == null
        && table.getDatabaseName() == null
        && scope.namesSource(Identifiers.normalise(table.getName()));
  }
}
