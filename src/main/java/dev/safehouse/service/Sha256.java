package dev.safehouse.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Incremental SHA-256 of ciphertext the host handles, and digest comparison in constant time. */
final class Sha256 {
  private final MessageDigest digest;
  private long bytes;

  Sha256() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * A finished digest.
   *
   * @param hex lower-case hex
   * @param bytes how many bytes were hashed
   */
  record Digest(String hex, long bytes) {}

  void update(byte[] data) {
    digest.update(data);
    bytes += data.length;
  }

  Digest finish() {
    return new Digest(HexFormat.of().formatHex(digest.digest()), bytes);
  }

  static String hex(byte[] data) {
    Sha256 sha = new Sha256();
    sha.update(data);
    return sha.finish().hex();
  }

  /** Compares two hex digests in constant time, ignoring case; false for a missing claim. */
  static boolean equalHex(String actual, String claimed) {
    if (claimed == null) {
      return false;
    }
    return MessageDigest.isEqual(
        actual.getBytes(StandardCharsets.US_ASCII),
        claimed.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
