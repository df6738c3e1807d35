package dev.safehouse.query;

import dev.safehouse.policy.ColumnType;
import dev.safehouse.policy.QueryColumn;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Reads the value side of a filter as an {@link Operand} typed to its column: strings for string,
 * enum and uscc columns (enum values from the column's domain), whole numbers for integer columns,
 * numbers for decimal columns, {@code TRUE}/{@code FALSE} for boolean columns, or a named parameter
 * whose type is the column's.
 */
final class ValueReader {
  private final CheckScope scope;

  ValueReader(CheckScope scope) {
    this.scope = scope;
  }

  /** Whether {@code e} is a literal or parameter (a candidate value). */
  static boolean isValue(Expression e) {
    return e instanceof StringValue
        || e instanceof LongValue
        || e instanceof DoubleValue
        || e instanceof BooleanValue
        || e instanceof NullValue
        || e instanceof JdbcNamedParameter
        || e instanceof JdbcParameter
        || e instanceof SignedExpression s && isValue(s.getExpression());
  }

  /** Reads {@code e} as a value for {@code column}, reporting what is wrong with it. */
  Optional<Operand> read(Expression e, QueryColumn column) {
    Span at = scope.spans.of(e, new Span(0, 0));
    if (e instanceof Select) {
      return Optional.empty();
    }
    if (e instanceof JdbcNamedParameter p) {
      return parameter(p, column, at);
    }
    if (e instanceof JdbcParameter) {
      scope.violations.add(
          QueryRule.BAD_PARAMETER, at, "positional ? parameters are not allowed; use :name");
      return Optional.empty();
    }
    if (e instanceof NullValue) {
      scope.violations.add(QueryRule.BAD_LITERAL, at, "NULL is not a value; use IS [NOT] NULL");
      return Optional.empty();
    }
    if (e instanceof Column || !isValue(e)) {
      if (e instanceof Column) {
        scope.violations.add(QueryRule.BAD_FILTER, at, "comparing with a column");
      } else {
        scope.violations.add(QueryRule.FUNCTION_NOT_ALLOWED, at, Expressions.describe(e));
      }
      return Optional.empty();
    }
    Optional<Object> value = literal(e, column.type(), column.name(), at);
    return value.map(Operand.Literal::new);
  }

  private Optional<Operand> parameter(JdbcNamedParameter p, QueryColumn column, Span at) {
    String name = p.getName();
    if (!":".equals(p.getParameterCharacter())
        || name == null
        || !Operand.Parameter.NAME.matcher(name).matches()) {
      scope.violations.add(
          QueryRule.BAD_PARAMETER, at, "parameters are :name, at most 63 characters");
      return Optional.empty();
    }
    Optional<List<String>> allowed =
        column.type() == ColumnType.ENUM ? scope.domains.of(column.name()) : Optional.empty();
    if (!scope.declare(name, column.type(), allowed)) {
      scope.violations.add(
          QueryRule.BAD_PARAMETER,
          at,
          "parameter :" + name + " is used with columns of different types");
      return Optional.empty();
    }
    return Optional.of(new Operand.Parameter(name));
  }

  private Optional<Object> literal(Expression e, ColumnType type, String column, Span at) {
    Object value = plain(e);
    if (value == null) {
      scope.violations.add(QueryRule.BAD_LITERAL, at, "unsupported literal for column " + column);
      return Optional.empty();
    }
    Optional<Object> typed =
        switch (type) {
          case STRING, USCC -> value instanceof String ? Optional.of(value) : Optional.empty();
          case ENUM -> enumValue(value, column, at);
          case BOOLEAN -> value instanceof Boolean ? Optional.of(value) : Optional.empty();
          case DECIMAL -> value instanceof BigDecimal ? Optional.of(value) : Optional.empty();
          case INTEGER -> integral(value);
        };
    if (typed.isEmpty() && !(type == ColumnType.ENUM && value instanceof String)) {
      scope.violations.add(
          QueryRule.BAD_LITERAL,
          at,
          "column "
              + column
              + " is "
              + type.name().toLowerCase(java.util.Locale.ROOT)
              + "; the literal is not");
    }
    return typed;
  }

  private Optional<Object> enumValue(Object value, String column, Span at) {
    if (!(value instanceof String s)) {
      return Optional.empty();
    }
    Optional<List<String>> domain = scope.domains.of(column);
    if (domain.isPresent() && !domain.get().contains(s)) {
      scope.violations.add(QueryRule.BAD_LITERAL, at, "not a value of enum column " + column);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  private static Optional<Object> integral(Object value) {
    if (!(value instanceof BigDecimal d)) {
      return Optional.empty();
    }
    try {
      return Optional.of(d.toBigIntegerExact().longValueExact());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Returns a String, BigDecimal or Boolean for a plain literal; null for anything else. */
  private Object plain(Expression e) {
    if (e instanceof StringValue s) {
      return s.getPrefix() == null ? s.getValue().replace("''", "'") : null;
    }
    if (e instanceof LongValue l) {
      return new BigDecimal(l.getBigIntegerValue());
    }
    if (e instanceof DoubleValue d) {
      try {
        return new BigDecimal(d.toString());
      } catch (NumberFormatException ex) {
        return null;
      }
    }
    if (e instanceof BooleanValue b) {
      return b.getValue();
    }
    if (e instanceof SignedExpression s && (s.getSign() == '-' || s.getSign() == '+')) {
      Object inner = plain(s.getExpression());
      if (inner instanceof BigDecimal d) {
        return s.getSign() == '-' ? d.negate() : d;
      }
    }
    return null;
  }
}
