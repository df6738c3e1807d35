package dev.safehouse.query;

import java.util.Locale;

/**
 * One lexical token of a researcher's query, located by character offset.
 *
 * @param kind what the token is
 * @param text the token's text exactly as written (quotes included)
 * @param start offset of its first character
 * @param end offset just past its last character
 */
record SqlToken(Kind kind, String text, int start, int end) {

  /** Token kinds. */
  enum Kind {
    /** A keyword or unquoted identifier. */
    WORD,
    /** A {@code "double-quoted"} or {@code `back-quoted`} identifier. */
    QUOTED,
    /** A {@code 'string'} literal ({@code ''} escapes a quote). */
    STRING,
    /** A number. */
    NUMBER,
    /** A named parameter {@code :name}. */
    PARAMETER,
    /** An operator or punctuation. */
    SYMBOL,
    /** A {@code --} or {@code /* *}{@code /} comment (hints included). */
    COMMENT,
    /** A string, quoted identifier or block comment that never ends. */
    UNTERMINATED
  }

  /** Whether this is the word {@code keyword}, ignoring case. */
  boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  /** Returns the upper-case text of a word. */
  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** Returns the span this token covers. */
  Span span() {
    return new Span(start, end);
  }
}
