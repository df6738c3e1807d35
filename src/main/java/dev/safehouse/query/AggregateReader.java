package dev.safehouse.query;

import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.QueryColumn;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;

/**
 * Reads an aggregate call — {@code COUNT(*)}, {@code COUNT(DISTINCT dimension)}, {@code
 * SUM|AVG|MIN|MAX(metric)} — and checks it against the column's allowed aggregates and, for MIN and
 * MAX, against differential privacy.
 */
final class AggregateReader {
  /**
   * An aggregate and its column.
   *
   * @param aggregate the aggregate
   * @param column its column (empty for COUNT(*))
   */
  record Call(Aggregate aggregate, Optional<QueryColumn> column) {}

  private final CheckScope scope;
  private final ColumnResolver columns;

  AggregateReader(CheckScope scope, ColumnResolver columns) {
    this.scope = scope;
    this.columns = columns;
  }

  /** Reads {@code fn}, reporting violations when {@code report} is set. */
  Optional<Call> read(Function fn, boolean report) {
    Span at = scope.spans.of(fn, new Span(0, 0));
    String name = fn.getName() == null ? "" : fn.getName().toLowerCase(Locale.ROOT);
    if (!plainCall(fn) || !isAggregateName(name)) {
      return fail(report, QueryRule.FUNCTION_NOT_ALLOWED, at, Expressions.describe(fn));
    }
    ExpressionList<?> params = fn.getParameters();
    boolean star =
        fn.isAllColumns()
            || params != null && params.size() == 1 && params.get(0) instanceof AllColumns;
    if (name.equals("count") && star) {
      return fn.isDistinct()
          ? fail(report, QueryRule.AGGREGATE_NOT_ALLOWED, at, "COUNT(DISTINCT *) is not allowed")
          : Optional.of(new Call(Aggregate.COUNT, Optional.empty()));
    }
    if (star || params == null || params.size() != 1) {
      return fail(
          report,
          QueryRule.AGGREGATE_NOT_ALLOWED,
          at,
          name.toUpperCase(Locale.ROOT) + " takes one column");
    }
    Expression argument = params.get(0);
    if (!(argument instanceof Column ref)) {
      return fail(
          report,
          QueryRule.FUNCTION_NOT_ALLOWED,
          scope.spans.of(argument, at),
          Expressions.describe(argument));
    }
    Optional<QueryColumn> column =
        report ? columns.resolve(ref, ColumnResolver.Use.AGGREGATE) : quietly(ref);
    if (column.isEmpty()) {
      return Optional.empty();
    }
    return check(name, fn.isDistinct(), column.get(), at, report);
  }

  private Optional<Call> check(
      String name, boolean distinct, QueryColumn column, Span at, boolean report) {
    String label =
        name.toUpperCase(Locale.ROOT) + "(" + (distinct ? "DISTINCT " : "") + column.name() + ")";
    Aggregate aggregate;
    if (name.equals("count")) {
      if (!distinct) {
        return fail(
            report,
            QueryRule.AGGREGATE_NOT_ALLOWED,
            at,
            label + " is not allowed; use COUNT(*) or COUNT(DISTINCT dimension)");
      }
      aggregate = Aggregate.COUNT_DISTINCT;
      if (column.columnClass() != ColumnClass.DIMENSION) {
        return fail(
            report,
            QueryRule.AGGREGATE_NOT_ALLOWED,
            at,
            label + ": COUNT(DISTINCT) needs a dimension");
      }
    } else {
      if (distinct) {
        return fail(
            report,
            QueryRule.AGGREGATE_NOT_ALLOWED,
            at,
            label + ": DISTINCT is allowed only in COUNT");
      }
      aggregate = Aggregate.valueOf(name.toUpperCase(Locale.ROOT));
      if (column.columnClass() != ColumnClass.METRIC) {
        return fail(
            report,
            QueryRule.AGGREGATE_NOT_ALLOWED,
            at,
            label + ": " + column.name() + " is not a metric");
      }
    }
    if (!column.aggregates().contains(aggregate)) {
      return fail(
          report,
          QueryRule.AGGREGATE_NOT_ALLOWED,
          at,
          label + " is not allowed by the column's policy");
    }
    if ((aggregate == Aggregate.MIN || aggregate == Aggregate.MAX) && scope.rules.dp().required()) {
      return fail(
          report,
          QueryRule.AGGREGATE_NOT_ALLOWED,
          at,
          label + " is not allowed under differential privacy");
    }
    return Optional.of(new Call(aggregate, Optional.of(column)));
  }

  private Optional<QueryColumn> quietly(Column ref) {
    if (!ColumnResolver.unqualified(ref) || scope.source().isEmpty()) {
      return Optional.empty();
    }
    return scope.source().get().column(ColumnResolver.name(ref));
  }

  private static boolean plainCall(Function fn) {
    return fn.getNamedParameters() == null
        && fn.getOrderByElements() == null
        && fn.getKeep() == null
        && fn.getHavingClause() == null
        && fn.getLimit() == null
        && fn.getNullHandling() == null
        && !fn.isIgnoreNulls()
        && !fn.isUnique()
        && fn.getAttribute() == null
        && fn.getExtraKeyword() == null
        && (fn.getMultipartName() == null || fn.getMultipartName().size() == 1);
  }

  private static boolean isAggregateName(String name) {
    return switch (name) {
      case "count", "sum", "avg", "min", "max" -> true;
      default -> false;
    };
  }

  private Optional<Call> fail(boolean report, QueryRule rule, Span at, String argument) {
    if (report) {
      scope.violations.add(rule, at, argument);
    }
    return Optional.empty();
  }
}
