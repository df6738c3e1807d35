package dev.safehouse.scoring;

import java.util.Objects;
import java.util.Set;

/**
 * A risk grade, {@code A} (lowest risk) to {@code D} (highest), with its labels and the minimum
 * score that earns it.
 *
 * @param letter {@code A}, {@code B}, {@code C} or {@code D}
 * @param zh the Chinese label, such as 低风险
 * @param en the English label, such as Low risk
 * @param minScore the lowest score with this grade (inclusive)
 */
public record Grade(String letter, String zh, String en, int minScore) {
  private static final Set<String> LETTERS = Set.of("A", "B", "C", "D");

  /**
   * Validates the letter and labels.
   *
   * @throws IllegalArgumentException if the letter is not A–D or a label is blank
   */
  public Grade {
    if (!LETTERS.contains(letter)) {
      throw new IllegalArgumentException("grades are A, B, C and D");
    }
    if (Objects.requireNonNull(zh, "zh").isBlank() || Objects.requireNonNull(en, "en").isBlank()) {
      throw new IllegalArgumentException("grade " + letter + " needs its zh and en label");
    }
  }
}
