package dev.safehouse.query;

import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.QueryColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Reads the select list into {@link OutputItem}s — grouped dimensions and allowed aggregates, with
 * unique labels — and ORDER BY into references to those outputs.
 */
final class OutputReader {
  private static final Pattern LABEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final CheckScope scope;
  private final ColumnResolver columns;
  private final AggregateReader aggregates;

  OutputReader(CheckScope scope, ColumnResolver columns) {
    this.scope = scope;
    this.columns = columns;
    this.aggregates = new AggregateReader(scope, columns);
  }

  List<OutputItem> read(PlainSelect select, List<QueryColumn> groupBy, Span selectKeyword) {
    List<OutputItem> items = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    boolean anyAggregate = false;
    Span list = null;
    for (SelectItem<?> item : select.getSelectItems()) {
      Expression e = item.getExpression();
      Span at = scope.spans.of(item, scope.spans.of(e, selectKeyword));
      list = at.union(list);
      Optional<String> alias = alias(item, at, labels);
      if (e instanceof AllColumns) {
        scope.violations.add(QueryRule.SELECT_STAR, at);
      } else if (e instanceof Column ref) {
        dimension(ref, groupBy)
            .ifPresent(c -> items.add(new OutputItem.Dimension(c, label(alias, c.name(), labels))));
      } else if (e instanceof Function fn) {
        anyAggregate = true;
        aggregates
            .read(fn, true)
            .ifPresent(
                call ->
                    items.add(
                        new OutputItem.Aggregation(
                            call.aggregate(),
                            call.column(),
                            label(
                                alias,
                                OutputItem.Aggregation.derivedLabel(
                                    call.aggregate(), call.column()),
                                labels))));
      } else if (!(e instanceof Select)) {
        anyAggregate |= e instanceof net.sf.jsqlparser.expression.AnalyticExpression;
        scope.report(QueryRule.FUNCTION_NOT_ALLOWED, e, at, Expressions.describe(e));
      }
    }
    if (!anyAggregate && list != null) {
      scope.violations.add(
          QueryRule.ROW_LEVEL_OUTPUT, list, "a query must output at least one aggregate");
    }
    return items;
  }

  private Optional<QueryColumn> dimension(Column ref, List<QueryColumn> groupBy) {
    Optional<QueryColumn> column = columns.resolve(ref, ColumnResolver.Use.OUTPUT);
    if (column.isEmpty()) {
      return Optional.empty();
    }
    Span at = scope.spans.of(ref, new Span(0, 0));
    if (column.get().columnClass() != ColumnClass.DIMENSION) {
      scope.violations.add(
          QueryRule.ROW_LEVEL_OUTPUT, at, "column " + column.get().name() + " is not aggregated");
      return Optional.empty();
    }
    if (!groupBy.contains(column.get())) {
      scope.violations.add(
          QueryRule.ROW_LEVEL_OUTPUT, at, "column " + column.get().name() + " is not in GROUP BY");
      return Optional.empty();
    }
    return column;
  }

  private Optional<String> alias(SelectItem<?> item, Span at, Set<String> labels) {
    if (item.getAlias() == null) {
      return Optional.empty();
    }
    String label = Identifiers.normalise(item.getAlias().getName());
    Span aliasAt = at;
    for (SqlToken token : scope.text.tokens()) {
      if (token.start() >= at.start()
          && token.end() <= at.end()
          && Identifiers.normalise(token.text()).equals(label)) {
        aliasAt = token.span();
      }
    }
    if (!LABEL.matcher(label).matches()
        || !labels.add(label)
        || item.getAlias().getAliasColumns() != null) {
      scope.violations.add(QueryRule.ALIAS, aliasAt, label);
      return Optional.of(label + "_" + labels.size());
    }
    return Optional.of(label);
  }

  /** Returns the alias, or a derived label made unique with a numeric suffix. */
  private static String label(Optional<String> alias, String derived, Set<String> labels) {
    if (alias.isPresent()) {
      return alias.get();
    }
    String label = derived;
    for (int n = 2; !labels.add(label); n++) {
      label = derived + "_" + n;
    }
    return label;
  }

  List<QueryPlan.OrderKey> orderBy(List<OrderByElement> elements, List<OutputItem> items) {
    List<QueryPlan.OrderKey> keys = new ArrayList<>();
    if (elements == null) {
      return keys;
    }
    for (OrderByElement element : elements) {
      Expression e = element.getExpression();
      Span at = scope.spans.of(e, scope.text.keyword("ORDER", 0).orElse(new Span(0, 0)));
      if (element.getNullOrdering() != null) {
        scope.violations.add(QueryRule.ORDER_BY, at, "with NULLS FIRST/LAST");
        continue;
      }
      OptionalIndex index = outputIndex(e, items);
      if (index.reported()) {
        continue;
      }
      if (index.value() < 0) {
        scope.violations.add(
            QueryRule.ORDER_BY,
            at,
            e instanceof Column c ? ColumnResolver.name(c) : Expressions.describe(e));
      } else {
        keys.add(new QueryPlan.OrderKey(index.value(), !element.isAsc()));
      }
    }
    return keys;
  }

  private record OptionalIndex(int value, boolean reported) {}

  private OptionalIndex outputIndex(Expression e, List<OutputItem> items) {
    if (e instanceof LongValue position) {
      long n = position.getValue();
      return new OptionalIndex(n >= 1 && n <= items.size() ? (int) n - 1 : -1, false);
    }
    if (e instanceof Column ref) {
      String name = ColumnResolver.name(ref);
      for (int i = 0; i < items.size(); i++) {
        if (ColumnResolver.unqualified(ref) && items.get(i).label().equals(name)) {
          return new OptionalIndex(i, false);
        }
      }
      if (scope.source().isPresent() && scope.source().get().column(name).isPresent()) {
        Optional<QueryColumn> column = columns.resolve(ref, ColumnResolver.Use.ORDER);
        if (column.isEmpty()) {
          return new OptionalIndex(-1, true);
        }
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) instanceof OutputItem.Dimension d && d.column().equals(column.get())) {
            return new OptionalIndex(i, false);
          }
        }
      }
      return new OptionalIndex(-1, false);
    }
    if (e instanceof Function fn) {
      Optional<AggregateReader.Call> call = aggregates.read(fn, false);
      for (int i = 0; call.isPresent() && i < items.size(); i++) {
        if (items.get(i) instanceof OutputItem.Aggregation a
            && a.aggregate() == call.get().aggregate()
            && a.column().equals(call.get().column())) {
          return new OptionalIndex(i, false);
        }
      }
    }
    return new OptionalIndex(-1, false);
  }
}
