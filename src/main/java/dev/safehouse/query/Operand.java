package dev.safehouse.query;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** The value side of a filter: a literal typed to its column, or a named parameter. */
public sealed interface Operand permits Operand.Literal, Operand.Parameter {

  /** Returns the canonical text of the operand, as used by {@link QueryPlan#describe()}. */
  String describe();

  /**
   * A literal, already typed to the column it is compared with.
   *
   * @param value a {@link String}, {@link Long}, {@link BigDecimal} (trailing zeros stripped) or
   *     {@link Boolean}
   */
  record Literal(Object value) implements Operand {
    /** Validates the value's type and normalises decimals. */
    public Literal {
      Objects.requireNonNull(value, "value");
      if (value instanceof BigDecimal decimal) {
        value = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
      } else if (!(value instanceof String || value instanceof Long || value instanceof Boolean)) {
        throw new IllegalArgumentException("a literal is a String, Long, BigDecimal or Boolean");
      }
    }

    @Override
    public String describe() {
      if (value instanceof String s) {
        return "'" + s.replace("'", "''") + "'";
      }
      return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
  }

  /**
   * A named parameter, {@code :name} in the query; its value is bound when the query runs.
   *
   * @param name the name without the colon: a letter or {@code _}, then letters, digits or {@code
   *     _}, at most 63 characters
   */
  record Parameter(String name) implements Operand {
    /** The accepted parameter names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** Validates the name. */
    public Parameter {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("not a valid parameter name");
      }
    }

    @Override
    public String describe() {
      return ":" + name;
    }
  }
}
