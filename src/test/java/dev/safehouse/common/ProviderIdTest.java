package dev.safehouse.common;

import static dev.safehouse.common.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProviderIdTest {
  private static final String PREFIX = "not a valid provider id: ";

  @ParameterizedTest
  @MethodSource("dev.safehouse.common.SlugCases#valid")
  void parse_validSlug_keepsValue(String slug) {
    ProviderId id = ProviderId.parse(slug);

    assertThat(id.value()).isEqualTo(slug);
    assertThat(id).hasToString(slug).isEqualTo(new ProviderId(slug));
    assertThat(ProviderId.isValid(slug)).isTrue();
  }

  @ParameterizedTest
  @MethodSource("dev.safehouse.common.SlugCases#padded")
  void parse_surroundingWhitespace_isStripped(String raw, String expected) {
    assertThat(ProviderId.parse(raw).value()).isEqualTo(expected);
    assertThat(new ProviderId(raw)).isEqualTo(new ProviderId(expected));
    assertThat(ProviderId.isValid(raw)).isTrue();
  }

  @Test
  void parse_null_fails() {
    assertRejected(() -> new ProviderId(null), null, PREFIX + "no value given");
    assertThat(ProviderId.isValid(null)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("dev.safehouse.common.SlugCases#invalid")
  void parse_invalidSlug_failsWithSafeMessage(String raw, String problem) {
    assertRejected(() -> new ProviderId(raw), raw, PREFIX + problem);
    assertRejected(() -> ProviderId.parse(raw), raw, PREFIX + problem);
    assertThat(ProviderId.isValid(raw)).isFalse();
  }
}
