package dev.safehouse.crypto;

/**
 * An enclave's private key that opens data keys wrapped to it.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #unwrap} returns a key only for a ciphertext made by {@link WrappingKey#wrap} with the
 * matching public key and the same context; anything else fails with the uniform {@link
 * CryptoFailureException}. The private key stays in the enclave process. Not guaranteed: that the
 * wrapped key came from a legitimate provider.
 */
public sealed interface UnwrappingKey permits IntlSuite.Unwrapping, SmSuite.Unwrapping {
  /** Returns the suite this key belongs to. */
  CryptoSuite suite();

  /** Returns the public half, to publish in the attestation document. */
  WrappingKey wrappingKey();

  /**
   * Opens a data key wrapped to this key with {@code context}.
   *
   * @throws CryptoFailureException if it was wrapped to another key or context, or altered
   */
  DatasetKey unwrap(WrappedDataKey wrapped, byte[] context);
}
