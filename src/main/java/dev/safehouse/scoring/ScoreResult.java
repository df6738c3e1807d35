package dev.safehouse.scoring;

import java.util.List;
import java.util.Objects;

/**
 * One enterprise's fused credit score: the score, its grade and why points were lost. Holds no raw
 * value of any source.
 *
 * @param score the score, within the scorecard's range
 * @param grade the grade of {@code score}
 * @param reasons at most {@link Scorecard#MAX_REASONS} reason codes, the most points lost first
 */
public record ScoreResult(int score, Grade grade, List<ReasonCode> reasons) {
  /** Copies the reasons. */
  public ScoreResult {
    Objects.requireNonNull(grade, "grade");
    reasons = List.copyOf(reasons);
  }
}
