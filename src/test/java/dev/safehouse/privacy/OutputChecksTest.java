package dev.safehouse.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.ColumnType;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.DisclosureRules.Approval;
import dev.safehouse.policy.DisclosureRules.Dominance;
import dev.safehouse.policy.DisclosureRules.DpRules;
import dev.safehouse.policy.DisclosureRules.Mechanism;
import dev.safehouse.policy.DisclosureRules.Rounding;
import dev.safehouse.policy.QueryColumn;
import dev.safehouse.policy.SensitiveUse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deterministic tests of the output checks; DP runs inject fixed noise (never secure). */
class OutputChecksTest {
  private static final int K = 5;
  private static final QueryColumn REVENUE = metric("revenue", ColumnType.DECIMAL, 1_000_000, true);
  private static final QueryColumn EMPLOYEES =
      metric("employees", ColumnType.INTEGER, 10_000, false);
  private static final AggregateSpec COUNT =
      new AggregateSpec("n", Aggregate.COUNT, Optional.empty());
  private static final AggregateSpec SUM_REVENUE =
      new AggregateSpec("revenue_sum", Aggregate.SUM, Optional.of(REVENUE));
  private static final AggregateSpec AVG_EMPLOYEES =
      new AggregateSpec("employees_avg", Aggregate.AVG, Optional.of(EMPLOYEES));
  private static final AggregateSpec SECTORS =
      new AggregateSpec(
          "sectors",
          Aggregate.COUNT_DISTINCT,
          Optional.of(
              new QueryColumn(
                  DatasetId.parse("public-credit"),
                  "sector",
                  ColumnType.ENUM,
                  ColumnClass.DIMENSION,
                  Double.NaN,
                  Double.NaN,
                  Set.of(Aggregate.COUNT_DISTINCT),
                  false,
                  SensitiveUse.NEVER)));
  private static final NoiseSource ZERO = scale -> BigInteger.ZERO;
  private static final double DELTA = 1e-6;

  private static QueryColumn metric(String name, ColumnType type, double max, boolean money) {
    return new QueryColumn(
        DatasetId.parse("public-credit"),
        name,
        type,
        ColumnClass.METRIC,
        0,
        max,
        Set.of(Aggregate.SUM, Aggregate.AVG, Aggregate.MAX),
        money,
        SensitiveUse.NEVER);
  }

  private static DisclosureRules rules(boolean dp, Rounding rounding) {
    return new DisclosureRules(
        K,
        new Dominance(0.5, 0.85),
        rounding,
        new DpRules(
            dp, Mechanism.LAPLACE, BigDecimal.ONE, BigDecimal.TEN, Duration.ofDays(1), DELTA),
        Approval.TRUSTED);
  }

  private static DisclosureRules plain() {
    return rules(false, new Rounding(1, 1, 2));
  }

  private static DisclosureRules dp() {
    return rules(true, new Rounding(1, 1, 2));
  }

  /** A cell of {@code enterprises} enterprises: COUNT(*), SUM(revenue), AVG(employees). */
  private static RawCell cell(long enterprises, double revenue, double top1, double top2) {
    return new RawCell(
        List.of("A"),
        enterprises,
        List.of(
            new RawAggregate(COUNT, enterprises, enterprises, null, null),
            new RawAggregate(SUM_REVENUE, revenue, enterprises, top1, top2),
            new RawAggregate(AVG_EMPLOYEES, 10.0 * enterprises, enterprises, null, null)));
  }

  /** The DP release threshold for cells with {@code specs} under {@link #dp()}. */
  private static long threshold(AggregateSpec... specs) {
    return ReleaseThreshold.of(dp(), List.of(specs));
  }

  /** The DP release threshold for {@link #cell} and {@link #balanced}. */
  private static long t() {
    return threshold(COUNT, SUM_REVENUE, AVG_EMPLOYEES);
  }

  private static RawCell balanced(long enterprises) {
    return cell(enterprises, 123_456.75, 123_456.75 / enterprises, 123_456.75 / enterprises);
  }

  private static CheckedCells check(List<RawCell> cells, DisclosureRules rules, NoiseSource noise) {
    return OutputChecks.apply(cells, rules, new OneShotNoise(noise));
  }

  private static ReleasedValue value(CheckedCells checked, int aggregate) {
    assertThat(checked.cells()).hasSize(1);
    return checked.cells().get(0).values().get(aggregate);
  }

  private static BigDecimal number(CheckedCells checked, int aggregate) {
    return ((ReleasedValue.Value) value(checked, aggregate)).value();
  }

  @Test
  void apply_kMinusOneEnterprises_withholdsCellAndReportsNoValue() {
    CheckedCells checked = check(List.of(balanced(K - 1)), plain(), ZERO);

    assertThat(checked.cells()).isEmpty();
    assertThat(checked.report())
        .containsExactly(
            new Suppression(List.of("A"), Optional.empty(), SuppressionRule.K_THRESHOLD));
    assertThat(checked.report().toString()).doesNotContainPattern("\\d");
    assertThat(checked.epsilonSpent()).isZero();
  }

  @Test
  void apply_exactlyKEnterprises_releases() {
    CheckedCells checked = check(List.of(balanced(K)), plain(), ZERO);

    assertThat(checked.report()).isEmpty();
    assertThat(number(checked, 0)).isEqualByComparingTo("5");
    assertThat(number(checked, 1)).isEqualByComparingTo("123456.75");
    assertThat(number(checked, 2)).isEqualByComparingTo("10.00");
  }

  @Test
  void apply_oneEnterpriseHoldsSixtyPercent_withholdsThatSumOnly() {
    CheckedCells checked = check(List.of(cell(K, 1000, 600, 100)), plain(), ZERO);

    assertThat(value(checked, 1))
        .isEqualTo(new ReleasedValue.Suppressed("revenue_sum", SuppressionRule.DOMINANCE));
    assertThat(value(checked, 0)).isInstanceOf(ReleasedValue.Value.class);
    assertThat(value(checked, 2)).isInstanceOf(ReleasedValue.Value.class);
    assertThat(checked.report())
        .containsExactly(
            new Suppression(List.of("A"), Optional.of("revenue_sum"), SuppressionRule.DOMINANCE));
    assertThat(checked.report().toString()).doesNotContain("1000", "600");
  }

  @Test
  void apply_twoLargestHoldEightySixPercent_withholdsSum() {
    CheckedCells checked = check(List.of(cell(K, 1000, 460, 400)), plain(), ZERO);

    assertThat(value(checked, 1)).isInstanceOf(ReleasedValue.Suppressed.class);
  }

  @Test
  void apply_twoLargestHoldEightyFourPercent_releasesSum() {
    CheckedCells checked = check(List.of(cell(K, 1000, 440, 400)), plain(), ZERO);

    assertThat(number(checked, 1)).isEqualByComparingTo("1000");
  }

  @Test
  void apply_nonPositiveMoneySum_withholdsSum() {
    CheckedCells checked = check(List.of(cell(K, 0, 0, 0)), plain(), ZERO);

    assertThat(value(checked, 1))
        .isEqualTo(new ReleasedValue.Suppressed("revenue_sum", SuppressionRule.DOMINANCE));
  }

  @Test
  void apply_meanOverFewerThanKValues_withholdsMean() {
    RawCell cell =
        new RawCell(
            List.of("A"), K, List.of(new RawAggregate(AVG_EMPLOYEES, 30.0, K - 1, null, null)));

    CheckedCells checked = check(List.of(cell), plain(), ZERO);

    assertThat(value(checked, 0))
        .isEqualTo(new ReleasedValue.Suppressed("employees_avg", SuppressionRule.K_THRESHOLD));
    assertThat(checked.report().toString()).doesNotContain("30");
  }

  /** A COUNT(DISTINCT), a SUM and an AVG input and their expected rounded outputs. */
  private record RoundingCase(
      long distinct, double sum, double mean, String countOut, String sumOut, String meanOut) {}

  @Test
  void apply_roundingBases_roundHalfEvenToMultiples() {
    DisclosureRules rules = rules(false, new Rounding(10, 100, 1));
    List<RoundingCase> cases =
        List.of(
            new RoundingCase(15, 1250.0, 1.25, "20", "1200", "1.2"),
            new RoundingCase(25, 1350.0, 1.35, "20", "1400", "1.4"),
            new RoundingCase(14, 1249.9, 2.0 / 3, "10", "1200", "0.7"));
    for (RoundingCase c : cases) {
      RawCell cell =
          new RawCell(
              List.of(),
              20,
              List.of(
                  new RawAggregate(SECTORS, c.distinct(), 20, null, null),
                  new RawAggregate(SUM_REVENUE, c.sum(), 20, 100.0, 100.0),
                  new RawAggregate(AVG_EMPLOYEES, c.mean() * 20, 20, null, null)));

      CheckedCells checked = check(List.of(cell), rules, ZERO);

      assertThat(number(checked, 0)).isEqualByComparingTo(c.countOut());
      assertThat(number(checked, 1)).isEqualByComparingTo(c.sumOut());
      assertThat(number(checked, 2)).isEqualTo(new BigDecimal(c.meanOut()));
    }
  }

  @Test
  void apply_maxWithoutValues_releasesNull() {
    AggregateSpec max = new AggregateSpec("max", Aggregate.MAX, Optional.of(EMPLOYEES));
    RawCell cell =
        new RawCell(List.of("A"), K, List.of(new RawAggregate(max, null, 0, null, null)));

    assertThat(value(check(List.of(cell), plain(), ZERO), 0))
        .isEqualTo(new ReleasedValue.Missing("max"));
  }

  @Test
  void apply_cellsWithDifferentAggregates_fails() {
    RawCell other =
        new RawCell(List.of("B"), K, List.of(new RawAggregate(COUNT, 5L, 5, null, null)));

    assertThatThrownBy(() -> check(List.of(balanced(K), other), plain(), ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void apply_dpTrueCountAtThresholdNoisyCountBelow_withholdsCellWithoutReport() {
    CheckedCells checked = check(List.of(balanced(t())), dp(), scale -> BigInteger.ONE.negate());

    assertThat(checked.cells()).isEmpty();
    assertThat(checked.report()).isEmpty();
    assertThat(checked.epsilonSpent()).isEqualByComparingTo("1");
  }

  @Test
  void apply_dpTrueCountBelowThresholdNoisyCountAt_releasesNoisyCount() {
    CheckedCells checked = check(List.of(balanced(t() - 1)), dp(), scale -> BigInteger.ONE);

    assertThat(number(checked, 0)).isEqualByComparingTo(String.valueOf(t()));
  }

  @Test
  void apply_dpZeroNoise_releasesSumQuantisedToResolution() {
    CheckedCells checked = check(List.of(balanced(t())), dp(), ZERO);

    // revenue is clamped to [0, 10^6]: summed in tens (Δ = 10^5 units), floored
    assertThat(number(checked, 1)).isEqualByComparingTo("123450");
    assertThat(number(checked, 2)).isEqualByComparingTo("10.00");
  }

  @Test
  void releaseThreshold_isKPlusTheNoiseTailAtDelta() {
    // ε = 1 over the count, the sum and the mean's sum and count: Laplace scale 4, so the offset is
    // ⌈4·ln(10^6)⌉ = 56; without DP the threshold is k on the true count.
    assertThat(t()).isEqualTo(K + 56);
    assertThat(ReleaseThreshold.of(plain(), List.of(COUNT))).isEqualTo(K);
    DisclosureRules gaussian =
        new DisclosureRules(
            K,
            new Dominance(0.5, 0.85),
            new Rounding(1, 1, 2),
            new DpRules(
                true,
                Mechanism.GAUSSIAN,
                BigDecimal.ONE,
                BigDecimal.TEN,
                Duration.ofDays(1),
                DELTA),
            Approval.TRUSTED);
    // σ² = 1/ε² = 1: offset ⌈√(2·ln(10^6))⌉ = 6
    assertThat(ReleaseThreshold.of(gaussian, List.of(COUNT))).isEqualTo(K + 6);
  }

  @Test
  void apply_dp_splitsEpsilonEvenlyOverNoisyQuantities() {
    List<NoiseScale> drawn = new ArrayList<>();
    check(
        List.of(balanced(t())),
        dp(),
        scale -> {
          drawn.add(scale);
          return BigInteger.ZERO;
        });

    // enterprise count (shared with COUNT(*)), the sum, the mean's sum and count: ε/4 each
    assertThat(drawn)
        .containsExactly(
            new NoiseScale(Mechanism.LAPLACE, Rational.of(4, 1)),
            new NoiseScale(Mechanism.LAPLACE, Rational.of(400_000, 1)),
            new NoiseScale(Mechanism.LAPLACE, Rational.of(40_000, 1)),
            new NoiseScale(Mechanism.LAPLACE, Rational.of(4, 1)));
  }

  @Test
  void apply_dpNoisyMeanCountBelowK_withholdsMean() {
    List<BigInteger> draws = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ZERO));
    draws.add(BigInteger.ZERO);
    draws.add(BigInteger.valueOf(K - 1 - t()));
    CheckedCells checked = check(List.of(balanced(t())), dp(), scale -> draws.remove(0));

    assertThat(value(checked, 2))
        .isEqualTo(new ReleasedValue.Suppressed("employees_avg", SuppressionRule.K_THRESHOLD));
    assertThat(checked.report())
        .containsExactly(
            new Suppression(
                List.of("A"), Optional.of("employees_avg"), SuppressionRule.K_THRESHOLD));
  }

  @Test
  void apply_dpDominatedSum_withholdsSum() {
    CheckedCells checked = check(List.of(cell(t(), 1000, 600, 100)), dp(), ZERO);

    assertThat(value(checked, 1))
        .isEqualTo(new ReleasedValue.Suppressed("revenue_sum", SuppressionRule.DOMINANCE));
  }

  @Test
  void apply_dpNoisyDistinctCount_isClampedAtZero() {
    long enterprises = threshold(SECTORS);
    RawCell cell =
        new RawCell(
            List.of(),
            enterprises,
            List.of(new RawAggregate(SECTORS, 2L, enterprises, null, null)));
    List<BigInteger> draws = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.valueOf(-9)));

    CheckedCells checked = check(List.of(cell), dp(), scale -> draws.remove(0));

    assertThat(number(checked, 0)).isEqualByComparingTo("0");
  }

  @Test
  void apply_dpWithMax_failsBeforeUsingNoise() {
    AggregateSpec max = new AggregateSpec("max", Aggregate.MAX, Optional.of(EMPLOYEES));
    RawCell cell = new RawCell(List.of(), K, List.of(new RawAggregate(max, 3.0, K, null, null)));
    OneShotNoise noise = new OneShotNoise(ZERO);

    assertThatThrownBy(() -> OutputChecks.apply(List.of(cell), dp(), noise))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(OutputChecks.apply(List.of(balanced(t())), dp(), noise).cells()).hasSize(1);
  }

  @Test
  void apply_dpCountDiffersFromEnterprises_fails() {
    long enterprises = threshold(COUNT);
    RawCell cell =
        new RawCell(
            List.of(),
            enterprises,
            List.of(new RawAggregate(COUNT, enterprises + 2, enterprises + 2, null, null)));

    assertThatThrownBy(() -> check(List.of(cell), dp(), ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void apply_noiseUsedTwice_fails() {
    OneShotNoise noise = new OneShotNoise(ZERO);
    OutputChecks.apply(List.of(balanced(K)), dp(), noise);

    assertThatThrownBy(() -> OutputChecks.apply(List.of(balanced(K)), dp(), noise))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sumResolution_decimalMetric_putsBoundBelowAMillionUnits() {
    assertThat(SumResolution.of(REVENUE)).isEqualTo(new SumResolution(1, 100_000));
    assertThat(SumResolution.of(metric("ratio", ColumnType.DECIMAL, 1, false)))
        .isEqualTo(new SumResolution(-5, 100_000));
    assertThat(SumResolution.of(EMPLOYEES)).isEqualTo(new SumResolution(0, 10_000));
    assertThat(new SumResolution(1, 1).units(-0.5)).isEqualTo(BigInteger.valueOf(-1));
  }
}
