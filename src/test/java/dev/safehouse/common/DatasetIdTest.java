package dev.safehouse.common;

import static dev.safehouse.common.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DatasetIdTest {
  private static final String PREFIX = "not a valid dataset id: ";

  @ParameterizedTest
  @MethodSource("dev.safehouse.common.SlugCases#valid")
  void parse_validSlug_keepsValue(String slug) {
    DatasetId id = DatasetId.parse(slug);

    assertThat(id.value()).isEqualTo(slug);
    assertThat(id).hasToString(slug).isEqualTo(new DatasetId(slug));
    assertThat(DatasetId.isValid(slug)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("dev.safehouse.common.SlugCases#padded")
  void parse_surroundingWhitespace_isStripped(String raw, String expected) {
    assertThat(DatasetId.parse(raw).value()).isEqualTo(expected);
    assertThat(new DatasetId(raw)).isEqualTo(new DatasetId(expected));
    assertThat(DatasetId.isValid(raw)).isTrue();
  }

  @Test
  void parse_null_fails() {
    assertRejected(() -> new DatasetId(null), null, PREFIX + "no value given");
    assertThat(DatasetId.isValid(null)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("dev.safehouse.common.SlugCases#invalid")
  void parse_invalidSlug_failsWithSafeMessage(String raw, String problem) {
    assertRejected(() -> new DatasetId(raw), raw, PREFIX + problem);
    assertRejected(() -> DatasetId.parse(raw), raw, PREFIX + problem);
    assertThat(DatasetId.isValid(raw)).isFalse();
  }
}
