package dev.safehouse.crypto.sm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinguishing identifier {@code ID_A} hashed into an SM2 signature's {@code Z_A} (GB/T
 * 32918.2 §5.5). Immutable; copies its input.
 *
 * @param bytes the id; at most 8191 bytes, since {@code ENTL_A} counts its bits in 16 bits
 */
public record Sm2UserId(byte[] bytes) {
  /** The default id of GM/T 0009-2012 §10: the ASCII bytes of {@code "1234567812345678"}. */
  public static final Sm2UserId DEFAULT = ofAscii("1234567812345678");

  /**
   * Copies and checks the id.
   *
   * @throws IllegalArgumentException if it is longer than 8191 bytes
   */
  public Sm2UserId {
    if (bytes.length > 8191) {
      throw new IllegalArgumentException("an SM2 user id is at most 8191 bytes");
    }
    bytes = bytes.clone();
  }

  /** Returns the id made of the ASCII bytes of {@code id}. */
  public static Sm2UserId ofAscii(String id) {
    return new Sm2UserId(id.getBytes(StandardCharsets.US_ASCII));
  }

  /** Returns a copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sm2UserId that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
