package dev.safehouse.crypto;

import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import dev.safehouse.common.Sha256;
import java.security.GeneralSecurityException;

/**
 * The public half of an enclave's keys: its HPKE key (X25519 / HKDF-SHA256 / AES-256-GCM) to wrap
 * data keys to, and its Ed25519 key that signs results and attestation bodies.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #wrap} produces a ciphertext only the holder of the matching private key can open, bound
 * to the given context. Providers must take these keys only from an attestation document they
 * verified; this class cannot tell a genuine enclave from an impostor.
 */
public final class EnclavePublicKeys {
  private final byte[] hpkePublicKeyset;
  private final VerificationKey signing;

  private EnclavePublicKeys(byte[] hpkePublicKeyset, VerificationKey signing) {
    this.hpkePublicKeyset = hpkePublicKeyset.clone();
    this.signing = signing;
  }

  /**
   * Reads the public keys from their encodings.
   *
   * @throws CryptoFailureException if either is not a valid public keyset
   */
  public static EnclavePublicKeys of(byte[] hpkePublicKeyset, String signingKeyText) {
    TinkPrimitives.register();
    try {
      hpke(hpkePublicKeyset);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoFailureException("reading the enclave's HPKE key", e);
    }
    return new EnclavePublicKeys(hpkePublicKeyset, VerificationKey.fromText(signingKeyText));
  }

  /** Returns the HPKE public keyset (Tink serialization, no secrets). */
  public byte[] hpkePublicKeyset() {
    return hpkePublicKeyset.clone();
  }

  /** Returns the enclave's signature verification key. */
  public VerificationKey signingKey() {
    return signing;
  }

  /** Returns the SHA-256 hex of the HPKE public keyset: what a document binds and providers pin. */
  public String hpkeFingerprint() {
    return Sha256.hex(hpkePublicKeyset);
  }

  /** Encrypts {@code key} to this enclave, bound to {@code context} (the envelope's identity). */
  public WrappedDataKey wrap(DataKey key, byte[] context) {
    try {
      HybridEncrypt encrypt =
          hpke(hpkePublicKeyset).getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
      return new WrappedDataKey(encrypt.encrypt(key.secretBytes(), context));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap the data key", e);
    }
  }

  private static KeysetHandle hpke(byte[] publicKeyset) throws GeneralSecurityException {
    return TinkProtoKeysetFormat.parseKeysetWithoutSecret(publicKeyset);
  }
}
