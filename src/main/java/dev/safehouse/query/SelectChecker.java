package dev.safehouse.query;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.QueryCatalog;
import dev.safehouse.policy.QueryColumn;
import dev.safehouse.policy.QuerySource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Checks one parsed statement: that it is a single plain SELECT from one catalog source, and each
 * of its clauses (via {@link OutputReader}, {@link PredicateReader}, {@link ClauseChecker}).
 */
final class SelectChecker {
  private final QueryCatalog catalog;
  private final CheckScope scope;

  SelectChecker(
      QueryCatalog catalog,
      Set<DatasetId> projectDatasets,
      DisclosureRules rules,
      EnumDomains domains,
      QueryText text,
      Violations violations) {
    this.catalog = catalog;
    this.scope = new CheckScope(projectDatasets, rules, domains, text, violations);
  }

  /** Checks {@code statement}, which starts at offset {@code start}; null if denied. */
  QueryPlan check(Statement statement, int start) {
    Span first = scope.text.tokenAt(start);
    if (statement instanceof ParenthesedSelect parenthesed) {
      scope.violations.add(QueryRule.SUBQUERY, first, "a parenthesised query");
      return parenthesed.getSelect() == null ? null : check(parenthesed.getSelect(), start);
    }
    if (statement instanceof SetOperationList set) {
      Select head = set.getSelects().isEmpty() ? null : set.getSelects().get(0);
      return head instanceof PlainSelect plain ? select(plain, first) : null;
    }
    if (statement instanceof PlainSelect plain) {
      return select(plain, first);
    }
    if (!(statement instanceof Select)) {
      String keyword =
          scope.text.find(start, t -> true).map(SqlToken::upper).orElse("this statement");
      scope.violations.add(QueryRule.NOT_A_SELECT, first, keyword);
    }
    return null;
  }

  private QueryPlan select(PlainSelect select, Span statementStart) {
    Span selectKeyword =
        scope.spans.find(select).map(s -> scope.text.tokenAt(s.start())).orElse(statementStart);
    new ClauseChecker(scope).check(select, selectKeyword);
    Optional<String> source = source(select, selectKeyword);
    ColumnResolver columns = new ColumnResolver(scope);
    List<QueryColumn> groupBy = new GroupByReader(scope, columns).read(select);
    OutputReader outputs = new OutputReader(scope, columns);
    List<OutputItem> items = outputs.read(select, groupBy, selectKeyword);
    Optional<Predicate> where = Optional.empty();
    if (select.getWhere() != null) {
      where = new PredicateReader(scope, columns).read(select.getWhere());
    }
    List<QueryPlan.OrderKey> orderBy = outputs.orderBy(select.getOrderByElements(), items);
    OptionalInt limit = new LimitReader(scope).read(select);
    if (!scope.violations.isEmpty() || source.isEmpty()) {
      return null;
    }
    return new QueryPlan(source.get(), groupBy, items, where, orderBy, limit, scope.parameters());
  }

  private Optional<String> source(PlainSelect select, Span selectKeyword) {
    FromItem from = select.getFromItem();
    if (from == null) {
      scope.violations.add(QueryRule.UNKNOWN_SOURCE, selectKeyword, "(none)");
      return Optional.empty();
    }
    if (select.getJoins() != null) {
      for (Join join : select.getJoins()) {
        scope.report(QueryRule.JOIN, join, scope.spans.of(join.getFromItem(), selectKeyword));
      }
    }
    if (from instanceof Select) {
      return Optional.empty();
    }
    Span at = scope.spans.of(from, selectKeyword);
    if (from instanceof ParenthesedFromItem) {
      scope.violations.add(QueryRule.JOIN, at);
      return Optional.empty();
    }
    if (!(from instanceof Table table)) {
      scope.violations.add(QueryRule.UNKNOWN_SOURCE, at, "(not a table)");
      return Optional.empty();
    }
    String name = Identifiers.normalise(table.getName());
    Optional<QuerySource> found =
        table.getSchemaName() == null && table.getDatabaseName() == null
            ? catalog.source(name)
            : Optional.empty();
    if (found.isEmpty()) {
      scope.violations.add(QueryRule.UNKNOWN_SOURCE, at, table.getFullyQualifiedName());
      return Optional.empty();
    }
    if (!name.equals(QueryCatalog.FUSED)) {
      for (QueryColumn column : found.get().columns()) {
        if (!scope.projectDatasets.contains(column.dataset())) {
          scope.violations.add(
              QueryRule.DATASET_NOT_IN_PROJECT, at, "source " + name, column.dataset());
          return Optional.empty();
        }
      }
    }
    String alias =
        table.getAlias() == null ? null : Identifiers.normalise(table.getAlias().getName());
    scope.source(found.get(), alias);
    return Optional.of(name.toLowerCase(Locale.ROOT));
  }
}
