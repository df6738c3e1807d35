package dev.safehouse.crypto;

/**
 * An enclave's public key that data keys are wrapped to.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #wrap} produces a ciphertext only the holder of the matching {@link UnwrappingKey} can
 * open, and only with the same context. Providers must take this key only from an attestation
 * document they verified; it cannot tell a genuine enclave from an impostor. Not guaranteed: sender
 * authentication — anyone holding the public key can wrap a key of their own (the provider's
 * signature over the envelope header provides that).
 */
public sealed interface WrappingKey permits IntlSuite.Wrapping, SmSuite.Wrapping {
  /** Returns the suite this key belongs to. */
  CryptoSuite suite();

  /**
   * Encrypts {@code key} to the enclave, bound to {@code context} (the envelope's identity).
   *
   * @throws IllegalArgumentException if {@code key} belongs to another suite
   */
  WrappedDataKey wrap(DatasetKey key, byte[] context);

  /**
   * Returns the key's encoding as the attestation document carries it ({@link
   * CryptoSuite#wrappingKeyFromBytes} reads it back): a Tink public keyset in {@code intl}, X.509
   * SubjectPublicKeyInfo DER in {@code sm}.
   */
  byte[] toBytes();

  /** Returns lower-case hex of the suite's hash of {@link #toBytes()}: what envelopes bind. */
  default String fingerprint() {
    return java.util.HexFormat.of().formatHex(suite().newDigest().digest(toBytes()));
  }
}
