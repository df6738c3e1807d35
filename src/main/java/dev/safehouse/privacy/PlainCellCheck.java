package dev.safehouse.privacy;

import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.QueryColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks without DP: a cell with fewer than k enterprises is withheld and named in the report;
 * a sum or mean over fewer than k non-null values is withheld ({@code k-threshold}), as is a
 * dominated one ({@code dominance}); everything else is rounded and released.
 */
final class PlainCellCheck implements CellCheck {
  private final int k;
  private final DominanceCheck dominance;
  private final ReleaseRounding rounding;

  PlainCellCheck(DisclosureRules rules) {
    this.k = rules.k();
    this.dominance = new DominanceCheck(rules.dominance());
    this.rounding = new ReleaseRounding(rules.rounding());
  }

  @Override
  public Optional<ReleasedCell> check(RawCell cell, List<Suppression> report) {
    if (cell.enterprises() < k) {
      report.add(new Suppression(cell.key(), Optional.empty(), SuppressionRule.K_THRESHOLD));
      return Optional.empty();
    }
    List<ReleasedValue> values = new ArrayList<>();
    for (RawAggregate aggregate : cell.aggregates()) {
      values.add(release(aggregate));
    }
    return Optional.of(new ReleasedCell(cell.key(), values));
  }

  private ReleasedValue release(RawAggregate aggregate) {
    String label = aggregate.spec().label();
    return switch (aggregate.spec().aggregate()) {
      case COUNT, COUNT_DISTINCT ->
          new ReleasedValue.Value(
              label, rounding.count(BigInteger.valueOf(aggregate.value().longValue())));
      case SUM, AVG -> sumOrMean(aggregate);
      case MIN, MAX ->
          aggregate.value() == null
              ? new ReleasedValue.Missing(label)
              : new ReleasedValue.Value(label, clamped(aggregate));
    };
  }

  private ReleasedValue sumOrMean(RawAggregate aggregate) {
    String label = aggregate.spec().label();
    // A sum or mean of fewer than k values is as disclosive as those values.
    if (aggregate.nonNullCount() < k) {
      return new ReleasedValue.Suppressed(label, SuppressionRule.K_THRESHOLD);
    }
    if (dominance.dominated(aggregate)) {
      return new ReleasedValue.Suppressed(label, SuppressionRule.DOMINANCE);
    }
    BigDecimal sum = BigDecimal.valueOf(aggregate.value().doubleValue());
    return new ReleasedValue.Value(
        label,
        switch (aggregate.spec().aggregate()) {
          case SUM -> rounding.sum(sum);
          default -> rounding.mean(sum, BigInteger.valueOf(aggregate.nonNullCount()));
        });
  }

  private static BigDecimal clamped(RawAggregate aggregate) {
    QueryColumn column = aggregate.spec().column().orElseThrow();
    double value = aggregate.value().doubleValue();
    return BigDecimal.valueOf(Math.max(column.clampMin(), Math.min(column.clampMax(), value)));
  }
}
