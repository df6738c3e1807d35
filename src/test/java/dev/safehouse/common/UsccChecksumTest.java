package dev.safehouse.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccChecksumTest {

  @Test
  void alphabet_hasThirtyOneDistinctCharacters() {
    assertThat(UsccChecksum.ALPHABET).hasSize(31);
    assertThat(UsccChecksum.ALPHABET.chars().distinct().count()).isEqualTo(31);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0", "9, 9", "A, 10", "H, 17", "J, 18", "N, 22", "P, 23", "Q, 24", "R, 25", "T, 26", "U, 27",
    "W, 28", "X, 29", "Y, 30",
  })
  void valueOf_alphabetCharacter_returnsSpecValue(char c, int value) {
    assertThat(UsccChecksum.valueOf(c)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', 'a', 'y', ' ', '-', '\uFF10', '\uFF21'})
  void valueOf_otherCharacter_returnsMinusOne(char c) {
    assertThat(UsccChecksum.valueOf(c)).isEqualTo(-1);
  }

  @ParameterizedTest
  @CsvSource({
    "91350100M000100Y4, 3",
    "91440300192203821, 6",
    "9144030071526726X, G",
    "91330100716105852, F",
    // weighted sum 0 gives c = 31, written '0'; sum 1 gives c = 30, 'Y'
    "00000000000000000, 0",
    "10000000000000000, Y",
    // position 17 alone, value 1, weight 28: c = 31 - 28 = 3
    "00000000000000001, 3",
  })
  void checkCharacter_knownPayload_returnsExpected(String first17, char expected) {
    assertThat(UsccChecksum.checkCharacter(first17)).isEqualTo(expected);
  }

  @Test
  void checkCharacter_wrongLength_throws() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UsccChecksum.checkCharacter("9135010"))
        .withMessage("expected 17 characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UsccChecksum.checkCharacter("91350100M000100Y43"));
  }

  @Test
  void checkCharacter_characterOutsideAlphabet_throwsWithoutEchoingInput() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> UsccChecksum.checkCharacter("91350100I000100Y4"))
        .withMessage("character outside the GB 32100-2015 alphabet");
  }
}
