package dev.safehouse.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte RFC 6962 node hash: of a leaf ({@code SHA-256(0x00 ‖ data)}) or of an interior node
 * ({@code SHA-256(0x01 ‖ left ‖ right)}). Immutable; copies its input.
 *
 * @param bytes exactly 32 bytes
 */
public record LeafHash(byte[] bytes) {
  /** Length of every hash, in bytes. */
  public static final int LENGTH = 32;

  /**
   * Copies and checks the bytes.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public LeafHash {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("a Merkle hash is exactly 32 bytes");
    }
    bytes = bytes.clone();
  }

  /** Returns a copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * Checks bytes received from outside (a proof, a checkpoint, a request) and wraps them.
   *
   * @param what how the message names the value, e.g. {@code "the expected root"}
   * @throws ProofException if {@code bytes} is missing or not 32 bytes long
   */
  public static LeafHash fromUntrusted(byte[] bytes, String what) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new ProofException(what + " is not 32 bytes");
    }
    return new LeafHash(bytes);
  }

  /** Adds the bytes to {@code digest} without copying them. */
  void feed(MessageDigest digest) {
    digest.update(bytes);
  }

  /** Writes the bytes to {@code buffer} without copying them first. */
  void putInto(ByteBuffer buffer) {
    buffer.put(bytes);
  }

  /** Returns the lower-case hex form. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LeafHash that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
