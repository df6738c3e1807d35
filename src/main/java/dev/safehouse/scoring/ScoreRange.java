package dev.safehouse.scoring;

/**
 * The scores a scorecard can give, both bounds inclusive; raw scores outside are clamped.
 *
 * @param min the lowest score
 * @param max the highest score, above {@code min}
 */
public record ScoreRange(int min, int max) {
  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException unless {@code min < max}
   */
  public ScoreRange {
    if (min >= max) {
      throw new IllegalArgumentException("a score range needs min below max");
    }
  }

  /** Returns whether {@code score} lies in the range. */
  public boolean contains(long score) {
    return score >= min && score <= max;
  }

  /** Returns {@code score} clamped to {@code [min, max]}. */
  public int clamp(long score) {
    return (int) Math.max(min, Math.min(max, score));
  }
}
