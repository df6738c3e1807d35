package dev.safehouse.crypto.sm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The per-stream state of an SM4-GCM stream: the stream key and nonce prefix derived from its
 * header, and the segment layout.
 *
 * <p>Stream header ({@value #HEADER_LENGTH} bytes): {@code u8 headerLength (=24) ‖ salt (16) ‖
 * noncePrefix (7)}. Stream key: {@code HKDF-SM3(ikm = data key, salt, info =
 * "safehouse/sm4-gcm-stream/v1")}, 16 bytes (HKDF with SM3 as RFC 8998 uses it). Segment {@code i}:
 * {@code SM4-GCM(streamKey, nonce = noncePrefix ‖ u32be i ‖ last, ad = associatedData)}, where
 * {@code last} is 0x01 for the final segment and 0x00 otherwise; every segment but the last holds
 * exactly {@code plaintextSegmentSize} bytes, the last 0 to that many.
 */
final class Sm4GcmSegments {
  static final int HEADER_LENGTH = 24;
  static final int SALT_LENGTH = 16;
  static final int NONCE_PREFIX_LENGTH = 7;
  static final long MAX_SEGMENTS = 1L << 32;
  private static final byte[] INFO =
      "safehouse/sm4-gcm-stream/v1".getBytes(StandardCharsets.US_ASCII);

  private final Sm4Gcm cipher;
  private final byte[] noncePrefix;
  private final byte[] associatedData;
  private final int plaintextSegmentSize;

  private Sm4GcmSegments(
      byte[] ikm, byte[] header, byte[] associatedData, int plaintextSegmentSize) {
    byte[] salt = Arrays.copyOfRange(header, 1, 1 + SALT_LENGTH);
    byte[] streamKey = new byte[Sm4Gcm.KEY_LENGTH];
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SM3Digest());
    hkdf.init(new HKDFParameters(ikm, salt, INFO));
    hkdf.generateBytes(streamKey, 0, streamKey.length);
    this.cipher = new Sm4Gcm(streamKey);
    Arrays.fill(streamKey, (byte) 0);
    this.noncePrefix = Arrays.copyOfRange(header, 1 + SALT_LENGTH, HEADER_LENGTH);
    this.associatedData = associatedData.clone();
    this.plaintextSegmentSize = plaintextSegmentSize;
  }

  /** Draws a fresh header for a new stream. */
  static byte[] newHeader(SecureRandom random) {
    byte[] header = new byte[HEADER_LENGTH];
    random.nextBytes(header);
    header[0] = HEADER_LENGTH;
    return header;
  }

  /**
   * Derives the state of the stream with {@code header}.
   *
   * @return empty if the header is malformed
   */
  static Optional<Sm4GcmSegments> of(
      byte[] ikm, byte[] header, byte[] associatedData, int plaintextSegmentSize) {
    if (header.length != HEADER_LENGTH || header[0] != HEADER_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(new Sm4GcmSegments(ikm, header, associatedData, plaintextSegmentSize));
  }

  int plaintextSegmentSize() {
    return plaintextSegmentSize;
  }

  int ciphertextSegmentSize() {
    return plaintextSegmentSize + Sm4Gcm.TAG_LENGTH;
  }

  byte[] seal(long index, boolean last, byte[] plaintext, int length) {
    return cipher.seal(nonce(index, last), associatedData, plaintext, 0, length);
  }

  /**
   * @throws dev.safehouse.crypto.CryptoFailureException if the segment does not authenticate
   */
  byte[] open(long index, boolean last, byte[] ciphertext, int length) {
    return cipher.open(nonce(index, last), associatedData, ciphertext, 0, length);
  }

  private byte[] nonce(long index, boolean last) {
    if (index < 0 || index >= MAX_SEGMENTS) {
      throw new IllegalStateException("too many segments in one stream");
    }
    return ByteBuffer.allocate(Sm4Gcm.NONCE_LENGTH)
        .put(noncePrefix)
        .putInt((int) index)
        .put((byte) (last ? 1 : 0))
        .array();
  }
}
