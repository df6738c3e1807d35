package dev.safehouse.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.text.Normalizer;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that input is refused with a fixed, caller-safe message. */
final class Rejection {
  private Rejection() {}

  /**
   * Asserts that {@code action} throws {@link InvalidRequestException} reported as 400 with exactly
   * {@code expectedMessage}, and that the message repeats neither {@code raw} nor its normalised
   * form (checked when the stripped input has at least 3 characters, so that fixed words such as
   * "id" cannot collide).
   */
  static void assertRejected(ThrowingCallable action, String raw, String expectedMessage) {
    Throwable thrown = catchThrowable(action);
    assertThat(thrown).isInstanceOf(InvalidRequestException.class).hasMessage(expectedMessage);
    assertThat(((InvalidRequestException) thrown).type()).isEqualTo(ProblemType.INVALID_REQUEST);
    if (raw != null && raw.strip().length() >= 3) {
      String normalised =
          Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
      assertThat(thrown.getMessage()).doesNotContain(raw.strip()).doesNotContain(normalised);
    }
  }
}
