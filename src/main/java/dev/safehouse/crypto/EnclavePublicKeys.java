package dev.safehouse.crypto;

import java.util.Objects;

/**
 * The public half of an enclave's keys, in one {@link CryptoSuite}: the key data keys are wrapped
 * to, and the key that verifies what the enclave signs (results, checkpoints).
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #wrap} produces a ciphertext only the holder of the matching private key can open, bound
 * to the given context. Providers must take these keys only from an attestation document they
 * verified; this class cannot tell a genuine enclave from an impostor.
 *
 * @param wrappingKey the key data keys are wrapped to
 * @param signingKey the enclave's signature verification key
 */
public record EnclavePublicKeys(WrappingKey wrappingKey, Verifier signingKey) {
  /** Checks that both keys are present and of one suite. */
  public EnclavePublicKeys {
    Objects.requireNonNull(wrappingKey, "wrappingKey");
    Objects.requireNonNull(signingKey, "signingKey");
    if (wrappingKey.suite() != signingKey.suite()) {
      throw new IllegalArgumentException("the enclave's keys belong to one suite");
    }
  }

  /**
   * Reads the public keys from their encodings in {@code suite}.
   *
   * @throws CryptoFailureException if either is not a public key of that suite
   */
  public static EnclavePublicKeys of(CryptoSuite suite, byte[] wrappingKey, String signingKeyText) {
    return new EnclavePublicKeys(
        suite.wrappingKeyFromBytes(wrappingKey), suite.verifierFromText(signingKeyText));
  }

  /** Returns the suite of both keys. */
  public CryptoSuite suite() {
    return signingKey.suite();
  }

  /** Returns the wrapping key's encoding, as the attestation document carries it. */
  public byte[] wrappingKeyBytes() {
    return wrappingKey.toBytes();
  }

  /**
   * Returns the hex of the suite's hash of the wrapping key's encoding: what an envelope binds and
   * providers pin.
   */
  public String wrappingKeyFingerprint() {
    return wrappingKey.fingerprint();
  }

  /**
   * Encrypts {@code key} to this enclave, bound to {@code context} (the envelope's identity).
   *
   * @throws IllegalArgumentException if {@code key} belongs to another suite
   */
  public WrappedDataKey wrap(DatasetKey key, byte[] context) {
    return wrappingKey.wrap(key, context);
  }
}
