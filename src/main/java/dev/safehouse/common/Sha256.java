package dev.safehouse.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256, the one hash Safehouse uses for fingerprints, digests and ids: one-shot ({@link #hex}),
 * incremental ({@link #update} / {@link #finish}), and comparison of hex digests in constant time.
 */
public final class Sha256 {
  private final MessageDigest digest;
  private long bytes;

  /** Starts an incremental digest. */
  public Sha256() {
    digest = newDigest();
  }

  /** Returns a fresh {@link MessageDigest} for SHA-256, which every Java platform provides. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
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
  public record Digest(String hex, long bytes) {}

  /** Adds {@code data} to the digest. */
  public void update(byte[] data) {
    digest.update(data);
    bytes += data.length;
  }

  /** Finishes the digest; the instance must not be used afterwards. */
  public Digest finish() {
    return new Digest(HexFormat.of().formatHex(digest.digest()), bytes);
  }

  /** Returns the lower-case hex SHA-256 of {@code data}. */
  public static String hex(byte[] data) {
    Sha256 sha = new Sha256();
    sha.update(data);
    return sha.finish().hex();
  }

  /** Compares two hex digests in constant time, ignoring case; false for a missing claim. */
  public static boolean equalHex(String actual, String claimed) {
    if (claimed == null) {
      return false;
    }
    return MessageDigest.isEqual(
        actual.getBytes(StandardCharsets.US_ASCII),
        claimed.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
