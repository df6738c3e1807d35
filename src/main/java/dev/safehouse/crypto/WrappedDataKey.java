package dev.safehouse.crypto;

/**
 * A {@link DataKey} encrypted to one enclave's HPKE public key; only that enclave can unwrap it.
 *
 * @param bytes the HPKE ciphertext (Tink hybrid encryption)
 */
public record WrappedDataKey(byte[] bytes) {
  /** Copies the bytes. */
  public WrappedDataKey {
    bytes = bytes.clone();
  }

  /** Returns a copy of the bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }
}
