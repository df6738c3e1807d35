package dev.safehouse.crypto;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;

/**
 * An enclave's HPKE public key in suite {@code intl} (X25519 / HKDF-SHA256 / AES-256-GCM, a Tink
 * public keyset) that data keys are wrapped to.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #wrap} produces a ciphertext only the holder of the matching {@link HpkeDecryptionKey} can
 * open, bound to the given context. Take this key only from a verified attestation document.
 */
public final class HpkeEncryptionKey {
  private final byte[] publicKeyset;
  private final KeysetHandle keyset;

  private HpkeEncryptionKey(byte[] publicKeyset, KeysetHandle keyset) {
    this.publicKeyset = publicKeyset;
    this.keyset = keyset;
  }

  /**
   * Reads a serialized Tink public keyset.
   *
   * @throws CryptoFailureException if the bytes are not an HPKE public keyset
   */
  public static HpkeEncryptionKey fromBytes(byte[] publicKeyset) {
    TinkPrimitives.register();
    try {
      KeysetHandle keyset = TinkProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset);
      keyset.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
      return new HpkeEncryptionKey(publicKeyset.clone(), keyset);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoFailureException("reading the enclave's HPKE key", e);
    }
  }

  /** Returns the serialized public keyset. */
  public byte[] toBytes() {
    return publicKeyset.clone();
  }

  /** Encrypts {@code key} to the enclave, bound to {@code context}. */
  public WrappedDataKey wrap(DataKey key, byte[] context) {
    try {
      HybridEncrypt encrypt = keyset.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
      return new WrappedDataKey(encrypt.encrypt(key.secretBytes(), context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap the data key", e);
    }
  }
}
