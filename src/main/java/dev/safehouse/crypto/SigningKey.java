package dev.safehouse.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519Parameters;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An Ed25519 private signing key (Tink {@code ED25519}): a provider's key for its envelope headers,
 * or the dev platform's key for attestation documents.
 *
 * <h2>Security guarantees</h2>
 *
 * Signatures verify only under the matching {@link VerificationKey}. The private key is written
 * only by {@link #toInsecureJson()}, for key files on the owner's machine; nothing in Safehouse
 * logs or transmits it. Not guaranteed: protection of a key file at rest — that is the file
 * system's (or a KMS's) job.
 */
public final class SigningKey {
  private final KeysetHandle keyset;
  private final Optional<Ed25519Keys.Signer> fast;

  private SigningKey(KeysetHandle keyset) {
    this.keyset = keyset;
    this.fast = Ed25519Keys.signer(keyset);
  }

  /** Wraps a keyset of this package's making. */
  KeysetHandle keyset() {
    return keyset;
  }

  static SigningKey of(KeysetHandle keyset) {
    return new SigningKey(keyset);
  }

  /** Generates a new key. */
  public static SigningKey generate() {
    TinkPrimitives.register();
    try {
      return new SigningKey(KeysetHandle.generateNew(KeyTemplates.get("ED25519")));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a signing key", e);
    }
  }

  /** Signs {@code message}. */
  public byte[] sign(byte[] message) {
    if (fast.isPresent()) {
      return fast.get().sign(message);
    }
    try {
      return keyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class).sign(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  /**
   * Signs {@code message} and returns the bare 64-byte RFC 8032 Ed25519 signature, without Tink's
   * key-id prefix, for formats that carry their own key id (C2SP signed notes). It verifies with
   * {@link VerificationKey#verifyRaw}.
   *
   * @throws IllegalStateException if the key is not an Ed25519 key whose signatures cover exactly
   *     the message (Tink's LEGACY variant signs the message with a byte appended)
   */
  public byte[] signRaw(byte[] message) {
    if (!(keyset.getPrimary().getKey() instanceof Ed25519PrivateKey key)
        || key.getParameters().getVariant() == Ed25519Parameters.Variant.LEGACY) {
      throw new IllegalStateException("raw signatures need an Ed25519 key");
    }
    // Tink's TINK and CRUNCHY variants prefix the raw signature with the key id, nothing else.
    byte[] signature = sign(message);
    return Arrays.copyOfRange(signature, key.getOutputPrefix().size(), signature.length);
  }

  /** Returns the public half. */
  public VerificationKey verificationKey() {
    try {
      return VerificationKey.of(keyset.getPublicKeysetHandle());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the public key", e);
    }
  }

  /**
   * Writes the private key as a Tink JSON keyset, for a key file. Handle the result as a secret.
   */
  public String toInsecureJson() {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot serialize the signing key", e);
    }
  }

  /**
   * Reads a key written by {@link #toInsecureJson()}.
   *
   * @throws CryptoFailureException if the text is not an Ed25519 private keyset
   */
  public static SigningKey fromInsecureJson(String json) {
    TinkPrimitives.register();
    try {
      KeysetHandle handle =
          TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
      handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
      return new SigningKey(handle);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoFailureException("reading the signing key", e);
    }
  }
}
