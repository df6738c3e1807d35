package dev.safehouse.crypto;

import dev.safehouse.common.Sha256;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks an enclave's signed attestation before anyone trusts its keys: the platform's signature,
 * the measurement the verifier approved, the verifier's own fresh nonce, and (unless explicitly
 * allowed) that the enclave is not in debug mode.
 *
 * <h2>Security guarantees</h2>
 *
 * The returned {@link EnclavePublicKeys} are exactly the ones bound in a document that passed every
 * check. Not guaranteed: that the platform key itself is genuine — the verifier must pin it (on
 * Nitro / SGX / TDX, the hardware vendor's root replaces the dev platform key).
 */
public final class AttestationVerifier {
  private AttestationVerifier() {}

  /** Why a document was refused; safe to show. */
  public enum Reason {
    /** Not a well-formed signed document. */
    MALFORMED,
    /** The document names another crypto suite than the pinned platform key's. */
    WRONG_SUITE,
    /** The platform signature does not verify. */
    BAD_SIGNATURE,
    /** The enclave runs in debug / development mode and that was not allowed. */
    DEBUG_ENCLAVE,
    /** The measurement is not the approved one. */
    WRONG_MEASUREMENT,
    /** The nonce is not the one the verifier sent. */
    WRONG_NONCE
  }

  /** Raised when a document is refused. */
  public static final class RejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    RejectedException(Reason reason) {
      super("attestation refused: " + reason.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      this.reason = reason;
    }

    /** Returns why. */
    public Reason reason() {
      return reason;
    }
  }

  /**
   * A document and the platform's signature over its canonical encoding, as served by {@code GET
   * /v1/enclave/attestation}: both base64.
   *
   * @param documentBase64 base64 of {@link AttestationDocument#encode()}
   * @param signatureBase64 base64 of the platform's signature over it (Ed25519 or SM2, as the
   *     document's suite)
   */
  public record Signed(String documentBase64, String signatureBase64) {
    /**
     * Signs {@code document} with the platform key.
     *
     * @throws IllegalArgumentException if the key belongs to another suite than the document
     */
    public static Signed sign(AttestationDocument document, Signer platform) {
      if (!platform.suite().wireName().equals(document.suite())) {
        throw new IllegalArgumentException("the platform key belongs to another suite");
      }
      byte[] encoded = document.encode();
      return new Signed(
          Base64.getEncoder().encodeToString(encoded),
          Base64.getEncoder().encodeToString(platform.sign(encoded)));
    }
  }

  /**
   * Verifies {@code signed}.
   *
   * @param platformKey the pinned platform verification key; its suite is the one expected
   * @param expectedMeasurement the measurement the verifier approved (hex)
   * @param expectedNonceHex the nonce the verifier just sent
   * @param allowDebug whether a debug / development enclave is acceptable
   * @return the verified document; its keys may be trusted
   * @throws RejectedException naming the first check that failed
   */
  public static AttestationDocument verify(
      Signed signed,
      Verifier platformKey,
      String expectedMeasurement,
      String expectedNonceHex,
      boolean allowDebug) {
    byte[] encoded;
    byte[] signature;
    AttestationDocument document;
    try {
      encoded = Base64.getDecoder().decode(signed.documentBase64());
      signature = Base64.getDecoder().decode(signed.signatureBase64());
      document = AttestationDocument.decode(encoded);
    } catch (IllegalArgumentException | IOException | NullPointerException e) {
      throw new RejectedException(Reason.MALFORMED);
    }
    if (!platformKey.suite().wireName().equals(document.suite())) {
      throw new RejectedException(Reason.WRONG_SUITE);
    }
    try {
      platformKey.verify(signature, encoded);
    } catch (CryptoFailureException e) {
      throw new RejectedException(Reason.BAD_SIGNATURE);
    }
    if (document.debug() && !allowDebug) {
      throw new RejectedException(Reason.DEBUG_ENCLAVE);
    }
    if (!Sha256.equalHex(document.measurement(), expectedMeasurement)) {
      throw new RejectedException(Reason.WRONG_MEASUREMENT);
    }
    if (!Sha256.equalHex(document.nonceHex(), expectedNonceHex)) {
      throw new RejectedException(Reason.WRONG_NONCE);
    }
    return document;
  }

  /**
   * Returns the enclave keys bound in a verified document, in its suite.
   *
   * @throws CryptoFailureException if the document's keys are not keys of its suite
   */
  public static EnclavePublicKeys keysOf(AttestationDocument verified) {
    return EnclavePublicKeys.of(
        CryptoSuite.fromWireName(verified.suite()), verified.wrappingKey(), verified.signingKey());
  }
}
