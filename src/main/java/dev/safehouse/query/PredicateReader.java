package dev.safehouse.query;

import dev.safehouse.policy.QueryColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Reads a WHERE clause into a {@link Predicate}: comparisons, IN, BETWEEN and IS [NOT] NULL between
 * a filterable column and values, combined with AND, OR, NOT and parentheses. Every other form is
 * reported; reading continues past errors so that all are found.
 */
final class PredicateReader {
  private final CheckScope scope;
  private final ColumnResolver columns;
  private final ValueReader values;

  PredicateReader(CheckScope scope, ColumnResolver columns) {
    this.scope = scope;
    this.columns = columns;
    this.values = new ValueReader(scope);
  }

  /** Reads {@code e}; empty if anything in it was reported. */
  Optional<Predicate> read(Expression e) {
    if (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      return read(list.get(0));
    }
    if (e instanceof AndExpression || e instanceof OrExpression) {
      return junction(e);
    }
    if (e instanceof NotExpression not) {
      return read(not.getExpression()).map(Predicate.Not::new);
    }
    if (e instanceof ComparisonOperator c && operator(c).isPresent()) {
      return comparison(c, operator(c).get());
    }
    if (e instanceof InExpression in) {
      Expression rotated = rotate(in);
      return rotated == in ? in(in) : read(rotated);
    }
    if (e instanceof Between b) {
      return between(b);
    }
    if (e instanceof IsNullExpression n) {
      return column(n.getLeftExpression()).map(c -> new Predicate.IsNull(c, n.isNot()));
    }
    if (e instanceof Select) {
      return Optional.empty();
    }
    Span at = scope.spans.of(e, new Span(0, 0));
    if (e instanceof ExistsExpression) {
      scope.violations.add(QueryRule.BAD_FILTER, at, "EXISTS");
    } else if (e instanceof Column) {
      scope.violations.add(QueryRule.BAD_FILTER, at, "a bare column");
    } else if (ValueReader.isValue(e)) {
      scope.violations.add(QueryRule.BAD_FILTER, at, "a constant");
    } else {
      scope.violations.add(QueryRule.BAD_FILTER, at, Expressions.describe(e));
    }
    return Optional.empty();
  }

  private Optional<Predicate> junction(Expression e) {
    boolean and = e instanceof AndExpression;
    List<Expression> operands = new ArrayList<>();
    flatten(e, and, operands);
    List<Predicate> read = new ArrayList<>();
    boolean complete = true;
    for (Expression operand : operands) {
      Optional<Predicate> p = read(operand);
      complete &= p.isPresent();
      p.ifPresent(read::add);
    }
    if (!complete) {
      return Optional.empty();
    }
    return Optional.of(and ? new Predicate.And(read) : new Predicate.Or(read));
  }

  private static void flatten(Expression e, boolean and, List<Expression> out) {
    Expression inner = e;
    while (inner instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
      inner = list.get(0);
    }
    if (inner instanceof InExpression in) {
      inner = rotate(in);
    }
    if (and && inner instanceof AndExpression a) {
      flatten(a.getLeftExpression(), true, out);
      flatten(a.getRightExpression(), true, out);
    } else if (!and && inner instanceof OrExpression o) {
      flatten(o.getLeftExpression(), false, out);
      flatten(o.getRightExpression(), false, out);
    } else {
      out.add(inner);
    }
  }

  /**
   * Undoes a JSqlParser 5.3 quirk: in {@code x IN (1, 2) AND y = 3} it parses the IN list as {@code
   * (1, 2) AND y = 3}. The list is the leftmost leaf of that condition, so rotating the IN into it
   * restores {@code (x IN (1, 2)) AND y = 3}, with AND/OR precedence as parsed.
   */
  static Expression rotate(InExpression in) {
    Expression right = in.getRightExpression();
    if (!(right instanceof AndExpression || right instanceof OrExpression)) {
      return in;
    }
    BinaryExpression junction = (BinaryExpression) right;
    InExpression inner = new InExpression(in.getLeftExpression(), junction.getLeftExpression());
    inner.setNot(in.isNot());
    inner.setASTNode(in.getASTNode());
    Expression left = rotate(inner);
    return junction instanceof AndExpression
        ? new AndExpression(left, junction.getRightExpression())
        : new OrExpression(left, junction.getRightExpression());
  }

  private Optional<Predicate> comparison(ComparisonOperator c, ComparisonOp op) {
    Expression left = c.getLeftExpression();
    Expression right = c.getRightExpression();
    if (left instanceof Column && right instanceof Column) {
      scope.report(QueryRule.BAD_FILTER, c, new Span(0, 0), "comparing two columns");
      return Optional.empty();
    }
    if (!(left instanceof Column) && right instanceof Column) {
      return compare(right, op.flipped(), left);
    }
    if (!(left instanceof Column)) {
      if (ValueReader.isValue(left) && ValueReader.isValue(right)) {
        scope.report(QueryRule.BAD_FILTER, c, new Span(0, 0), "comparing two constants");
      } else {
        notAColumn(left);
      }
      return Optional.empty();
    }
    return compare(left, op, right);
  }

  private Optional<Predicate> compare(
      Expression columnSide, ComparisonOp op, Expression valueSide) {
    Optional<QueryColumn> column = column(columnSide);
    Optional<Operand> value =
        column.isPresent() ? values.read(valueSide, column.get()) : Optional.empty();
    if (column.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Predicate.Comparison(column.get(), op, value.get()));
  }

  private Optional<Predicate> in(InExpression in) {
    Optional<QueryColumn> column = column(in.getLeftExpression());
    Expression right = in.getRightExpression();
    if (right instanceof Select || column.isEmpty()) {
      return Optional.empty();
    }
    if (!(right instanceof ExpressionList<?> list) || list.isEmpty()) {
      scope.report(QueryRule.BAD_FILTER, right, new Span(0, 0), "this IN list");
      return Optional.empty();
    }
    List<Operand> operands = new ArrayList<>();
    boolean complete = true;
    for (Expression item : list) {
      Optional<Operand> value = values.read(item, column.get());
      complete &= value.isPresent();
      value.ifPresent(operands::add);
    }
    return complete
        ? Optional.of(new Predicate.In(column.get(), operands, in.isNot()))
        : Optional.empty();
  }

  private Optional<Predicate> between(Between b) {
    Optional<QueryColumn> column = column(b.getLeftExpression());
    if (column.isEmpty()) {
      return Optional.empty();
    }
    Optional<Operand> low = values.read(b.getBetweenExpressionStart(), column.get());
    Optional<Operand> high = values.read(b.getBetweenExpressionEnd(), column.get());
    if (low.isEmpty() || high.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Predicate.Between(column.get(), low.get(), high.get(), b.isNot()));
  }

  /** Resolves the column side of a test; anything but a filterable column is reported. */
  private Optional<QueryColumn> column(Expression e) {
    if (!(e instanceof Column ref)) {
      notAColumn(e);
      return Optional.empty();
    }
    Optional<QueryColumn> column = columns.resolve(ref, ColumnResolver.Use.FILTER);
    if (column.isPresent() && !column.get().filterable()) {
      scope.report(
          QueryRule.BAD_FILTER, ref, new Span(0, 0), "filtering on " + column.get().name());
      return Optional.empty();
    }
    return column;
  }

  private void notAColumn(Expression e) {
    if (e instanceof Select) {
      return;
    }
    QueryRule rule = ValueReader.isValue(e) ? QueryRule.BAD_FILTER : QueryRule.FUNCTION_NOT_ALLOWED;
    scope.report(rule, e, new Span(0, 0), Expressions.describe(e));
  }

  private static Optional<ComparisonOp> operator(ComparisonOperator c) {
    if (c.getOldOracleJoinSyntax() != 0) {
      return Optional.empty();
    }
    if (c instanceof EqualsTo) {
      return Optional.of(ComparisonOp.EQ);
    }
    if (c instanceof NotEqualsTo) {
      return Optional.of(ComparisonOp.NE);
    }
    if (c instanceof GreaterThan) {
      return Optional.of(ComparisonOp.GT);
    }
    if (c instanceof GreaterThanEquals) {
      return Optional.of(ComparisonOp.GE);
    }
    if (c instanceof MinorThan) {
      return Optional.of(ComparisonOp.LT);
    }
    if (c instanceof MinorThanEquals) {
      return Optional.of(ComparisonOp.LE);
    }
    return Optional.empty();
  }
}
