package dev.safehouse.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import dev.safehouse.crypto.sm.Sm2DecryptionKey;
import dev.safehouse.crypto.sm.Sm2SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The enclave's private keys in one {@link CryptoSuite}: a key that data keys are wrapped to
 * ({@link UnwrappingKey}: HPKE X25519 in {@code intl}, SM2 encryption in {@code sm}) and a key that
 * signs what the enclave releases ({@link Signer}: Ed25519 or SM2).
 *
 * <h2>Security guarantees</h2>
 *
 * The keys exist in plaintext only inside the enclave process. They leave it only sealed under the
 * master key ({@link #seal}), each blob bound by associated data to its suite and purpose, so
 * swapping the two blobs, naming the other suite or altering either makes {@link #unseal} fail
 * uniformly. Not guaranteed: protection against whoever controls the master key (the KMS policy
 * must admit only the enclave's measurement).
 */
public final class EnclaveKeys {
  private final UnwrappingKey unwrapping;
  private final Signer signing;

  private EnclaveKeys(UnwrappingKey unwrapping, Signer signing) {
    if (unwrapping.suite() != signing.suite()) {
      throw new IllegalArgumentException("the enclave's keys belong to one suite");
    }
    this.unwrapping = unwrapping;
    this.signing = signing;
  }

  /** Generates a new pair of keys in {@code suite}. */
  public static EnclaveKeys generate(CryptoSuite suite) {
    return new EnclaveKeys(suite.newUnwrappingKey(), suite.newSigner());
  }

  /** Returns the suite of both keys. */
  public CryptoSuite suite() {
    return signing.suite();
  }

  /** Seals both keys under the master key, for the host to store. */
  public SealedEnclaveKeys seal(MasterKey master) {
    try {
      byte[] wrappingBlob;
      if (unwrapping instanceof IntlSuite.Unwrapping intl) {
        wrappingBlob =
            TinkProtoKeysetFormat.serializeEncryptedKeyset(
                intl.key().keyset(), master.aead(), purpose(suite(), "hpke"));
      } else {
        Sm2DecryptionKey sm = ((SmSuite.Unwrapping) unwrapping).key();
        wrappingBlob = sealBytes(master, sm.toInsecurePkcs8(), purpose(suite(), "sm2-encryption"));
      }
      byte[] signingBlob;
      if (signing instanceof IntlSuite.Signing intl) {
        signingBlob =
            TinkProtoKeysetFormat.serializeEncryptedKeyset(
                intl.key().keyset(), master.aead(), purpose(suite(), "signing"));
      } else {
        Sm2SigningKey sm = ((SmSuite.Signing) signing).key();
        signingBlob = sealBytes(master, sm.toInsecurePkcs8(), purpose(suite(), "sm2-signing"));
      }
      return new SealedEnclaveKeys(suite().wireName(), wrappingBlob, signingBlob);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal the enclave keys", e);
    }
  }

  /**
   * Opens keys sealed by {@link #seal} under the same master key.
   *
   * @throws CryptoFailureException if a blob was altered, swapped, sealed under another master key
   *     or for another suite
   * @throws UnknownSuiteException if the sealed keys name no known suite
   */
  public static EnclaveKeys unseal(SealedEnclaveKeys sealed, MasterKey master) {
    CryptoSuite suite = CryptoSuite.fromWireName(sealed.suite());
    TinkPrimitives.register();
    try {
      if (suite == CryptoSuite.INTL) {
        KeysetHandle hpke =
            TinkProtoKeysetFormat.parseEncryptedKeyset(
                sealed.wrapping(), master.aead(), purpose(suite, "hpke"));
        KeysetHandle signing =
            TinkProtoKeysetFormat.parseEncryptedKeyset(
                sealed.signing(), master.aead(), purpose(suite, "signing"));
        return new EnclaveKeys(
            new IntlSuite.Unwrapping(new HpkeDecryptionKey(hpke)),
            new IntlSuite.Signing(SigningKey.of(signing)));
      }
      return new EnclaveKeys(
          new SmSuite.Unwrapping(
              Sm2DecryptionKey.fromInsecurePkcs8(
                  openBytes(master, sealed.wrapping(), purpose(suite, "sm2-encryption")))),
          new SmSuite.Signing(
              Sm2SigningKey.fromInsecurePkcs8(
                  openBytes(master, sealed.signing(), purpose(suite, "sm2-signing")))));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoFailureException("unsealing the enclave keys", e);
    }
  }

  /** Returns the public halves, for the attestation document. */
  public EnclavePublicKeys publicKeys() {
    return new EnclavePublicKeys(unwrapping.wrappingKey(), signing.verifier());
  }

  /** Returns the key that signs results, attestation bodies and checkpoints. */
  public Signer signer() {
    return signing;
  }

  /** Signs {@code message} with the enclave's signing key. */
  public byte[] sign(byte[] message) {
    return signing.sign(message);
  }

  /**
   * Opens a data key wrapped to this enclave with {@code context}.
   *
   * @throws CryptoFailureException if it was wrapped to another key or context, or altered
   */
  public DatasetKey unwrap(WrappedDataKey wrapped, byte[] context) {
    return unwrapping.unwrap(wrapped, context);
  }

  // The intl purposes are those of the first release, so keys sealed then still open.
  private static byte[] purpose(CryptoSuite suite, String key) {
    String prefix =
        suite == CryptoSuite.INTL ? "safehouse/enclave-keys/v1/" : "safehouse/enclave-keys/v1/sm/";
    return (prefix + key).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] sealBytes(MasterKey master, byte[] secret, byte[] purpose)
      throws GeneralSecurityException {
    try {
      return master.aead().encrypt(secret, purpose);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static byte[] openBytes(MasterKey master, byte[] sealed, byte[] purpose)
      throws GeneralSecurityException {
    return Objects.requireNonNull(master.aead().decrypt(sealed, purpose));
  }
}
