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

  /**
   * Returns the private key as text for a key file ({@link CryptoSuite#signerFromInsecureText}
   * reads it back): cleartext Tink JSON in {@code intl}, a PKCS#8 {@code PRIVATE KEY} PEM in {@code
   * sm}. Handle the result as a secret.
   */
  String toInsecureText();
}
