package dev.safehouse.query;

import java.math.BigInteger;
import java.util.OptionalInt;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;

/** Reads {@code LIMIT n} with {@code 1 <= n <= 10000}; OFFSET and FETCH are denied. */
final class LimitReader {
  /** The largest LIMIT accepted. */
  static final int MAX_LIMIT = 10_000;

  private final CheckScope scope;

  LimitReader(CheckScope scope) {
    this.scope = scope;
  }

  OptionalInt read(PlainSelect select) {
    Span fallback = new Span(0, 0);
    if (select.getOffset() != null) {
      scope.violations.add(
          QueryRule.LIMIT,
          scope.text.keyword("OFFSET", 0).orElse(fallback),
          "OFFSET is not allowed");
    }
    if (select.getFetch() != null) {
      scope.violations.add(
          QueryRule.LIMIT,
          scope.text.keyword("FETCH", 0).orElse(fallback),
          "FETCH is not allowed; use LIMIT");
    }
    Limit limit = select.getLimit();
    if (limit == null) {
      return OptionalInt.empty();
    }
    Span at = scope.spans.of(limit, scope.text.keyword("LIMIT", 0).orElse(fallback));
    if (limit.getOffset() != null) {
      scope.violations.add(QueryRule.LIMIT, at, "LIMIT with an offset is not allowed");
      return OptionalInt.empty();
    }
    if (limit.getByExpressions() != null
        || limit.isLimitAll()
        || limit.isLimitNull()
        || !(limit.getRowCount() instanceof LongValue count)) {
      scope.violations.add(
          QueryRule.LIMIT, at, "LIMIT takes a whole number from 1 to " + MAX_LIMIT);
      return OptionalInt.empty();
    }
    BigInteger n = count.getBigIntegerValue();
    if (n.signum() <= 0 || n.compareTo(BigInteger.valueOf(MAX_LIMIT)) > 0) {
      scope.report(QueryRule.LIMIT, count, at, "LIMIT takes a whole number from 1 to " + MAX_LIMIT);
      return OptionalInt.empty();
    }
    return OptionalInt.of(n.intValueExact());
  }
}
