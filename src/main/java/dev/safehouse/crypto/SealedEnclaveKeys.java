package dev.safehouse.crypto;

import java.util.Objects;

/**
 * An enclave's private keys encrypted under the master key, as the host stores them. Opaque to
 * everyone without the master key.
 *
 * @param suite the wire name of the keys' {@link CryptoSuite}
 * @param wrapping the sealed private key data keys are wrapped to (HPKE keyset, or SM2 PKCS#8)
 * @param signing the sealed private signing key (Ed25519 keyset, or SM2 PKCS#8)
 */
public record SealedEnclaveKeys(String suite, byte[] wrapping, byte[] signing) {
  /** Copies the blobs. */
  public SealedEnclaveKeys {
    Objects.requireNonNull(suite, "suite");
    wrapping = wrapping.clone();
    signing = signing.clone();
  }

  /** Returns a copy of the sealed wrapping key. */
  @Override
  public byte[] wrapping() {
    return wrapping.clone();
  }

  /** Returns a copy of the sealed signing key. */
  @Override
  public byte[] signing() {
    return signing.clone();
  }
}
