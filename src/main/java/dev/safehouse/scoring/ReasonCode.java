package dev.safehouse.scoring;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why an enterprise lost points: a stable code (such as {@code OVERDUE_24M}) from a scorecard's
 * catalogue, with its Chinese and English text. Never carries a raw value.
 *
 * @param code upper-case letters, digits and underscores, starting with a letter
 * @param zh the Chinese text, not blank
 * @param en the English text, not blank
 */
public record ReasonCode(String code, String zh, String en) {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,62}");

  /**
   * Validates the code and texts.
   *
   * @throws IllegalArgumentException if the code is malformed or a text is blank
   */
  public ReasonCode {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("reason codes are upper-case, such as OVERDUE_24M");
    }
    if (Objects.requireNonNull(zh, "zh").isBlank() || Objects.requireNonNull(en, "en").isBlank()) {
      throw new IllegalArgumentException("reason " + code + " needs its zh and en text");
    }
  }
}
