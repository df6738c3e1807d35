package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.testing.TestSuite;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Attestation documents of each suite, and the refusal of a platform key of the other suite. */
class AttestationVerifierTest {
  private static final String MEASUREMENT = "ab".repeat(32);
  private static final String NONCE = "0f".repeat(32);

  private CryptoSuite suite;
  private Signer platform;
  private EnclaveKeys enclave;

  private void keys(CryptoSuite suite) {
    this.suite = suite;
    this.platform = suite.newSigner();
    this.enclave = EnclaveKeys.generate(suite);
  }

  private AttestationVerifier.Signed document(String nonce, boolean debug) {
    return AttestationVerifier.Signed.sign(unsigned(nonce, debug), platform);
  }

  private AttestationDocument unsigned(String nonce, boolean debug) {
    EnclavePublicKeys keys = enclave.publicKeys();
    return new AttestationDocument(
        suite.wireName(),
        MEASUREMENT,
        "cd".repeat(32),
        keys.wrappingKeyBytes(),
        keys.signingKey().toText(),
        nonce,
        1L,
        debug);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.safehouse.testing.TestSuite#all")
  void verify_genuineDocument_returnsTheBoundKeys(CryptoSuite suite) {
    keys(suite);
    AttestationDocument verified =
        AttestationVerifier.verify(
            document(NONCE, false), platform.verifier(), MEASUREMENT, NONCE, false);
    assertThat(verified.suite()).isEqualTo(suite.wireName());
    EnclavePublicKeys bound = AttestationVerifier.keysOf(verified);
    assertThat(bound.suite()).isSameAs(suite);
    assertThat(bound.wrappingKeyFingerprint())
        .isEqualTo(enclave.publicKeys().wrappingKeyFingerprint());
    assertThat(bound.signingKey().keyId()).isEqualTo(enclave.publicKeys().signingKey().keyId());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.safehouse.testing.TestSuite#all")
  void verify_platformKeyOfTheOtherSuite_isRefusedAsWrongSuite(CryptoSuite suite) {
    keys(suite);
    Signer otherPlatform = TestSuite.other(suite).newSigner();

    assertRefused(
        document(NONCE, false),
        otherPlatform.verifier(),
        MEASUREMENT,
        NONCE,
        true,
        AttestationVerifier.Reason.WRONG_SUITE);
    // Nor can a platform sign a document that names the other suite.
    assertThatThrownBy(() -> AttestationVerifier.Signed.sign(unsigned(NONCE, false), otherPlatform))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.safehouse.testing.TestSuite#all")
  void verify_eachBrokenTwin_isRefusedWithItsReason(CryptoSuite suite) {
    keys(suite);
    assertRefused(
        document(NONCE, false),
        suite.newSigner().verifier(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.BAD_SIGNATURE);
    assertRefused(
        document(NONCE, false),
        platform.verifier(),
        "ef".repeat(32),
        NONCE,
        false,
        AttestationVerifier.Reason.WRONG_MEASUREMENT);
    assertRefused(
        document("11".repeat(32), false),
        platform.verifier(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.WRONG_NONCE);
    assertRefused(
        document(NONCE, true),
        platform.verifier(),
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
        platform.verifier(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.BAD_SIGNATURE);
    assertRefused(
        new AttestationVerifier.Signed("not base64!", genuine.signatureBase64()),
        platform.verifier(),
        MEASUREMENT,
        NONCE,
        false,
        AttestationVerifier.Reason.MALFORMED);
    // A debug document passes only when explicitly allowed.
    AttestationVerifier.verify(
        document(NONCE, true), platform.verifier(), MEASUREMENT, NONCE, true);
  }

  private static void assertRefused(
      AttestationVerifier.Signed signed,
      Verifier key,
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
