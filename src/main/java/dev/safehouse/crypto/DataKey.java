package dev.safehouse.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

/**
 * A fresh key for one dataset version: Tink streaming AEAD {@code AES256_GCM_HKDF_1MB}, so files of
 * any size are encrypted and decrypted as streams in 1 MiB segments.
 *
 * <h2>Security guarantees</h2>
 *
 * Ciphertext is bound to the associated data given on both sides (Safehouse passes the envelope's
 * dataset id, version label and schema hash), so a ciphertext moved to another dataset does not
 * decrypt. Reordered, truncated or altered segments fail with {@link CryptoFailureException} when
 * read. The key's bytes leave this package only wrapped to an enclave ({@link
 * EnclavePublicKeys#wrap}). Not guaranteed: that a partly read stream was authentic beyond the
 * segments already returned — read to the end before trusting the data.
 */
public final class DataKey {
  private final KeysetHandle keyset;

  private DataKey(KeysetHandle keyset) {
    this.keyset = keyset;
  }

  /** Generates a new random key. */
  public static DataKey generate() {
    TinkPrimitives.register();
    try {
      return new DataKey(KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM_HKDF_1MB")));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a data key", e);
    }
  }

  /** Returns a stream that encrypts what is written to it into {@code ciphertext}. */
  public OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData)
      throws IOException {
    try {
      return primitive().newEncryptingStream(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot start encryption", e);
    }
  }

  /**
   * Returns a stream of the plaintext of {@code ciphertext}. Reading fails with an {@link
   * IOException} whose cause is a {@link CryptoFailureException} if the ciphertext was altered,
   * truncated, or bound to other associated data.
   */
  public InputStream decryptingStream(InputStream ciphertext, byte[] associatedData)
      throws IOException {
    try {
      return primitive().newDecryptingStream(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IOException(CryptoFailureException.decryption(e));
    }
  }

  private StreamingAead primitive() throws GeneralSecurityException {
    return keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
  }

  /** The key's serialized keyset; only for wrapping it to an enclave. */
  byte[] secretBytes() {
    try {
      return TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot serialize the data key", e);
    }
  }

  static DataKey fromSecretBytes(byte[] bytes) throws GeneralSecurityException {
    TinkPrimitives.register();
    return new DataKey(TinkProtoKeysetFormat.parseKeyset(bytes, InsecureSecretKeyAccess.get()));
  }
}
