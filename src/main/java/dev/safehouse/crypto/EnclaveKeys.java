package dev.safehouse.crypto;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The enclave's private keys: an HPKE key ({@code
 * DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM}) that data keys are wrapped to, and an Ed25519
 * key that signs what the enclave releases.
 *
 * <h2>Security guarantees</h2>
 *
 * The keys exist in plaintext only inside the enclave process. They leave it only sealed under the
 * master key ({@link #seal}), each blob bound by associated data to its purpose, so swapping the
 * two blobs or altering either makes {@link #unseal} fail uniformly. Not guaranteed: protection
 * against whoever controls the master key (the KMS policy must admit only the enclave's
 * measurement).
 */
public final class EnclaveKeys {
  private static final byte[] HPKE_PURPOSE =
      "safehouse/enclave-keys/v1/hpke".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SIGNING_PURPOSE =
      "safehouse/enclave-keys/v1/signing".getBytes(StandardCharsets.US_ASCII);

  private final KeysetHandle hpke;
  private final KeysetHandle signing;

  private EnclaveKeys(KeysetHandle hpke, KeysetHandle signing) {
    this.hpke = hpke;
    this.signing = signing;
  }

  /** Generates a new pair of keys. */
  public static EnclaveKeys generate() {
    TinkPrimitives.register();
    try {
      return new EnclaveKeys(
          KeysetHandle.generateNew(
              KeyTemplates.get("DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM")),
          KeysetHandle.generateNew(KeyTemplates.get("ED25519")));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate enclave keys", e);
    }
  }

  /** Encrypts both keys under {@code master} for the host to store. */
  public SealedEnclaveKeys seal(MasterKey master) {
    try {
      return new SealedEnclaveKeys(
          TinkProtoKeysetFormat.serializeEncryptedKeyset(hpke, master.aead(), HPKE_PURPOSE),
          TinkProtoKeysetFormat.serializeEncryptedKeyset(signing, master.aead(), SIGNING_PURPOSE));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal the enclave keys", e);
    }
  }

  /**
   * Decrypts keys sealed by {@link #seal}.
   *
   * @throws CryptoFailureException if the master key is wrong or a blob was altered or swapped
   */
  public static EnclaveKeys unseal(SealedEnclaveKeys sealed, MasterKey master) {
    TinkPrimitives.register();
    try {
      return new EnclaveKeys(
          TinkProtoKeysetFormat.parseEncryptedKeyset(sealed.hpke(), master.aead(), HPKE_PURPOSE),
          TinkProtoKeysetFormat.parseEncryptedKeyset(
              sealed.signing(), master.aead(), SIGNING_PURPOSE));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoFailureException("unsealing the enclave keys", e);
    }
  }

  /** Returns the public halves. */
  public EnclavePublicKeys publicKeys() {
    try {
      return EnclavePublicKeys.of(
          TinkProtoKeysetFormat.serializeKeysetWithoutSecret(hpke.getPublicKeysetHandle()),
          VerificationKey.of(signing.getPublicKeysetHandle()).toText());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the public keys", e);
    }
  }

  /**
   * Returns the enclave's Ed25519 signing key, for signatures in formats of their own (the audit
   * log's checkpoints); it stays in the enclave like this object.
   */
  public SigningKey signingKey() {
    return SigningKey.of(signing);
  }

  /** Signs {@code message} with the enclave's Ed25519 key. */
  public byte[] sign(byte[] message) {
    try {
      return signing.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class).sign(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  /**
   * Opens a data key wrapped to this enclave with {@code context}.
   *
   * @throws CryptoFailureException if it was wrapped to another key or context, or altered
   */
  public DataKey unwrap(WrappedDataKey wrapped, byte[] context) {
    try {
      byte[] secret =
          hpke.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class)
              .decrypt(wrapped.bytes(), context);
      return DataKey.fromSecretBytes(secret);
    } catch (GeneralSecurityException e) {
      throw CryptoFailureException.decryption(e);
    }
  }
}
