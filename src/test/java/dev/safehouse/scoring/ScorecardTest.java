package dev.safehouse.scoring;

import static dev.safehouse.scoring.ScoringFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-computed scores from the shipped {@code policies/scoring/sme-default.yaml}: base 600, range
 * 300–900, A ≥ 720, B ≥ 650, C ≥ 560, D ≥ 300. Each feature's best points (for points lost):
 * dishonest 20, abnormal 10, penalties 20, tax 30, SAMR 15, on-time 30, complaints 10, utility 5,
 * overdue 40, bad debt 10, utilisation 20 (sum 210, so at most 810).
 */
class ScorecardTest {
  private static Scorecard card;

  @BeforeAll
  static void load() {
    card =
        Scorecards.load(ScoringFixtures.SHIPPED, ScoringFixtures.schemas())
            .find("sme-default")
            .orElseThrow();
  }

  /** Every feature column with a value; nulls stand for a source without the enterprise's row. */
  private static Map<String, Object> enterprise(
      boolean dishonest,
      boolean abnormal,
      long penalties,
      String tax,
      String samr,
      Double onTime,
      Long complaints,
      Boolean arrears,
      Long overdueDays,
      Boolean badDebt,
      Double utilisation) {
    return values(
        "dishonest_debtor", dishonest,
        "abnormal_operations", abnormal,
        "administrative_penalties", penalties,
        "tax_credit_grade", tax,
        "samr_risk_class", samr,
        "on_time_payment_rate", onTime,
        "complaints", complaints,
        "utility_arrears", arrears,
        "max_overdue_days_24m", overdueDays,
        "bad_debt", badDebt,
        "credit_line_utilisation", utilisation);
  }

  @Test
  void score_soundEnterprise_gradeA() {
    // Best everywhere but tax B (+15, lost 15, no reason) and 1 penalty (0, lost 20,
    // ADMIN_PENALTIES): 600 + 20+10+0+15+15+30+10+5+40+10+20 = 775.
    ScoreResult result =
        card.score(enterprise(false, false, 1, "B", "A", 0.97, 0L, false, 0L, false, 0.35));

    assertThat(result.score()).isEqualTo(775);
    assertThat(result.grade().letter()).isEqualTo("A");
    assertThat(result.grade().zh()).isEqualTo("低风险");
    assertThat(result.reasons()).extracting(ReasonCode::code).containsExactly("ADMIN_PENALTIES");
  }

  @Test
  void score_noFinancialRow_gradeBWithOneSummedReason() {
    // SAMR B 0 (lost 15), 2 complaints 0 (lost 10), neither with a reason; no financial row:
    // overdue missing -30 (lost 70), bad debt missing 0 (lost 10), utilisation missing 0 (lost 20),
    // all NO_FINANCIAL_HISTORY, summed to 100 and listed once.
    // 600 + 20+10+20+30+0+30+0+5-30+0+0 = 685.
    ScoreResult result =
        card.score(enterprise(false, false, 0, "A", "B", 0.96, 2L, false, null, null, null));

    assertThat(result.score()).isEqualTo(685);
    assertThat(result.grade().letter()).isEqualTo("B");
    assertThat(result.grade().en()).isEqualTo("Moderate risk");
    assertThat(result.reasons())
        .containsExactly(
            new ReasonCode("NO_FINANCIAL_HISTORY", "无金融信用记录", "No financial credit history"));
  }

  @Test
  void score_severalAdverseBins_gradeCWithTiesInFeatureOrder() {
    // 3 penalties -40 (lost 60), tax M 0 (lost 30, no reason), SAMR C -25 (lost 40), on-time 0.8
    // -15 (lost 45), 1 complaint 0, overdue 10 days 0 (lost 40), utilisation 0.6 0 (lost 20, no
    // reason). 600 + 20+10-40+0-25-15+0+5+0+10+0 = 565.
    // SAMR_RISK_HIGH and OVERDUE_24M both lost 40: SAMR's feature comes first.
    ScoreResult result =
        card.score(enterprise(false, false, 3, "M", "C", 0.8, 1L, false, 10L, false, 0.6));

    assertThat(result.score()).isEqualTo(565);
    assertThat(result.grade().letter()).isEqualTo("C");
    assertThat(result.reasons())
        .extracting(ReasonCode::code)
        .containsExactly("ADMIN_PENALTIES", "PAYMENT_DELAYS", "SAMR_RISK_HIGH", "OVERDUE_24M");
  }

  @Test
  void score_failingEnterprise_gradeDClampedWithTopFourReasons() {
    // dishonest -150 (lost 170), abnormal -60 (lost 70), 12 penalties -40 (lost 60), tax D -60
    // (lost 90), SAMR D -50 (lost 65), no market row: on-time -10 NO_MARKET_HISTORY (lost 40),
    // complaints and arrears 0 (no reason), overdue 200 days -90 (lost 130), bad debt -100 (lost
    // 110), utilisation 0.95 -30 (lost 50). 600 - 590 = 10, clamped to 300.
    ScoreResult result =
        card.score(enterprise(true, true, 12, "D", "D", null, null, null, 200L, true, 0.95));

    assertThat(result.score()).isEqualTo(300);
    assertThat(result.grade().letter()).isEqualTo("D");
    assertThat(result.grade().zh()).isEqualTo("高");
    assertThat(result.reasons())
        .extracting(ReasonCode::code)
        .containsExactly("DISHONEST_DEBTOR", "OVERDUE_24M", "BAD_DEBT", "TAX_GRADE_LOW");
    assertThat(result.reasons().get(0).zh()).isEqualTo("列入失信被执行人名单");
  }

  @Test
  void score_moderateDefaults_gradeDUnclamped() {
    // Abnormal -60 (lost 70), tax C -30 (lost 60), SAMR D -50 (lost 65), on-time 0.5 -40 (lost
    // 70), 5 complaints -25 (lost 35), arrears -20 (lost 25), overdue 45 days -40 (lost 80),
    // utilisation 0.9 -30 (lost 50). 600 + 20-60+20-30-50-40-25-20-40+10-30 = 355.
    // ABNORMAL_OPERATIONS and PAYMENT_DELAYS tie at 70: abnormal's feature comes first.
    ScoreResult result =
        card.score(enterprise(false, true, 0, "C", "D", 0.5, 5L, true, 45L, false, 0.9));

    assertThat(result.score()).isEqualTo(355);
    assertThat(result.grade().letter()).isEqualTo("D");
    assertThat(result.reasons())
        .extracting(ReasonCode::code)
        .containsExactly("OVERDUE_24M", "ABNORMAL_OPERATIONS", "PAYMENT_DELAYS", "SAMR_RISK_HIGH");
  }

  @ParameterizedTest(name = "{0} = {1} earns {2}")
  @CsvSource({
    "on_time_payment_rate, 1.0, 30",
    "on_time_payment_rate, 0.95, 30",
    "on_time_payment_rate, 0.9499, 10",
    "on_time_payment_rate, 0.85, 10",
    "on_time_payment_rate, 0.8499, -15",
    "on_time_payment_rate, 0.7, -15",
    "on_time_payment_rate, 0.6999, -40",
    "on_time_payment_rate, 0.0, -40",
    "on_time_payment_rate, 0.94995, -10",
    "credit_line_utilisation, 0.5, 20",
    "credit_line_utilisation, 0.5001, 0",
    "credit_line_utilisation, 0.8, 0",
    "credit_line_utilisation, 0.8001, -30",
  })
  void pointsFor_decimalBinEdges_inclusiveAndExact(String column, double value, int points) {
    assertThat(feature(column).pointsFor(value).value()).isEqualTo(points);
  }

  @ParameterizedTest(name = "max_overdue_days_24m = {0} earns {1}")
  @CsvSource({"0, 40", "1, 0", "30, 0", "31, -40", "90, -40", "91, -90", "730, -90"})
  void pointsFor_integerBinEdges_inclusive(long days, int points) {
    assertThat(feature("max_overdue_days_24m").pointsFor(days).value()).isEqualTo(points);
  }

  @Test
  void pointsFor_exactDecimalsAndIntegers_matchLikeDoubles() {
    assertThat(feature("on_time_payment_rate").pointsFor(new BigDecimal("0.9500")).value())
        .isEqualTo(30);
    assertThat(feature("max_overdue_days_24m").pointsFor(30).value()).isZero();
  }

  @Test
  void score_missingColumnOrWrongType_namesTheColumnNotTheValue() {
    Map<String, Object> values =
        enterprise(false, false, 0, "A", "A", 0.97, 0L, false, 0L, false, 0.35);
    values.remove("bad_debt");
    assertThatThrownBy(() -> card.score(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no value given for feature bad_debt");

    values.put("bad_debt", "secret-value");
    assertThatThrownBy(() -> card.score(values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature bad_debt: expected a boolean");
  }

  private static Feature feature(String column) {
    return card.features().stream()
        .filter(f -> f.column().equals(column))
        .findFirst()
        .orElseThrow();
  }
}
