package dev.safehouse.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.crypto.CryptoFailureException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.util.test.FixedSecureRandom;
import org.junit.jupiter.api.Test;

/**
 * SM2 encryption in the C1C3C2 order: the GB/T 32918.5 Annex C example, and wrapping data keys to
 * an enclave.
 */
class Sm2EncryptionTest {
  private static final JsonNode EXAMPLE = SmVectors.get("sm2_encryption");
  private static final byte[] CONTEXT =
      "envelope|public-credit|v1".getBytes(StandardCharsets.US_ASCII);

  private static Sm2DecryptionKey publishedKey() {
    return Sm2DecryptionKey.fromInsecurePkcs8(
        Sm2TestKeys.pkcs8(Sm2TestKeys.big(EXAMPLE, "recipient_private_key_d")));
  }

  private static byte[] plaintext() {
    return EXAMPLE.get("plaintext_ascii").asText().getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void decrypt_publishedC1C3C2_returnsThePlaintext() {
    assertThat(publishedKey().decrypt(SmVectors.hex(EXAMPLE, "C1C3C2_hex"))).isEqualTo(plaintext());
  }

  @Test
  void decrypt_publishedC1C2C3_isRefused() {
    assertThatThrownBy(() -> publishedKey().decrypt(SmVectors.hex(EXAMPLE, "C1C2C3_hex_old_order")))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("decryption failed");
  }

  @Test
  void encrypt_publishedKeyAndK_reproducesTheC1C3C2Ciphertext() {
    Sm2EncryptionKey key =
        Sm2EncryptionKey.fromSpki(
            Sm2TestKeys.spki(
                Sm2TestKeys.big(EXAMPLE, "recipient_public_key_x"),
                Sm2TestKeys.big(EXAMPLE, "recipient_public_key_y")));
    assertThat(key.toSpki()).isEqualTo(publishedKey().encryptionKey().toSpki());
    byte[] k = Sm2TestKeys.fixed32(Sm2TestKeys.big(EXAMPLE, "k"));
    assertThat(SmVectors.hex(key.encrypt(plaintext(), new FixedSecureRandom(k))))
        .isEqualTo(EXAMPLE.get("C1C3C2_hex").asText().toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void wrapAndUnwrap_roundTrips_andTheKeyDecryptsItsStream() throws IOException {
    Sm2DecryptionKey enclave = Sm2DecryptionKey.generate();
    Sm4GcmDataKey dataKey = Sm4GcmDataKey.generate();
    byte[] wrapped = enclave.encryptionKey().wrap(dataKey, CONTEXT);
    assertThat(wrapped).hasSize(Sm2EncryptionKey.WRAPPED_LENGTH);
    assertThat(wrapped[0]).isEqualTo((byte) 0x04);

    ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
    try (OutputStream out = dataKey.encryptingStream(ciphertext, CONTEXT)) {
      out.write("uscc,score\n".getBytes(StandardCharsets.US_ASCII));
    }
    Sm4GcmDataKey unwrapped = enclave.unwrap(wrapped, CONTEXT);
    assertThat(unwrapped.secretBytes()).isEqualTo(dataKey.secretBytes());
    assertThat(
            unwrapped
                .decryptingStream(new ByteArrayInputStream(ciphertext.toByteArray()), CONTEXT)
                .readAllBytes())
        .isEqualTo("uscc,score\n".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void unwrap_otherContextOtherKeyAlteredTruncatedOrReordered_fails() {
    Sm2DecryptionKey enclave = Sm2DecryptionKey.generate();
    byte[] wrapped = enclave.encryptionKey().wrap(Sm4GcmDataKey.generate(), CONTEXT);

    assertRefused(
        enclave, wrapped, "envelope|public-credit|v2".getBytes(StandardCharsets.US_ASCII));
    assertRefused(Sm2DecryptionKey.generate(), wrapped, CONTEXT);
    assertRefused(enclave, Arrays.copyOf(wrapped, wrapped.length - 1), CONTEXT);
    assertRefused(enclave, Arrays.copyOf(wrapped, wrapped.length + 1), CONTEXT);
    for (int i = 0; i < wrapped.length; i += 7) {
      byte[] flipped = wrapped.clone();
      flipped[i] ^= 0x01;
      assertRefused(enclave, flipped, CONTEXT);
    }
    // The same ciphertext in the C1 ‖ C2 ‖ C3 order BouncyCastle would produce by default.
    byte[] c1c2c3 = new byte[wrapped.length];
    System.arraycopy(wrapped, 0, c1c2c3, 0, 65);
    System.arraycopy(wrapped, 97, c1c2c3, 65, wrapped.length - 97);
    System.arraycopy(wrapped, 65, c1c2c3, wrapped.length - 32, 32);
    assertRefused(enclave, c1c2c3, CONTEXT);
  }

  @Test
  void read_encryptionKeyOfAnotherCurve_isRefused_andSpkiRoundTrips() {
    assertThatThrownBy(() -> Sm2EncryptionKey.fromSpki(Sm2TestKeys.p256Spki()))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> Sm2DecryptionKey.fromInsecurePkcs8(Sm2TestKeys.p256Pkcs8()))
        .isInstanceOf(CryptoFailureException.class);
    Sm2DecryptionKey enclave = Sm2DecryptionKey.generate();
    Sm2EncryptionKey pub = Sm2EncryptionKey.fromSpki(enclave.encryptionKey().toSpki());
    byte[] wrapped = pub.wrap(Sm4GcmDataKey.generate(), CONTEXT);
    Sm2DecryptionKey reread = Sm2DecryptionKey.fromInsecurePkcs8(enclave.toInsecurePkcs8());
    assertThat(reread.unwrap(wrapped, CONTEXT).secretBytes()).hasSize(Sm4GcmDataKey.LENGTH);
  }

  private static void assertRefused(Sm2DecryptionKey key, byte[] wrapped, byte[] context) {
    assertThatThrownBy(() -> key.unwrap(wrapped, context))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("decryption failed");
  }
}
