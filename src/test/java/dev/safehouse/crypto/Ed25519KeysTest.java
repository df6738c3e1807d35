package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.signature.Ed25519Parameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The BouncyCastle Ed25519 path agrees with Tink's byte for byte, and with RFC 8032. */
class Ed25519KeysTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @ParameterizedTest
  @ValueSource(strings = {"ED25519", "ED25519WithRawOutput"})
  void signaturesEqualTinks_andEachVerifiesTheOther(String template) throws Exception {
    TinkPrimitives.register();
    KeysetHandle keyset = KeysetHandle.generateNew(KeyTemplates.get(template));
    SigningKey key = SigningKey.of(keyset);
    VerificationKey pub = key.verificationKey();
    PublicKeySign tinkSign = keyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
    PublicKeyVerify tinkVerify =
        keyset
            .getPublicKeysetHandle()
            .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    assertThat(Ed25519Keys.signer(keyset)).isPresent();
    assertThat(Ed25519Keys.verifier(keyset.getPublicKeysetHandle())).isPresent();
    for (int i = 0; i < 200; i++) {
      byte[] message = new byte[RANDOM.nextInt(300)];
      RANDOM.nextBytes(message);
      byte[] ours = key.sign(message);
      assertThat(ours).isEqualTo(tinkSign.sign(message));
      tinkVerify.verify(ours, message);
      pub.verify(ours, message);
      byte[] tampered = ours.clone();
      tampered[RANDOM.nextInt(tampered.length)] ^= (byte) (1 << RANDOM.nextInt(8));
      assertThatThrownBy(() -> pub.verify(tampered, message))
          .isInstanceOf(CryptoFailureException.class);
      assertThatThrownBy(() -> tinkVerify.verify(tampered, message))
          .isInstanceOf(GeneralSecurityException.class);
    }
  }

  @Test
  void legacyKeys_fallBackToTink() throws Exception {
    TinkPrimitives.register();
    KeysetHandle keyset =
        KeysetHandle.generateNew(Ed25519Parameters.create(Ed25519Parameters.Variant.LEGACY));
    assertThat(Ed25519Keys.signer(keyset)).isEmpty();
    assertThat(Ed25519Keys.verifier(keyset.getPublicKeysetHandle())).isEmpty();
    SigningKey key = SigningKey.of(keyset);
    byte[] message = {1, 2, 3};
    key.verificationKey().verify(key.sign(message), message);
  }

  @Test
  void rfc8032TestVector1() {
    HexFormat hex = HexFormat.of();
    VerificationKey pub =
        VerificationKey.fromRawEd25519(
            hex.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    byte[] signature =
        hex.parseHex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    pub.verifyRaw(signature, new byte[0]);
    signature[0] ^= 1;
    assertThatThrownBy(() -> pub.verifyRaw(signature, new byte[0]))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> pub.verifyRaw(new byte[63], new byte[0]))
        .isInstanceOf(CryptoFailureException.class);
  }

  @Test
  void rawSignatures_verifyRaw_andNotWithThePrefixMissing() {
    SigningKey key = SigningKey.generate();
    byte[] message = "checkpoint".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] raw = key.signRaw(message);
    assertThat(raw).hasSize(64);
    key.verificationKey().verifyRaw(raw, message);
    assertThatThrownBy(() -> key.verificationKey().verify(raw, message))
        .isInstanceOf(CryptoFailureException.class);
  }
}
