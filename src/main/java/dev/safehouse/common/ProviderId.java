package dev.safehouse.common;

/**
 * Identifies a data provider; an instance always holds a valid slug.
 *
 * <p>A slug is a lower-case ASCII letter followed by lower-case ASCII letters, digits and {@code
 * '-'}, 3 to 63 characters long, with no trailing {@code '-'} and no {@code "--"}. Surrounding
 * whitespace (Unicode {@code White_Space}, including U+3000) is removed; nothing else is changed,
 * so upper case and full-width forms are rejected rather than folded. Error messages never contain
 * the submitted value.
 *
 * @param value the slug
 */
public record ProviderId(String value) {
  /**
   * Strips surrounding whitespace and validates the slug.
   *
   * @param value the id as submitted by a client
   * @throws InvalidRequestException if {@code value} is null or, once stripped, is not a valid slug
   */
  public ProviderId {
    value = Slug.require(value, "provider id");
  }

  /**
   * Parses an id; the same as {@link #ProviderId(String) new ProviderId(raw)}.
   *
   * @param raw the id as submitted by a client
   * @return the id
   * @throws InvalidRequestException if {@code raw} is null or, once stripped, is not a valid slug
   */
  public static ProviderId parse(String raw) {
    return new ProviderId(raw);
  }

  /**
   * Tells whether {@link #parse(String)} would accept {@code raw}, without throwing.
   *
   * @param raw the id as submitted by a client; may be null
   * @return true exactly when {@code parse(raw)} succeeds
   */
  public static boolean isValid(String raw) {
    return Slug.isValid(raw);
  }

  /** Returns the slug. */
  @Override
  public String toString() {
    return value;
  }
}
