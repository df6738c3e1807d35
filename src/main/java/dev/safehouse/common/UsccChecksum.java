package dev.safehouse.common;

import java.util.Arrays;

/**
 * The character set and check character of the unified social credit code (GB 32100-2015).
 *
 * <p>Works on normalised input only: upper-case ASCII, no whitespace. Normalisation belongs to
 * {@link Uscc}.
 */
final class UsccChecksum {
  /**
   * The 31 code characters in value order: {@code '0'..'9'} are 0..9, {@code 'A'} is 10, …, {@code
   * 'Y'} is 30. The letters I, O, Z, S and V are not used.
   */
  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** The modulus of the check computation, equal to the size of the alphabet. */
  static final int MODULUS = 31;

  /** Number of characters the check character is computed over. */
  static final int PAYLOAD_LENGTH = 17;

  // Weight of position i (1-based) is 3^(i-1) mod 31, as tabulated in GB 32100-2015.
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private UsccChecksum() {}

  /**
   * Returns the value of a code character.
   *
   * @param c any character
   * @return 0..30 if {@code c} is in {@link #ALPHABET}; -1 otherwise, including for lower-case
   *     letters and full-width forms
   */
  static int valueOf(char c) {
    return ALPHABET.indexOf(c);
  }

  /**
   * Computes the check character (position 18) for the first 17 characters of a code.
   *
   * <p>With {@code v_i} the value of the character at position {@code i} and {@code w_i = 3^(i-1)
   * mod 31}, the check value is {@code c = 31 - (Σ v_i·w_i mod 31)}, where 31 stands for 0; the
   * result is the alphabet character with value {@code c}.
   *
   * @param first17 exactly 17 characters, each in {@link #ALPHABET}; not null
   * @return the check character, always in {@link #ALPHABET}
   * @throws IllegalArgumentException if {@code first17} does not have 17 characters or contains a
   *     character outside the alphabet; the message does not repeat the input
   */
  static char checkCharacter(CharSequence first17) {
    if (first17.length() != PAYLOAD_LENGTH) {
      throw new IllegalArgumentException("expected 17 characters");
    }
    int sum = 0;
    for (int i = 0; i < PAYLOAD_LENGTH; i++) {
      int value = valueOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("character outside the GB 32100-2015 alphabet");
      }
      sum += value * WEIGHTS[i];
    }
    int check = MODULUS - sum % MODULUS; // 1..31
    return ALPHABET.charAt(check % MODULUS); // a check value of 31 is written as '0'
  }

  // Value of each ASCII byte as a code character, or -1; upper case only, like valueOf.
  private static final byte[] BYTE_VALUES = new byte[128];

  static {
    Arrays.fill(BYTE_VALUES, (byte) -1);
    for (int v = 0; v < MODULUS; v++) {
      BYTE_VALUES[ALPHABET.charAt(v)] = (byte) v;
    }
  }

  /**
   * Tells whether the 18 bytes at {@code offset} are a code in canonical form (upper-case ASCII
   * alphabet characters) with a matching check character; allocates nothing.
   */
  static boolean isCanonical(byte[] bytes, int offset) {
    int sum = 0;
    for (int i = 0; i < PAYLOAD_LENGTH; i++) {
      int b = bytes[offset + i];
      int value = b < 0 ? -1 : BYTE_VALUES[b];
      if (value < 0) {
        return false;
      }
      sum += value * WEIGHTS[i];
    }
    int last = bytes[offset + PAYLOAD_LENGTH];
    return last >= 0 && BYTE_VALUES[last] == (MODULUS - sum % MODULUS) % MODULUS;
  }
}
