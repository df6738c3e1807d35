package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AttestationVerifierTest {
  private static final String MEASUREMENT = "ab".repeat(32);
  private static final String NONCE = "0f".repeat(32);

  private final SigningKey platform = SigningKey.generate();
  private final EnclaveKeys enclave = EnclaveKeys.generate();

  private AttestationVerifier.Signed document(String nonce, boolean debug) {
    EnclavePublicKeys keys = enclave.publicKeys();
    return AttestationVerifier.Signed.sign(
        new AttestationDocument(
            MEASUREMENT,
            "cd".repeat(32),
            keys.wrappingKey(),
            keys.signingKey().toText(),
            nonce,
            1L,
            debug),
        platform);
  }

  @Test
  void verify_genuineDocument_returnsTheBoundKeys() {
    AttestationDocument verified =
        AttestationVerifier.verify(
            document(NONCE, false), platform.verificationKey(), MEASUREMENT, NONCE, false);
    assertThat(AttestationVerifier.keysOf(verified).hpkeFingerprint())
        .isEqualTo(enclave.publicKeys().hpkeFingerprint());
  }

  @Test
  void verify_eachBrokenTwin_isRefusedWithItsReason() {
    assertRefused(
        document(NONCE, false),
        SigningKey.generate().verificationKey(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.BAD_SIGNATURE);
    assertRefused(
        document(NONCE, false),
        platform.verificationKey(),
        "ef".repeat(32),
        NONCE,
        false,
        AttestationVerifier.Reason.WRONG_MEASUREMENT);
    assertRefused(
        document("11".repeat(32), false),
        platform.verificationKey(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.WRONG_NONCE);
    assertRefused(
        document(NONCE, true),
        platform.verificationKey(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.DEBUG_ENCLAVE);
    AttestationVerifier.Signed genuine = document(NONCE, false);
    byte[] doc = Base64.getDecoder().decode(genuine.documentBase64());
    doc[doc.length - 2] ^= 1; // flip a bit of the issued-at time: the signature no longer matches
    assertRefused(
        new AttestationVerifier.Signed(
            Base64.getEncoder().encodeToString(doc), genuine.signatureBase64()),
        platform.verificationKey(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.BAD_SIGNATURE);
    assertRefused(
        new AttestationVerifier.Signed("not base64!", genuine.signatureBase64()),
        platform.verificationKey(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.MALFORMED);
    // A debug document passes only when explicitly allowed.
    AttestationVerifier.verify(
        document(NONCE, true), platform.verificationKey(), MEASUREMENT, NONCE, true);
  }

  private static void assertRefused(
      AttestationVerifier.Signed signed,
      VerificationKey key,
      String measurement,
      String nonce,
      boolean allowDebug,
      AttestationVerifier.Reason reason) {
    assertThatThrownBy(
            () -> AttestationVerifier.verify(signed, key, measurement, nonce, allowDebug))
        .isInstanceOfSatisfying(
            AttestationVerifier.RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
