package dev.safehouse.query;

import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.QueryColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/** Reads GROUP BY: dimension columns only, each once, in order. */
final class GroupByReader {
  private final CheckScope scope;
  private final ColumnResolver columns;

  GroupByReader(CheckScope scope, ColumnResolver columns) {
    this.scope = scope;
    this.columns = columns;
  }

  List<QueryColumn> read(PlainSelect select) {
    List<QueryColumn> dimensions = new ArrayList<>();
    GroupByElement groupBy = select.getGroupBy();
    if (groupBy == null) {
      return dimensions;
    }
    Span fallback = scope.text.keyword("GROUP", 0).orElse(new Span(0, 0));
    if (groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty()) {
      scope.violations.add(
          QueryRule.CLAUSE,
          scope.text.keyword("GROUPING", fallback.start()).orElse(fallback),
          "GROUPING SETS");
    }
    if (groupBy.getGroupByExpressionList() == null) {
      return dimensions;
    }
    for (Object item : groupBy.getGroupByExpressionList()) {
      Expression e = (Expression) item;
      if (!(e instanceof Column ref)) {
        scope.report(QueryRule.NOT_A_DIMENSION, e, fallback, Expressions.describe(e));
        continue;
      }
      Optional<QueryColumn> column = columns.resolve(ref, ColumnResolver.Use.GROUP);
      if (column.isEmpty()) {
        continue;
      }
      if (column.get().columnClass() != ColumnClass.DIMENSION) {
        scope.report(QueryRule.NOT_A_DIMENSION, ref, fallback, column.get().name());
      } else if (!dimensions.contains(column.get())) {
        dimensions.add(column.get());
      }
    }
    return dimensions;
  }
}
