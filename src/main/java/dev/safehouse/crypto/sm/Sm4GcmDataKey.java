package dev.safehouse.crypto.sm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;

/**
 * A fresh key for one dataset version in the {@code sm} suite: 32 random bytes from which each
 * stream derives its own SM4 key, so files of any size are encrypted and decrypted as streams of
 * SM4-GCM segments of 1 MiB plaintext. The layout is in {@link Sm4GcmSegments}; it mirrors Tink's
 * {@code AES256_GCM_HKDF_1MB} with SM3 and SM4 in place of SHA-256 and AES.
 *
 * <h2>Security guarantees</h2>
 *
 * Every segment is authenticated with the associated data given on both sides (Safehouse passes the
 * envelope's binding), so a ciphertext moved to another dataset does not decrypt. Each segment's
 * nonce carries its index and a last-segment flag, so altered, reordered, dropped, truncated or
 * appended segments fail when read, all with the same {@link
 * dev.safehouse.crypto.CryptoFailureException} (as the cause of an {@link IOException}). A fresh
 * 16-byte salt per stream gives each stream its own SM4 key, so one data key may encrypt many
 * streams. The key's bytes leave this package only wrapped to an enclave ({@link
 * Sm2EncryptionKey#wrap}). Not guaranteed: that a partly read stream was authentic beyond the
 * segments already returned — read to the end before trusting the data.
 */
public final class Sm4GcmDataKey {
  /** Length of the key, in bytes. */
  public static final int LENGTH = 32;

  static final int DEFAULT_SEGMENT_SIZE = 1 << 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] ikm;
  private final int plaintextSegmentSize;

  private Sm4GcmDataKey(byte[] ikm, int plaintextSegmentSize) {
    if (ikm.length != LENGTH) {
      throw new IllegalArgumentException("an SM4-GCM data key is 32 bytes");
    }
    if (plaintextSegmentSize < 1) {
      throw new IllegalArgumentException("segments hold at least one byte");
    }
    this.ikm = ikm.clone();
    this.plaintextSegmentSize = plaintextSegmentSize;
  }

  /** Generates a new random key. */
  public static Sm4GcmDataKey generate() {
    return generate(DEFAULT_SEGMENT_SIZE);
  }

  /** Generates a key whose streams use segments of {@code plaintextSegmentSize} bytes (tests). */
  static Sm4GcmDataKey generate(int plaintextSegmentSize) {
    byte[] ikm = new byte[LENGTH];
    RANDOM.nextBytes(ikm);
    return new Sm4GcmDataKey(ikm, plaintextSegmentSize);
  }

  /** Returns a stream that encrypts what is written to it into {@code ciphertext}. */
  public OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData)
      throws IOException {
    byte[] header = Sm4GcmSegments.newHeader(RANDOM);
    Sm4GcmSegments segments =
        Sm4GcmSegments.of(ikm, header, associatedData, plaintextSegmentSize).orElseThrow();
    return new Sm4GcmEncryptingStream(ciphertext, header, segments);
  }

  /**
   * Returns a stream of the plaintext of {@code ciphertext}. Reading fails with an {@link
   * IOException} whose cause is a {@link dev.safehouse.crypto.CryptoFailureException} if the
   * ciphertext was altered, truncated, extended, reordered, or bound to other associated data.
   */
  public InputStream decryptingStream(InputStream ciphertext, byte[] associatedData) {
    return new Sm4GcmDecryptingStream(ciphertext, ikm, associatedData, plaintextSegmentSize);
  }

  /** The key's bytes; only for wrapping it to an enclave. */
  byte[] secretBytes() {
    return ikm.clone();
  }

  /** Reads a key unwrapped by an enclave; its streams use the default segment size. */
  static Sm4GcmDataKey fromSecretBytes(byte[] ikm) {
    return new Sm4GcmDataKey(ikm, DEFAULT_SEGMENT_SIZE);
  }
}
