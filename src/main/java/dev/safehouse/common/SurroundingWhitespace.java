package dev.safehouse.common;

/**
 * Removes the whitespace clients put around identifiers: pasted from spreadsheets, typed with a
 * Chinese input method (ideographic space U+3000), or copied from web pages (no-break space).
 */
final class SurroundingWhitespace {
  private SurroundingWhitespace() {}

  /**
   * Returns {@code text} without leading and trailing whitespace; inner characters are untouched.
   *
   * <p>Whitespace is the Unicode {@code White_Space} property: U+0009–U+000D, U+0085 and every
   * space, line or paragraph separator (Zs, Zl, Zp), which includes U+00A0, U+2000–U+200A and
   * U+3000. Zero-width characters such as U+200B and U+FEFF are not whitespace and are kept.
   *
   * @param text not null
   * @return the stripped text, possibly empty
   */
  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isWhitespace(char c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x85 || Character.isSpaceChar(c);
  }
}
