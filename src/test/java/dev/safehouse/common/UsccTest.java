package dev.safehouse.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {
  private static final String TENCENT = "9144030071526726XG";

  /** Turns printable ASCII into its full-width form (U+FF01..U+FF5E), as Chinese IMEs type it. */
  static String fullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(c > ' ' && c <= '~' ? (char) (c + 0xFEE0) : c);
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"91350100M000100Y43", "914403001922038216", TENCENT, "91330100716105852F"})
  void parse_realCode_keepsCanonicalCode(String code) {
    Uscc uscc = Uscc.parse(code);

    assertThat(uscc.value()).isEqualTo(code);
    assertThat(uscc).hasToString(code).isEqualTo(new Uscc(code));
    assertThat(Uscc.isValid(code)).isTrue();
  }

  @Test
  void parse_checkValue31_isWrittenAsZero() {
    // Seventeen zeros sum to 0, so c = 31 - 0 = 31, which GB 32100-2015 writes as '0'.
    assertThat(Uscc.isValid("000000000000000000")).isTrue();
    assertThat(Uscc.isValid("00000000000000000Y")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "91350100M000100Y43, 9, 1, 350100",
    "914403001922038216, 9, 1, 440300",
    "9144030071526726XG, 9, 1, 440300",
    "91330100716105852F, 9, 1, 330100",
  })
  void accessors_realCode_returnParts(
      String code, char authority, char entityType, String division) {
    Uscc uscc = Uscc.parse(code);

    assertThat(uscc.registrationAuthorityCode()).isEqualTo(authority);
    assertThat(uscc.entityTypeCode()).isEqualTo(entityType);
    assertThat(uscc.administrativeDivisionCode()).isEqualTo(division);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9144030071526726xg",
        "9144030071526726Xg",
        " 9144030071526726XG",
        "9144030071526726XG\n",
        "\t 9144030071526726xg \r\n",
        "\u30009144030071526726XG\u3000",
        "\u3000\u3000 9144030071526726XG",
        "\u00A09144030071526726XG\u2003",
        "\u20289144030071526726XG\u0085\u000B",
        "９１４４０３００７１５２６７２６ＸＧ",
        "９１４４０３００７１５２６７２６ｘｇ",
        "\u3000９１４４０３００７１５２６７２６ｘｇ \u3000",
      })
  void parse_clientVariant_normalisesToCanonicalCode(String raw) {
    assertThat(Uscc.parse(raw).value()).isEqualTo(TENCENT);
    assertThat(new Uscc(raw)).isEqualTo(Uscc.parse(TENCENT));
    assertThat(Uscc.isValid(raw)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100m000100y43", "91350100M000100Y43 "})
  void parse_generatedFullWidthVariant_normalisesToCanonicalCode(String raw) {
    assertThat(Uscc.parse(fullWidth(raw)).value()).isEqualTo("91350100M000100Y43");
  }

  @Test
  void equals_differentSpellingsOfOneCode_areEqualWithEqualHashCodes() {
    Uscc upper = Uscc.parse(TENCENT);
    Uscc lower = Uscc.parse(" 9144030071526726xg");

    assertThat(lower).isEqualTo(upper).hasSameHashCodeAs(upper);
    assertThat(lower).isNotEqualTo(Uscc.parse("91330100716105852F"));
  }

  @org.junit.jupiter.api.Test
  void withCheckCharacter_completesARealCode_andRefusesBadPayloads() {
    org.assertj.core.api.Assertions.assertThat(Uscc.withCheckCharacter("91350100M000100Y4").value())
        .isEqualTo("91350100M000100Y43");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Uscc.withCheckCharacter("9135"))
        .isInstanceOf(InvalidRequestException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Uscc.withCheckCharacter("91350100M000100I4"))
        .isInstanceOf(InvalidRequestException.class);
  }
}
