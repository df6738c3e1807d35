package dev.safehouse.crypto;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.security.GeneralSecurityException;

/**
 * The enclave's HPKE private key in suite {@code intl} ({@code
 * DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM}, Tink), which opens data keys wrapped to it.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #unwrap} returns a key only for a ciphertext made with the matching {@link
 * HpkeEncryptionKey} and the same context; anything else fails with the uniform {@link
 * CryptoFailureException}. The key leaves the enclave only sealed ({@link EnclaveKeys#seal}).
 */
public final class HpkeDecryptionKey {
  private final KeysetHandle keyset;

  HpkeDecryptionKey(KeysetHandle keyset) {
    this.keyset = keyset;
  }

  /** Generates a fresh key. */
  public static HpkeDecryptionKey generate() {
    TinkPrimitives.register();
    try {
      return new HpkeDecryptionKey(
          KeysetHandle.generateNew(
              KeyTemplates.get("DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM")));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an HPKE key", e);
    }
  }

  KeysetHandle keyset() {
    return keyset;
  }

  /** Returns the public half. */
  public HpkeEncryptionKey encryptionKey() {
    try {
      return HpkeEncryptionKey.fromBytes(
          TinkProtoKeysetFormat.serializeKeysetWithoutSecret(keyset.getPublicKeysetHandle()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the public key", e);
    }
  }

  /**
   * Opens a data key wrapped to this key with {@code context}.
   *
   * @throws CryptoFailureException if it was wrapped to another key or context, or altered
   */
  public DataKey unwrap(WrappedDataKey wrapped, byte[] context) {
    try {
      byte[] secret =
          keyset
              .getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class)
              .decrypt(wrapped.bytes(), context);
      return DataKey.fromSecretBytes(secret);
    } catch (GeneralSecurityException e) {
      throw CryptoFailureException.decryption(e);
    }
  }
}
