package dev.safehouse.common;

import static dev.safehouse.common.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccRejectionTest {
  private static final String VALID = "91350100M000100Y43";
  private static final String PREFIX = "not a valid unified social credit code: ";
  private static final String LENGTH = PREFIX + "expected 18 characters";
  private static final String CHECK = PREFIX + "check character does not match";

  private static String alphabet(int position) {
    return PREFIX + "character outside the GB 32100-2015 alphabet at position " + position;
  }

  /** Replaces the character at 1-based {@code position} of {@link #VALID}. */
  private static String replaceAt(int position, String replacement) {
    return VALID.substring(0, position - 1) + replacement + VALID.substring(position);
  }

  private static void assertInvalid(String raw, String expectedMessage) {
    assertRejected(() -> new Uscc(raw), raw, expectedMessage);
    assertRejected(() -> Uscc.parse(raw), raw, expectedMessage);
    assertThat(Uscc.isValid(raw)).isFalse();
  }

  @Test
  void parse_null_fails() {
    assertInvalid(null, PREFIX + "no value given");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\u3000", "\t\r\n", "\u00A0\u2003"})
  void parse_emptyOrBlank_fails(String raw) {
    assertInvalid(raw, LENGTH);
  }

  @Test
  void parse_wrongLength_fails() {
    assertInvalid("0", LENGTH);
    assertInvalid("\u200B", LENGTH);
    assertInvalid(VALID.substring(0, 17), LENGTH);
    assertInvalid(VALID + "0", LENGTH);
    assertInvalid("\u200B" + VALID, LENGTH);
    assertInvalid(VALID.repeat(50), LENGTH);
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', 'i', 'o', 'z', 's', 'v'})
  void parse_forbiddenLetter_fails(char letter) {
    assertInvalid(replaceAt(9, String.valueOf(letter)), alphabet(9));
    assertInvalid(replaceAt(18, String.valueOf(letter)), alphabet(18));
  }

  @ParameterizedTest
  @ValueSource(chars = {'-', '.', '/', '_', '*', '#', '+', '\'', '"', '\0'})
  void parse_punctuation_fails(char punctuation) {
    assertInvalid(replaceAt(5, String.valueOf(punctuation)), alphabet(5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "中", // CJK ideograph
        "\u0410", // Cyrillic A, looks like Latin A
        "\u039F", // Greek Omicron, looks like O
        "\u00C9", // É: NFKC keeps it composed
        "\u0660", // Arabic-Indic zero: not folded to '0' by NFKC
        "\u200B", // zero-width space: not whitespace
        "\uFEFF", // byte order mark
      })
  void parse_nonLatinCharacter_fails(String character) {
    assertInvalid(replaceAt(3, character), alphabet(3));
  }

  @Test
  void parse_surrogatePairReplacingTwoCharacters_fails() {
    String emoji = "\uD83D\uDE00";
    assertInvalid(VALID.substring(0, 4) + emoji + VALID.substring(6), alphabet(5));
  }

  @Test
  void parse_internalSpace_fails() {
    assertInvalid(replaceAt(9, " "), alphabet(9));
    assertInvalid(replaceAt(9, "\u3000"), alphabet(9));
    assertInvalid(replaceAt(9, "\t"), alphabet(9));
    assertInvalid(VALID.substring(0, 8) + " " + VALID.substring(8), LENGTH);
  }

  static Stream<Arguments> wrongCheckCharacters() {
    return Stream.of("91350100M000100Y43", "914403001922038216", "9144030071526726XG")
        .flatMap(
            code ->
                UsccChecksum.ALPHABET
                    .chars()
                    .filter(c -> c != code.charAt(17))
                    .mapToObj(c -> Arguments.of(code.substring(0, 17) + (char) c)));
  }

  @ParameterizedTest
  @MethodSource("wrongCheckCharacters")
  void parse_wrongCheckCharacter_fails(String code) {
    assertInvalid(code, CHECK);
    assertInvalid(code.toLowerCase(java.util.Locale.ROOT), CHECK);
  }

  @Test
  void wrongCheckCharacters_coverEveryOtherAlphabetCharacter() {
    assertThat(wrongCheckCharacters()).hasSize(3 * 30);
  }
}
