package dev.safehouse.query;

import java.util.Objects;

/**
 * One reason a query is denied, with the position of the offending text.
 *
 * @param rule the stable rule id ({@link QueryRule#id()})
 * @param message a message from the rule catalogue; safe to show and log
 * @param line 1-based line of the first offending character
 * @param column 1-based column (UTF-16 units, a tab counts as one) of the first offending character
 * @param length the span's length in characters of the query text (at least 1; 0 only for an empty
 *     query)
 */
public record Violation(String rule, String message, int line, int column, int length) {
  /** Validates. */
  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1 || length < 0) {
      throw new IllegalArgumentException("positions are 1-based, lengths non-negative");
    }
  }
}
