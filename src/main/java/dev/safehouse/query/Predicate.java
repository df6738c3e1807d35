package dev.safehouse.query;

import dev.safehouse.policy.QueryColumn;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A filter of a {@link QueryPlan}: a tree of column-versus-value tests. Every leaf names a catalog
 * column that may be filtered on; values are typed literals or named parameters, never expressions.
 */
public sealed interface Predicate
    permits Predicate.Comparison,
        Predicate.In,
        Predicate.Between,
        Predicate.IsNull,
        Predicate.And,
        Predicate.Or,
        Predicate.Not {

  /** Returns the canonical text of the predicate, as used by {@link QueryPlan#describe()}. */
  String describe();

  /**
   * {@code column op value}.
   *
   * @param column the column
   * @param op the operator
   * @param value the value
   */
  record Comparison(QueryColumn column, ComparisonOp op, Operand value) implements Predicate {
    /** Validates. */
    public Comparison {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String describe() {
      return column.name() + " " + op.sql() + " " + value.describe();
    }
  }

  /**
   * {@code column [NOT] IN (values)}.
   *
   * @param column the column
   * @param values at least one value
   * @param negated whether {@code NOT IN}
   */
  record In(QueryColumn column, List<Operand> values, boolean negated) implements Predicate {
    /** Validates and copies. */
    public In {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("IN needs at least one value");
      }
    }

    @Override
    public String describe() {
      String list = values.stream().map(Operand::describe).collect(Collectors.joining(", "));
      return column.name() + (negated ? " NOT IN (" : " IN (") + list + ")";
    }
  }

  /**
   * {@code column [NOT] BETWEEN low AND high}.
   *
   * @param column the column
   * @param low the lower bound (inclusive)
   * @param high the upper bound (inclusive)
   * @param negated whether {@code NOT BETWEEN}
   */
  record Between(QueryColumn column, Operand low, Operand high, boolean negated)
      implements Predicate {
    /** Validates. */
    public Between {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(low, "low");
      Objects.requireNonNull(high, "high");
    }

    @Override
    public String describe() {
      return column.name()
          + (negated ? " NOT BETWEEN " : " BETWEEN ")
          + low.describe()
          + " AND "
          + high.describe();
    }
  }

  /**
   * {@code column IS [NOT] NULL}.
   *
   * @param column the column
   * @param negated whether {@code IS NOT NULL}
   */
  record IsNull(QueryColumn column, boolean negated) implements Predicate {
    /** Validates. */
    public IsNull {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String describe() {
      return column.name() + (negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  /**
   * Conjunction of two or more predicates (nested conjunctions are flattened by the checker).
   *
   * @param operands the operands, in query order
   */
  record And(List<Predicate> operands) implements Predicate {
    /** Validates and copies. */
    public And {
      operands = List.copyOf(operands);
      if (operands.size() < 2) {
        throw new IllegalArgumentException("AND has at least two operands");
      }
    }

    @Override
    public String describe() {
      return operands.stream()
          .map(Predicate::describe)
          .collect(Collectors.joining(" AND ", "(", ")"));
    }
  }

  /**
   * Disjunction of two or more predicates (nested disjunctions are flattened by the checker).
   *
   * @param operands the operands, in query order
   */
  record Or(List<Predicate> operands) implements Predicate {
    /** Validates and copies. */
    public Or {
      operands = List.copyOf(operands);
      if (operands.size() < 2) {
        throw new IllegalArgumentException("OR has at least two operands");
      }
    }

    @Override
    public String describe() {
      return operands.stream()
          .map(Predicate::describe)
          .collect(Collectors.joining(" OR ", "(", ")"));
    }
  }

  /**
   * Negation.
   *
   * @param operand the negated predicate
   */
  record Not(Predicate operand) implements Predicate {
    /** Validates. */
    public Not {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public String describe() {
      return "NOT (" + operand.describe() + ")";
    }
  }
}
