package dev.safehouse.privacy;

import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.DisclosureRules.Mechanism;
import dev.safehouse.policy.QueryColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks under DP. The cell's enterprise count is noised and the cell released iff the noisy
 * count reaches the {@link ReleaseThreshold} (k plus the noise's tail at δ), without a report entry
 * otherwise (naming the key would disclose that the group exists). Each noisy quantity of a cell
 * gets an equal share of ε: the enterprise count (reused for COUNT(*)), each COUNT(DISTINCT), each
 * SUM, and each AVG's sum and count.
 */
final class NoisyCellCheck implements CellCheck {
  private final int k;
  private final long threshold;
  private final NoiseSource noise;
  private final DominanceCheck dominance;
  private final ReleaseRounding rounding;
  private final NoiseScale countScale;
  private final List<Optional<SumResolution>> resolutions = new ArrayList<>();
  private final List<Optional<NoiseScale>> sumScales = new ArrayList<>();

  /**
   * Prepares the scales of a query whose cells all have the aggregates {@code specs}.
   *
   * @throws IllegalArgumentException if an aggregate is MIN or MAX
   */
  NoisyCellCheck(DisclosureRules rules, NoiseSource noise, List<AggregateSpec> specs) {
    this.noise = noise;
    this.dominance = new DominanceCheck(rules.dominance());
    this.rounding = new ReleaseRounding(rules.rounding());
    Mechanism mechanism = rules.dp().mechanism();
    Rational epsilonEach =
        Rational.of(rules.dp().epsilonPerQuery()).divide(Rational.of(noisyQuantities(specs), 1));
    this.k = rules.k();
    this.countScale = NoiseScale.calibrate(mechanism, epsilonEach, 1);
    this.threshold = ReleaseThreshold.of(rules.k(), countScale, rules.dp());
    for (AggregateSpec spec : specs) {
      Optional<SumResolution> resolution =
          spec.aggregate() == Aggregate.SUM || spec.aggregate() == Aggregate.AVG
              ? spec.column().map(SumResolution::of)
              : Optional.empty();
      resolutions.add(resolution);
      sumScales.add(
          resolution.map(r -> NoiseScale.calibrate(mechanism, epsilonEach, r.sensitivity())));
    }
  }

  /** The number of noisy quantities per cell, over which ε is split. */
  static int noisyQuantities(List<AggregateSpec> specs) {
    int quantities = 1; // the enterprise count, which COUNT(*) reuses
    for (AggregateSpec spec : specs) {
      quantities +=
          switch (spec.aggregate()) {
            case COUNT -> 0;
            case COUNT_DISTINCT, SUM -> 1;
            case AVG -> 2;
            case MIN, MAX ->
                throw new IllegalArgumentException(
                    spec.label() + ": MIN and MAX cannot be released under differential privacy");
          };
    }
    return quantities;
  }

  @Override
  public Optional<ReleasedCell> check(RawCell cell, List<Suppression> report) {
    BigInteger noisyEnterprises = noisy(cell.enterprises(), countScale);
    // Decided on the noisy count only: a decision on the true count would itself leak it.
    if (noisyEnterprises.compareTo(BigInteger.valueOf(threshold)) < 0) {
      return Optional.empty();
    }
    List<ReleasedValue> values = new ArrayList<>();
    for (int i = 0; i < cell.aggregates().size(); i++) {
      values.add(release(cell, i, noisyEnterprises));
    }
    return Optional.of(new ReleasedCell(cell.key(), values));
  }

  private ReleasedValue release(RawCell cell, int index, BigInteger noisyEnterprises) {
    RawAggregate aggregate = cell.aggregates().get(index);
    String label = aggregate.spec().label();
    return switch (aggregate.spec().aggregate()) {
      case COUNT -> {
        if (aggregate.value().longValue() != cell.enterprises()) {
          throw new IllegalArgumentException(
              label + ": DP assumes one row per enterprise, but COUNT(*) differs from it");
        }
        yield new ReleasedValue.Value(label, rounding.count(noisyEnterprises));
      }
      case COUNT_DISTINCT ->
          new ReleasedValue.Value(
              label,
              rounding.count(
                  noisy(aggregate.value().longValue(), countScale).max(BigInteger.ZERO)));
      case SUM, AVG -> sumOrMean(aggregate, index);
      case MIN, MAX -> throw new IllegalArgumentException(label + ": MIN or MAX under DP");
    };
  }

  private ReleasedValue sumOrMean(RawAggregate aggregate, int index) {
    String label = aggregate.spec().label();
    SumResolution resolution = resolutions.get(index).orElseThrow();
    // Under DP an empty sum is a noisy zero: NULL versus zero would be a noiseless disclosure.
    double sum = aggregate.value() == null ? 0 : aggregate.value().doubleValue();
    BigInteger noisyUnits =
        resolution.units(sum).add(noise.draw(sumScales.get(index).orElseThrow()));
    BigDecimal noisySum = resolution.value(noisyUnits);
    if (aggregate.spec().aggregate() == Aggregate.SUM) {
      return dominance.dominated(aggregate)
          ? new ReleasedValue.Suppressed(label, SuppressionRule.DOMINANCE)
          : new ReleasedValue.Value(label, rounding.sum(noisySum));
    }
    BigInteger noisyCount = noisy(aggregate.nonNullCount(), countScale);
    if (noisyCount.compareTo(BigInteger.valueOf(k)) < 0) {
      return new ReleasedValue.Suppressed(label, SuppressionRule.K_THRESHOLD);
    }
    if (dominance.dominated(aggregate)) {
      return new ReleasedValue.Suppressed(label, SuppressionRule.DOMINANCE);
    }
    QueryColumn column = aggregate.spec().column().orElseThrow();
    BigDecimal mean = rounding.mean(noisySum, noisyCount);
    return new ReleasedValue.Value(label, clamp(mean, column));
  }

  private BigInteger noisy(long trueValue, NoiseScale scale) {
    return BigInteger.valueOf(trueValue).add(noise.draw(scale));
  }

  /** Clamps a noisy mean to the metric's bounds (post-processing, free under DP). */
  private static BigDecimal clamp(BigDecimal mean, QueryColumn column) {
    BigDecimal min = BigDecimal.valueOf(column.clampMin());
    BigDecimal max = BigDecimal.valueOf(column.clampMax());
    return mean.compareTo(min) < 0 ? min : mean.compareTo(max) > 0 ? max : mean;
  }
}
