package dev.safehouse.common;

import java.text.Normalizer;
import java.util.Objects;

/**
 * An 18-character unified social credit code (统一社会信用代码) of GB 32100-2015, the identifier of a legal
 * entity in mainland China. An instance always holds a valid code in canonical form.
 *
 * <p>Construction normalises what clients send, in this order: Unicode NFKC (full-width digits and
 * letters become ASCII, U+3000 becomes a space), removal of surrounding whitespace, ASCII lower
 * case to upper case. It then requires exactly 18 characters, each from the 31-character alphabet
 * {@code 0-9 A-H J-N P-R T U W-Y}, and a matching check character at position 18. Inner whitespace
 * is never removed. Input longer than 64 characters is rejected before normalisation.
 *
 * <p>Error messages never contain the submitted value; they may name a 1-based character position.
 *
 * @param value the canonical code: 18 upper-case ASCII characters with a valid check character
 */
public record Uscc(String value) {
  /** Number of characters in a code. */
  public static final int LENGTH = 18;

  // Bounds the work done on hostile input; generous for an 18-character code with padding.
  private static final int MAX_RAW_LENGTH = 64;
  private static final String INVALID = "not a valid unified social credit code: ";

  /**
   * Normalises and validates a code.
   *
   * @param value the code as submitted by a client
   * @throws InvalidRequestException if {@code value} is null or, once normalised, is not 18
   *     characters, has a character outside the GB 32100-2015 alphabet, or has a wrong check
   *     character
   */
  public Uscc {
    value = normalise(value);
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidRequestException(INVALID + problem);
    }
  }

  /**
   * Parses a code; the same as {@link #Uscc(String) new Uscc(raw)}.
   *
   * @param raw the code as submitted by a client
   * @return the code in canonical form
   * @throws InvalidRequestException if {@code raw} is null or not a valid code after normalisation
   */
  public static Uscc parse(String raw) {
    return new Uscc(raw);
  }

  /**
   * Tells whether {@link #parse(String)} would accept {@code raw}, without throwing.
   *
   * @param raw the code as submitted by a client; may be null
   * @return true exactly when {@code parse(raw)} succeeds
   */
  public static boolean isValid(String raw) {
    return problemWith(normalise(raw)) == null;
  }

  /**
   * Tells whether the {@value #LENGTH} bytes at {@code offset} already are a valid code in
   * canonical form: upper-case ASCII characters of the alphabet with a matching check character. A
   * fast path for bulk input that allocates nothing; a false answer means "normalise and parse as
   * text", not necessarily "invalid".
   *
   * @throws IndexOutOfBoundsException if fewer than 18 bytes follow {@code offset}
   */
  public static boolean isCanonical(byte[] ascii, int offset) {
    Objects.checkFromIndexSize(offset, LENGTH, ascii.length);
    return UsccChecksum.isCanonical(ascii, offset);
  }

  /**
   * Completes the first 17 characters of a code with their check character; used to make valid
   * codes for demo data and tests.
   *
   * @param first17 17 characters from the GB 32100-2015 alphabet, upper case
   * @throws InvalidRequestException if {@code first17} is not 17 alphabet characters
   */
  public static Uscc withCheckCharacter(String first17) {
    try {
      return new Uscc(first17 + UsccChecksum.checkCharacter(first17));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(INVALID + "expected 17 characters of the alphabet");
    }
  }

  /**
   * Returns the registration authority code, character 1 (for example {@code '9'}, industry and
   * commerce).
   */
  public char registrationAuthorityCode() {
    return value.charAt(0);
  }

  /**
   * Returns the entity type code, character 2, whose meaning depends on the registration authority.
   */
  public char entityTypeCode() {
    return value.charAt(1);
  }

  /** Returns the administrative division code of the registering authority, characters 3 to 8. */
  public String administrativeDivisionCode() {
    return value.substring(2, 8);
  }

  /** Returns the canonical 18-character code. */
  @Override
  public String toString() {
    return value;
  }

  private static String normalise(String raw) {
    if (raw == null || raw.length() > MAX_RAW_LENGTH) {
      return raw; // rejected by problemWith
    }
    String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    return upperCaseAscii(SurroundingWhitespace.strip(folded));
  }

  // Only ASCII letters are folded, so no non-ASCII character can turn into a code character.
  private static String upperCaseAscii(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'a' && chars[i] <= 'z') {
        chars[i] = (char) (chars[i] - 'a' + 'A');
      }
    }
    return new String(chars);
  }

  /** Returns what is wrong with a normalised code, safe to show to a caller, or null if nothing. */
  private static String problemWith(String code) {
    if (code == null) {
      return "no value given";
    }
    if (code.length() != LENGTH) {
      return "expected 18 characters";
    }
    for (int i = 0; i < LENGTH; i++) {
      if (UsccChecksum.valueOf(code.charAt(i)) < 0) {
        return "character outside the GB 32100-2015 alphabet at position " + (i + 1);
      }
    }
    char expected = UsccChecksum.checkCharacter(code.subSequence(0, UsccChecksum.PAYLOAD_LENGTH));
    return expected == code.charAt(LENGTH - 1) ? null : "check character does not match";
  }
}
