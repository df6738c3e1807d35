package dev.safehouse.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.crypto.CryptoFailureException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The SM4-GCM stream with small segments (64 bytes of plaintext, 80 of ciphertext, after a 24-byte
 * header), so that boundaries are easy to hit; one test uses the default 1 MiB segments.
 */
class Sm4GcmDataKeyTest {
  private static final int SEGMENT = 64;
  private static final int CT_SEGMENT = SEGMENT + 16;
  private static final int HEADER = 24;
  private static final byte[] AD =
      "public-credit|v1|schemahash".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static byte[] encrypt(Sm4GcmDataKey key, byte[] plaintext, byte[] ad) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = key.encryptingStream(out, ad)) {
      enc.write(plaintext);
    }
    return out.toByteArray();
  }

  private static byte[] decrypt(Sm4GcmDataKey key, byte[] ciphertext, byte[] ad)
      throws IOException {
    try (InputStream dec = key.decryptingStream(new ByteArrayInputStream(ciphertext), ad)) {
      return dec.readAllBytes();
    }
  }

  private static void assertFails(Sm4GcmDataKey key, byte[] ciphertext, byte[] ad) {
    assertThatThrownBy(() -> decrypt(key, ciphertext, ad))
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(CryptoFailureException.class)
        .hasMessageEndingWith("decryption failed");
  }

  @Test
  void roundTrip_sizesAroundSegmentBoundaries_returnsThePlaintext() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    for (int size : new int[] {0, 1, 63, 64, 65, 127, 128, 129, 640, 1000}) {
      byte[] plaintext = random(size);
      byte[] ciphertext = encrypt(key, plaintext, AD);
      int segments = Math.max(1, (size + SEGMENT - 1) / SEGMENT);
      assertThat(ciphertext).as("size %d", size).hasSize(HEADER + size + 16 * segments);
      assertThat(decrypt(key, ciphertext, AD)).as("size %d", size).isEqualTo(plaintext);
    }
  }

  @Test
  void roundTrip_byteByByteWritesAndReads_returnsThePlaintext() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] plaintext = random(200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = key.encryptingStream(out, AD)) {
      for (byte b : plaintext) {
        enc.write(b);
      }
    }
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    try (InputStream dec = key.decryptingStream(new ByteArrayInputStream(out.toByteArray()), AD)) {
      for (int b = dec.read(); b >= 0; b = dec.read()) {
        back.write(b);
      }
    }
    assertThat(back.toByteArray()).isEqualTo(plaintext);
  }

  @Test
  void roundTrip_defaultSegmentsOverSeveralMebibytes_returnsThePlaintext() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate();
    byte[] plaintext = random(2 * 1024 * 1024 + 17);
    byte[] ciphertext = encrypt(key, plaintext, AD);
    assertThat(ciphertext).hasSize(HEADER + plaintext.length + 3 * 16);
    assertThat(decrypt(key, ciphertext, AD)).isEqualTo(plaintext);
  }

  @Test
  void encrypt_samePlaintextTwice_givesDifferentCiphertexts() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] plaintext = random(100);
    assertThat(encrypt(key, plaintext, AD)).isNotEqualTo(encrypt(key, plaintext, AD));
  }

  @Test
  void decrypt_anyFlippedByte_fails() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] ciphertext = encrypt(key, random(150), AD);
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] flipped = ciphertext.clone();
      flipped[i] ^= 0x01;
      assertFails(key, flipped, AD);
    }
  }

  @Test
  void decrypt_truncatedAtEverySegmentBoundaryOrInside_fails() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] ciphertext = encrypt(key, random(4 * SEGMENT), AD);
    assertThat(ciphertext).hasSize(HEADER + 4 * CT_SEGMENT);
    for (int cut = 0; cut < ciphertext.length; cut++) {
      assertFails(key, Arrays.copyOf(ciphertext, cut), AD);
    }
  }

  @Test
  void decrypt_swappedSegments_fails() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] ciphertext = encrypt(key, random(3 * SEGMENT + 5), AD);
    byte[] swapped = ciphertext.clone();
    System.arraycopy(ciphertext, HEADER, swapped, HEADER + CT_SEGMENT, CT_SEGMENT);
    System.arraycopy(ciphertext, HEADER + CT_SEGMENT, swapped, HEADER, CT_SEGMENT);
    assertFails(key, swapped, AD);
  }

  @Test
  void decrypt_extendedWithASegmentOrTrailingBytes_fails() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] twoSegments = encrypt(key, random(2 * SEGMENT), AD);
    byte[] duplicatedLast = Arrays.copyOf(twoSegments, twoSegments.length + CT_SEGMENT);
    System.arraycopy(
        twoSegments, HEADER + CT_SEGMENT, duplicatedLast, twoSegments.length, CT_SEGMENT);
    assertFails(key, duplicatedLast, AD);
    assertFails(key, Arrays.copyOf(twoSegments, twoSegments.length + 1), AD);
  }

  @Test
  void decrypt_segmentsSplicedFromAnotherStreamOfTheSameKey_fails() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] first = encrypt(key, random(2 * SEGMENT), AD);
    byte[] second = encrypt(key, random(2 * SEGMENT), AD);
    byte[] spliced = first.clone();
    System.arraycopy(second, HEADER, spliced, HEADER, CT_SEGMENT);
    assertFails(key, spliced, AD);
  }

  @Test
  void decrypt_wrongAssociatedDataOrWrongKey_fails() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] ciphertext = encrypt(key, random(100), AD);
    assertFails(key, ciphertext, "public-credit|v2|schemahash".getBytes(StandardCharsets.US_ASCII));
    assertFails(key, ciphertext, new byte[0]);
    assertFails(Sm4GcmDataKey.generate(SEGMENT), ciphertext, AD);
  }

  @Test
  void decrypt_afterAFailure_keepsFailing() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate(SEGMENT);
    byte[] ciphertext = encrypt(key, random(3 * SEGMENT), AD);
    ciphertext[HEADER + CT_SEGMENT + 3] ^= 0x01;
    try (InputStream dec = key.decryptingStream(new ByteArrayInputStream(ciphertext), AD)) {
      assertThat(dec.readNBytes(SEGMENT)).hasSize(SEGMENT);
      assertThatThrownBy(dec::read).hasCauseInstanceOf(CryptoFailureException.class);
      assertThatThrownBy(dec::read).hasCauseInstanceOf(CryptoFailureException.class);
    }
  }

  @Test
  void wrapping_secretBytes_roundTripToAKeyThatDecrypts() throws IOException {
    Sm4GcmDataKey key = Sm4GcmDataKey.generate();
    byte[] plaintext = random(1000);
    byte[] ciphertext = encrypt(key, plaintext, AD);
    assertThat(key.secretBytes()).hasSize(Sm4GcmDataKey.LENGTH);
    assertThat(decrypt(Sm4GcmDataKey.fromSecretBytes(key.secretBytes()), ciphertext, AD))
        .isEqualTo(plaintext);
  }
}
