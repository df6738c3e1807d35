package dev.safehouse.privacy;

import java.math.BigDecimal;
import java.util.Objects;

/** One aggregate's output in a released cell: a number, an SQL NULL, or a suppression marker. */
public sealed interface ReleasedValue
    permits ReleasedValue.Value, ReleasedValue.Missing, ReleasedValue.Suppressed {

  /** Returns the output column name. */
  String label();

  /**
   * A released number, after noise (under DP) and rounding.
   *
   * @param label the output column name
   * @param value the number
   */
  record Value(String label, BigDecimal value) implements ReleasedValue {
    /** Checks. */
    public Value {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * SQL NULL: the aggregate had no non-null value (MIN and MAX only, and never under DP, where a
   * missing sum is released as a noisy zero).
   *
   * @param label the output column name
   */
  record Missing(String label) implements ReleasedValue {
    /** Checks. */
    public Missing {
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * A withheld value. Carries only the rule, never the value or anything derived from it.
   *
   * @param label the output column name
   * @param rule the rule that withheld it
   */
  record Suppressed(String label, SuppressionRule rule) implements ReleasedValue {
    /** Checks. */
    public Suppressed {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(rule, "rule");
    }
  }
}
