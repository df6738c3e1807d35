package dev.safehouse.common;

/**
 * Identifies a lending institution: the organisation id its tokens carry in the {@code org} claim.
 * An instance always holds a valid slug, with the rules of {@link ProviderId}: a lower-case ASCII
 * letter followed by lower-case ASCII letters, digits and {@code '-'}, 3 to 63 characters, no
 * trailing {@code '-'} and no {@code "--"}; only surrounding whitespace is removed. Error messages
 * never contain the submitted value.
 *
 * @param value the slug
 */
public record InstitutionId(String value) {
  /**
   * Strips surrounding whitespace and validates the slug.
   *
   * @param value the id as submitted by a client
   * @throws InvalidRequestException if {@code value} is null or, once stripped, is not a valid slug
   */
  public InstitutionId {
    value = Slug.require(value, "institution id");
  }

  /**
   * Parses an id; the same as {@link #InstitutionId(String) new InstitutionId(raw)}.
   *
   * @throws InvalidRequestException if {@code raw} is null or, once stripped, is not a valid slug
   */
  public static InstitutionId parse(String raw) {
    return new InstitutionId(raw);
  }

  /** Tells whether {@link #parse(String)} would accept {@code raw}, without throwing. */
  public static boolean isValid(String raw) {
    return Slug.isValid(raw);
  }

  /** Returns the slug. */
  @Override
  public String toString() {
    return value;
  }
}
