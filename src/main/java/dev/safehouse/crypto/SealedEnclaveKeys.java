package dev.safehouse.crypto;

/**
 * An enclave's private keys encrypted under the master key, as the host stores them. Opaque to
 * everyone without the master key.
 *
 * @param hpke the sealed HPKE private keyset
 * @param signing the sealed Ed25519 private keyset
 */
public record SealedEnclaveKeys(byte[] hpke, byte[] signing) {
  /** Copies the blobs. */
  public SealedEnclaveKeys {
    hpke = hpke.clone();
    signing = signing.clone();
  }

  /** Returns a copy of the sealed HPKE keyset. */
  @Override
  public byte[] hpke() {
    return hpke.clone();
  }

  /** Returns a copy of the sealed signing keyset. */
  @Override
  public byte[] signing() {
    return signing.clone();
  }
}
