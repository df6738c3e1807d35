package dev.safehouse.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SurroundingWhitespaceTest {

  @ParameterizedTest
  @ValueSource(
      chars = {
        ' ', '\t', '\n', '\u000B', '\f', '\r', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2007',
        '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'
      })
  void strip_unicodeWhiteSpaceAround_isRemoved(char space) {
    assertThat(SurroundingWhitespace.strip(space + "a b" + space + space)).isEqualTo("a b");
  }

  @ParameterizedTest
  @ValueSource(chars = {'\u200B', '\uFEFF', '\u0000', '_'})
  void strip_nonWhiteSpaceAround_isKept(char c) {
    assertThat(SurroundingWhitespace.strip(c + "ab")).isEqualTo(c + "ab");
  }

  @ParameterizedTest
  @CsvSource(
      value = {"'', ''", "'   ', ''", "'a', 'a'", "' a  b ', 'a  b'"},
      quoteCharacter = '\'')
  void strip_edgeCases_returnExpected(String text, String expected) {
    assertThat(SurroundingWhitespace.strip(text)).isEqualTo(expected);
  }
}
