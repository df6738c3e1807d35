package dev.safehouse.crypto;

/**
 * A data key encrypted to one enclave's public key; only that enclave can unwrap it.
 *
 * @param bytes the ciphertext: Tink HPKE hybrid encryption of a {@link DataKey} in suite {@code
 *     intl}, SM2 {@code C1 ‖ C3 ‖ C2} of an SM4-GCM data key in suite {@code sm}
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
