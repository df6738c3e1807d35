package dev.safehouse.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Error-detection properties of the GB 32100-2015 check character.
 *
 * <p>The check makes {@code Σ v_i·w_i ≡ 0 (mod 31)} with {@code w_i = 3^(i-1)} for i = 1..17 and
 * weight 1 for the check character itself. Since 31 is prime and every weight is non-zero mod 31:
 * changing one value by {@code d ≠ 0} changes the sum by {@code d·w_i ≢ 0}; swapping adjacent
 * values {@code a ≠ b} at positions i, i+1 ≤ 17 changes it by {@code (a-b)(w_i - 3w_i) = -2(a-b)w_i
 * ≢ 0}; swapping positions 17 and 18 changes it by {@code (a-b)(28 - 1) ≢ 0}. So both are always
 * detected.
 *
 * <p>The random cases come from a fixed seed, so a failure reproduces exactly.
 */
class UsccPropertiesTest {
  private static final String ALPHABET = UsccChecksum.ALPHABET;
  private static final int CASES = 1_000;

  private final SplittableRandom random = new SplittableRandom(0x5AFE_40C5L);

  private String payload() {
    StringBuilder payload = new StringBuilder(17);
    for (int i = 0; i < 17; i++) {
      payload.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return payload.toString();
  }

  private List<String> codes() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      String payload = payload();
      codes.add(payload + UsccChecksum.checkCharacter(payload));
    }
    return codes;
  }

  /** Strings of 0–24 characters drawn from ASCII, full-width forms, CJK and whitespace. */
  private String arbitraryString() {
    String pool = ALPHABET + "abcxyzIOZSV -_./\t\u3000\uFF10\uFF21\u4E2D\u00A0\u200B";
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(25);
    for (int i = 0; i < length; i++) {
      text.append(pool.charAt(random.nextInt(pool.length())));
    }
    return text.toString();
  }

  private static String substitute(String code, int index, int shift) {
    int value = UsccChecksum.valueOf(code.charAt(index));
    char replacement = ALPHABET.charAt((value + shift) % ALPHABET.length());
    return code.substring(0, index) + replacement + code.substring(index + 1);
  }

  private static String swap(String code, int index) {
    return code.substring(0, index)
        + code.charAt(index + 1)
        + code.charAt(index)
        + code.substring(index + 2);
  }

  @Test
  void parse_payloadWithComputedCheckCharacter_isValid() {
    for (String code : codes()) {
      assertThat(Uscc.parse(code).value()).isEqualTo(code);
      assertThat(Uscc.parse(code.toLowerCase(Locale.ROOT))).isEqualTo(Uscc.parse(code));
    }
  }

  @Test
  void isValid_singleSubstitution_isDetected() {
    for (String code : codes()) {
      int index = random.nextInt(18);
      int shift = 1 + random.nextInt(30);
      assertThat(Uscc.isValid(substitute(code, index, shift))).as(code).isFalse();
    }
  }

  @Test
  void isValid_adjacentTransposition_isDetected() {
    for (String code : codes()) {
      for (int index = 0; index < 17; index++) {
        if (code.charAt(index) != code.charAt(index + 1)) {
          assertThat(Uscc.isValid(swap(code, index))).as(code).isFalse();
        }
      }
    }
  }

  @Test
  void parse_arbitraryString_eitherSucceedsOrThrowsSafeInvalidRequest() {
    for (int i = 0; i < CASES; i++) {
      String raw = arbitraryString();
      Throwable thrown = catchThrowable(() -> Uscc.parse(raw));

      assertThat(Uscc.isValid(raw)).isEqualTo(thrown == null);
      if (thrown != null) {
        assertThat(thrown)
            .isInstanceOf(InvalidRequestException.class)
            .hasMessageStartingWith("not a valid unified social credit code: ");
        if (raw.strip().length() >= 8) { // shorter strings could occur in fixed text by chance
          assertThat(thrown.getMessage()).doesNotContain(raw.strip());
        }
      }
    }
  }

  @Test
  void isValid_everySubstitutionAndTranspositionOfRealCodes_isDetected() {
    String[] codes = {
      "91350100M000100Y43", "914403001922038216", "9144030071526726XG", "91330100716105852F"
    };
    int checked = 0;
    for (String code : codes) {
      for (int index = 0; index < 18; index++) {
        for (int shift = 1; shift <= 30; shift++) {
          assertThat(Uscc.isValid(substitute(code, index, shift))).as(code).isFalse();
          checked++;
        }
        if (index < 17 && code.charAt(index) != code.charAt(index + 1)) {
          assertThat(Uscc.isValid(swap(code, index))).as(code).isFalse();
        }
      }
    }
    assertThat(checked).isEqualTo(4 * 18 * 30);
  }
}
