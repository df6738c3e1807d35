package dev.safehouse.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes a {@link Predicate} as SQL with {@code ?} placeholders, appending their bindings. */
final class PredicateSql {
  private PredicateSql() {}

  static String write(Predicate predicate, Map<String, Object> values, List<Object> bindings) {
    if (predicate instanceof Predicate.Comparison c) {
      return column(c) + " " + c.op().sql() + " " + bind(c.value(), values, bindings);
    }
    if (predicate instanceof Predicate.In in) {
      StringBuilder out =
          new StringBuilder(column(in)).append(in.negated() ? " NOT IN (" : " IN (");
      for (int i = 0; i < in.values().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(bind(in.values().get(i), values, bindings));
      }
      return out.append(")").toString();
    }
    if (predicate instanceof Predicate.Between b) {
      String low = bind(b.low(), values, bindings);
      String high = bind(b.high(), values, bindings);
      return column(b) + (b.negated() ? " NOT BETWEEN " : " BETWEEN ") + low + " AND " + high;
    }
    if (predicate instanceof Predicate.IsNull n) {
      return column(n) + (n.negated() ? " IS NOT NULL" : " IS NULL");
    }
    if (predicate instanceof Predicate.And and) {
      return join(and.operands(), " AND ", values, bindings);
    }
    if (predicate instanceof Predicate.Or or) {
      return join(or.operands(), " OR ", values, bindings);
    }
    Predicate.Not not = (Predicate.Not) predicate;
    return "(NOT " + write(not.operand(), values, bindings) + ")";
  }

  private static String join(
      List<Predicate> operands,
      String operator,
      Map<String, Object> values,
      List<Object> bindings) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < operands.size(); i++) {
      out.append(i == 0 ? "" : operator).append(write(operands.get(i), values, bindings));
    }
    return out.append(")").toString();
  }

  private static String bind(Operand operand, Map<String, Object> values, List<Object> bindings) {
    Object value =
        operand instanceof Operand.Literal literal
            ? literal.value()
            : values.get(((Operand.Parameter) operand).name());
    // JDBC drivers (DuckDB's included) reject decimals with a negative scale, such as 1E+2.
    if (value instanceof BigDecimal d && d.scale() < 0) {
      value = d.setScale(0);
    }
    bindings.add(value);
    return "?";
  }

  private static String column(Predicate leaf) {
    String name;
    if (leaf instanceof Predicate.Comparison c) {
      name = c.column().name();
    } else if (leaf instanceof Predicate.In in) {
      name = in.column().name();
    } else if (leaf instanceof Predicate.Between b) {
      name = b.column().name();
    } else {
      name = ((Predicate.IsNull) leaf).column().name();
    }
    return SqlGenerator.identifier(name);
  }
}
