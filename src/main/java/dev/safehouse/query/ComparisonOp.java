package dev.safehouse.query;

/** A comparison operator of a filter, written column-first. */
public enum ComparisonOp {
  /** {@code =}. */
  EQ("="),
  /** {@code <>} (also written {@code !=}). */
  NE("<>"),
  /** {@code <}. */
  LT("<"),
  /** {@code <=}. */
  LE("<="),
  /** {@code >}. */
  GT(">"),
  /** {@code >=}. */
  GE(">=");

  private final String sql;

  ComparisonOp(String sql) {
    this.sql = sql;
  }

  /** Returns the operator in SQL. */
  public String sql() {
    return sql;
  }

  /** Returns the operator with its operands swapped: {@code 3 < x} is {@code x > 3}. */
  public ComparisonOp flipped() {
    return switch (this) {
      case EQ, NE -> this;
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
    };
  }
}
