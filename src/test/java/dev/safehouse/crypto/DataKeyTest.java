package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataKeyTest {
  private static final byte[] AD =
      "public-credit|v1|schemahash".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PLAINTEXT = new byte[3 * 1024 * 1024 + 17]; // spans several segments

  static {
    new SecureRandom().nextBytes(PLAINTEXT);
  }

  private static byte[] encrypt(DataKey key, byte[] plaintext, byte[] ad) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = key.encryptingStream(out, ad)) {
      enc.write(plaintext);
    }
    return out.toByteArray();
  }

  private static byte[] decrypt(DataKey key, byte[] ciphertext, byte[] ad) throws IOException {
    try (InputStream dec = key.decryptingStream(new ByteArrayInputStream(ciphertext), ad)) {
      return dec.readAllBytes();
    }
  }

  @Test
  void roundTrip_multiSegmentStream() throws IOException {
    DataKey key = DataKey.generate();
    assertThat(decrypt(key, encrypt(key, PLAINTEXT, AD), AD)).isEqualTo(PLAINTEXT);
  }

  @Test
  void decrypt_flippedByteTruncationWrongAdOrWrongKey_fails() throws IOException {
    DataKey key = DataKey.generate();
    byte[] ciphertext = encrypt(key, PLAINTEXT, AD);
    byte[] flipped = ciphertext.clone();
    flipped[ciphertext.length / 2] ^= 0x01;
    byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - 100);

    assertThatThrownBy(() -> decrypt(key, flipped, AD))
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(CryptoFailureException.class)
        .hasMessageEndingWith("decryption failed");
    assertThatThrownBy(() -> decrypt(key, truncated, AD))
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> decrypt(key, ciphertext, "other".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> decrypt(DataKey.generate(), ciphertext, AD))
        .isInstanceOf(IOException.class);
  }
}
