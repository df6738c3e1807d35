package dev.safehouse.crypto.sm;

import java.security.MessageDigest;

/**
 * SM3 (GB/T 32905-2016), the 256-bit hash of the {@code sm} suite, as a {@link MessageDigest}
 * computed by BouncyCastle's {@code SM3Digest} without registering a JCA provider.
 */
public final class Sm3 {
  /** Length of an SM3 digest, in bytes. */
  public static final int LENGTH = 32;

  private Sm3() {}

  /** Returns a fresh SM3 digest; like every {@link MessageDigest}, not thread-safe. */
  public static MessageDigest newDigest() {
    return new org.bouncycastle.jcajce.provider.digest.SM3.Digest();
  }

  /** Returns SM3 of {@code data}. */
  public static byte[] hash(byte[] data) {
    return newDigest().digest(data);
  }
}
