package dev.safehouse.scoring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.policy.PolicyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken twins of {@link ScoringFixtures#TINY}: each case breaks one thing and expects the load to
 * fail naming the file, line, column and field.
 */
class ScorecardsInvalidTest {
  private static final String FILE = "scoring/tiny.yaml";

  @TempDir Path dir;

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        broken(
            "unknown column",
            "tax_credit_grade:",
            "tax_grade:",
            ":15:3: features.tax_grade: no column tax_grade in the fused view (datasets/)"),
        broken(
            "the join key is no feature",
            "tax_credit_grade:",
            "uscc:",
            ":15:3: features.uscc: no column uscc in the fused view (datasets/)"),
        broken(
            "unknown reason code",
            "reason: TAX_GRADE_LOW}",
            "reason: TAX_LOW}",
            ":18:34: features.tax_credit_grade.bins[1].reason: no reason TAX_LOW in reasons"),
        broken(
            "overlapping range bins",
            "{min: 1, max: 730",
            "{min: 0, max: 730",
            ":13:9: features.max_overdue_days_24m.bins[1]: overlaps bins[0]"),
        broken(
            "repeated equals value",
            "{equals: D, points: -60",
            "{equals: A, points: -60",
            ":18:9: features.tax_credit_grade.bins[1]: overlaps bins[0]"),
        broken(
            "grade cut-offs out of order",
            "C: {min: 560",
            "C: {min: 660",
            ":7:7: grades.C.min: must be below grade B's minimum, 650"),
        broken(
            "lowest grade above the range's minimum",
            "D: {min: 300",
            "D: {min: 400",
            ":8:7: grades.D.min: must be the range's minimum, 300, so every score has a grade"),
        broken(
            "missing catalogue text",
            ", en: Low tax credit grade}",
            "}",
            ":23:3: reasons.TAX_GRADE_LOW.en: is required"),
        broken("blank label", "zh: 高,", "zh: ' ',", ":8:17: grades.D.zh: must not be blank"),
        broken(
            "unknown field",
            "{equals: A, points: 30}",
            "{equals: A, points: 30, colour: red}",
            ":17:33: features.tax_credit_grade.bins[0].colour: unknown field"),
        broken(
            "points not an integer",
            "{min: 0, max: 0, points: 40}",
            "{min: 0, max: 0, points: 40.5}",
            ":12:26: features.max_overdue_days_24m.bins[0].points: must be an integer, not a number"),
        broken(
            "equals on a numeric column",
            "{min: 0, max: 0, points: 40}",
            "{equals: true, points: 40}",
            ":12:10: features.max_overdue_days_24m.bins[0].equals: max_overdue_days_24m is numeric"),
        broken(
            "range on an enum column",
            "{equals: A, points: 30}",
            "{min: 1, points: 30}",
            ":17:10: features.tax_credit_grade.bins[0].min: tax_credit_grade is not numeric"),
        broken(
            "bin without values",
            "{equals: A, points: 30}",
            "{points: 30, reason: TAX_GRADE_LOW}",
            ":17:9: features.tax_credit_grade.bins[0]: needs equals, or min and/or max"),
        broken(
            "enum value not in the dataset schema",
            "{equals: A, points: 30}",
            "{equals: Z, points: 30}",
            ":17:10: features.tax_credit_grade.bins[0].equals: must be one of tax_credit_grade's"
                + " values, A, B, M, C, D"),
        broken(
            "min above max",
            "{min: 1, max: 730",
            "{min: 731, max: 730",
            ":13:20: features.max_overdue_days_24m.bins[1].max: must be at least min, 731"),
        broken(
            "base score outside the range",
            "baseScore: 600",
            "baseScore: 950",
            ":2:1: baseScore: must lie in the range 300–900"),
        broken(
            "model not named as its file",
            "model: tiny",
            "model: other",
            ":1:1: model: must be the file's name, tiny"),
        broken(
            "YAML alias",
            "missing: {points: 0}",
            "missing: *x",
            ":19:14: features.tax_credit_grade.missing: YAML aliases are not allowed"));
  }

  private static Arguments broken(String name, String from, String to, String expected) {
    if (!ScoringFixtures.TINY.contains(from)) {
      throw new IllegalArgumentException(name + ": fixture text not found: " + from);
    }
    return Arguments.of(name, ScoringFixtures.TINY.replace(from, to), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void load_brokenFile_failsWithPosition(String name, String yaml, String expected)
      throws IOException {
    ScoringFixtures.write(dir, "tiny", yaml);

    assertThatThrownBy(() -> Scorecards.load(dir, ScoringFixtures.schemas()))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(FILE + expected);
  }

  @Test
  void load_severalProblems_reportsEachOnItsOwnLine() throws IOException {
    ScoringFixtures.write(
        dir,
        "tiny",
        ScoringFixtures.TINY
            .replace("tax_credit_grade:", "tax_grade:")
            .replace("C: {min: 560", "C: {min: 660"));

    assertThatThrownBy(() -> Scorecards.load(dir, ScoringFixtures.schemas()))
        .hasMessage(
            FILE
                + ":7:7: grades.C.min: must be below grade B's minimum, 650\n"
                + FILE
                + ":15:3: features.tax_grade: no column tax_grade in the fused view (datasets/)");
  }
}
