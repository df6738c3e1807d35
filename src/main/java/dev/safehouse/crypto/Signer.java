package dev.safehouse.crypto;

/**
 * A private signing key: a provider's key for envelope headers, the enclave's for results and
 * checkpoints, the platform's for attestation documents.
 *
 * <h2>Security guarantees</h2>
 *
 * Signatures verify only under the matching {@link Verifier} of the same suite, over exactly the
 * signed bytes. Not guaranteed: deterministic output (SM2 signatures are randomised), or protection
 * of the key at rest.
 */
public sealed interface Signer permits IntlSuite.Signing, SmSuite.Signing {
  /** Returns the suite this key belongs to. */
  CryptoSuite suite();

  /** Signs {@code message}. */
  byte[] sign(byte[] message);

  /** Returns the public half. */
  Verifier verifier();
}
