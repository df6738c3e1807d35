package dev.safehouse.common;

/**
 * The slug syntax shared by {@link DatasetId} and {@link ProviderId}: a lower-case ASCII letter,
 * then lower-case ASCII letters, digits and {@code '-'}; 3 to 63 characters; no trailing {@code
 * '-'} and no {@code "--"}. Only surrounding whitespace is removed; case is never folded, so an id
 * is stored exactly as the client will quote it.
 */
final class Slug {
  /** Fewest characters in a slug. */
  static final int MIN_LENGTH = 3;

  /** Most characters in a slug. */
  static final int MAX_LENGTH = 63;

  private Slug() {}

  /**
   * Strips surrounding whitespace from {@code raw} and checks the result.
   *
   * @param raw the id as submitted; may be null
   * @param kind what the id is, for the message, such as {@code "dataset id"}
   * @return the stripped slug
   * @throws InvalidRequestException if {@code raw} is null or the stripped text is not a slug; the
   *     message names {@code kind} and never the submitted value
   */
  static String require(String raw, String kind) {
    String slug = raw == null ? null : SurroundingWhitespace.strip(raw);
    String problem = problemWith(slug);
    if (problem != null) {
      throw new InvalidRequestException("not a valid " + kind + ": " + problem);
    }
    return slug;
  }

  /**
   * Tells whether {@link #require(String, String)} would accept {@code raw}.
   *
   * @param raw the id as submitted; may be null
   * @return true exactly when {@code require} succeeds
   */
  static boolean isValid(String raw) {
    return raw != null && problemWith(SurroundingWhitespace.strip(raw)) == null;
  }

  private static String problemWith(String slug) {
    if (slug == null) {
      return "no value given";
    }
    if (slug.length() < MIN_LENGTH || slug.length() > MAX_LENGTH) {
      return "expected 3 to 63 characters";
    }
    if (!isLowerCaseLetter(slug.charAt(0))) {
      return "must start with a lower-case ASCII letter";
    }
    for (int i = 1; i < slug.length(); i++) {
      char c = slug.charAt(i);
      if (!isLowerCaseLetter(c) && !(c >= '0' && c <= '9') && c != '-') {
        return "character at position "
            + (i + 1)
            + " is not a lower-case ASCII letter, digit or '-'";
      }
    }
    if (slug.charAt(slug.length() - 1) == '-') {
      return "must not end with '-'";
    }
    if (slug.contains("--")) {
      return "must not contain \"--\"";
    }
    return null;
  }

  private static boolean isLowerCaseLetter(char c) {
    return c >= 'a' && c <= 'z';
  }
}
