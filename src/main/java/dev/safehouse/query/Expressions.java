package dev.safehouse.query;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;

/** Names kinds of expression for messages, never quoting the expression itself. */
final class Expressions {
  private Expressions() {}

  /** Returns a short, fixed description of {@code e}'s kind (a function's name at most). */
  static String describe(Expression e) {
    if (e instanceof AnalyticExpression) {
      return "a window function";
    }
    if (e instanceof Function f) {
      return "function " + f.getName();
    }
    if (e instanceof CaseExpression) {
      return "CASE";
    }
    if (e instanceof CastExpression) {
      return "CAST";
    }
    if (e instanceof LikeExpression) {
      return "LIKE";
    }
    if (e instanceof BinaryExpression b) {
      return "operator " + b.getStringExpression();
    }
    if (ValueReader.isValue(e)) {
      return "a constant";
    }
    return "this expression";
  }
}
