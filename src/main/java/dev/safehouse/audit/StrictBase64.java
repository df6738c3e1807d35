package dev.safehouse.audit;

import java.util.Base64;

/**
 * Standard base64 with padding, accepted only in its one canonical spelling: a lenient decoder
 * ignores the padding bits of the last character, so that one value has several spellings and a
 * changed character can go unnoticed.
 */
public final class StrictBase64 {
  private StrictBase64() {}

  /** Returns the decoded bytes, or null if {@code text} is not canonical standard base64. */
  public static byte[] decode(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
  }
}
