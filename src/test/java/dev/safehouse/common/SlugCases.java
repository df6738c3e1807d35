package dev.safehouse.common;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Inputs shared by {@link DatasetIdTest} and {@link ProviderIdTest}, which have the same syntax.
 */
final class SlugCases {
  private SlugCases() {}

  /** Valid slugs, each already in canonical form. */
  static Stream<String> valid() {
    return Stream.of(
        "abc", "a1b", "a-b", "credit-bureau", "fujian-smes-2024", "x9-y8-z7", "a" + "b".repeat(62));
  }

  /** Slugs with surrounding whitespace, each paired with the canonical slug. */
  static Stream<Arguments> padded() {
    return Stream.of(
        Arguments.of(" loans-2024", "loans-2024"),
        Arguments.of("loans-2024\n", "loans-2024"),
        Arguments.of("\t loans-2024 \r\n", "loans-2024"),
        Arguments.of("\u3000loans-2024\u3000", "loans-2024"),
        Arguments.of("\u00A0loans-2024\u2003\u2028", "loans-2024"),
        Arguments.of(" ".repeat(100) + "abc" + " ".repeat(100), "abc"));
  }

  /** Invalid inputs, each with the problem the message must state after "not a valid … id: ". */
  static Stream<Arguments> invalid() {
    String length = "expected 3 to 63 characters";
    String start = "must start with a lower-case ASCII letter";
    return Stream.of(
        Arguments.of("", length),
        Arguments.of("   ", length),
        Arguments.of("\u3000", length),
        Arguments.of("ab", length),
        Arguments.of("a" + "b".repeat(63), length),
        Arguments.of("Abc", start),
        Arguments.of("1abc", start),
        Arguments.of("-abc", start),
        Arguments.of("_abc", start),
        Arguments.of("ａｂｃ", start), // full-width is not folded
        Arguments.of("\u0430bc", start), // Cyrillic a
        Arguments.of("\u200Babc", start), // zero-width space is not whitespace
        Arguments.of("abC", charAt(3)),
        Arguments.of("loans-2024-Q1", charAt(12)),
        Arguments.of("abc_def", charAt(4)),
        Arguments.of("abc.def", charAt(4)),
        Arguments.of("abc/def", charAt(4)),
        Arguments.of("abc def", charAt(4)),
        Arguments.of("abc\u3000def", charAt(4)),
        Arguments.of("caf\u00E9", charAt(4)),
        Arguments.of("da\u0301ta", charAt(3)), // combining accent
        Arguments.of("abc\uD83D\uDE00", charAt(4)),
        Arguments.of("abc-", "must not end with '-'"),
        Arguments.of("loans-2024-", "must not end with '-'"),
        Arguments.of("a--b", "must not contain \"--\""),
        Arguments.of("loans---2024", "must not contain \"--\""));
  }

  private static String charAt(int position) {
    return "character at position " + position + " is not a lower-case ASCII letter, digit or '-'";
  }
}
