package dev.safehouse.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.google.crypto.tink.util.Bytes;
import dev.safehouse.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * An Ed25519 public verification key, with a stable text form ({@link #toText()}: base64 of the
 * Tink public keyset) that stewards register for providers and verifiers pin for the platform.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #verify} accepts only signatures made by the matching {@link SigningKey} over exactly the
 * given bytes, and fails with the uniform {@link CryptoFailureException} otherwise. The key id is
 * the SHA-256 of the text form, so equal ids mean equal keys.
 */
public final class VerificationKey {
  private final KeysetHandle keyset;
  private final String text;
  private final Optional<Ed25519Keys.Verifier> fast;

  private VerificationKey(KeysetHandle keyset, String text) {
    this.keyset = keyset;
    this.text = text;
    this.fast = Ed25519Keys.verifier(keyset);
  }

  static VerificationKey of(KeysetHandle publicKeyset) throws GeneralSecurityException {
    byte[] bytes = TinkProtoKeysetFormat.serializeKeysetWithoutSecret(publicKeyset);
    return new VerificationKey(publicKeyset, Base64.getEncoder().encodeToString(bytes));
  }

  /**
   * Parses the text form.
   *
   * @throws CryptoFailureException if it is not a public Ed25519 keyset
   */
  public static VerificationKey fromText(String text) {
    TinkPrimitives.register();
    try {
      String trimmed = text.strip();
      KeysetHandle handle =
          TinkProtoKeysetFormat.parseKeysetWithoutSecret(Base64.getDecoder().decode(trimmed));
      handle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
      return new VerificationKey(handle, trimmed);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoFailureException("reading the verification key", e);
    }
  }

  /**
   * Wraps a raw 32-byte Ed25519 public key (RFC 8032 encoding), as other formats carry it (a C2SP
   * verifier key); its signatures are bare 64-byte Ed25519 signatures.
   *
   * @throws CryptoFailureException if the bytes are not an Ed25519 public key
   */
  public static VerificationKey fromRawEd25519(byte[] publicKey) {
    TinkPrimitives.register();
    try {
      Ed25519PublicKey key = Ed25519PublicKey.create(Bytes.copyFrom(publicKey));
      return of(
          KeysetHandle.newBuilder()
              .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
              .build());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CryptoFailureException("reading the raw Ed25519 key", e);
    }
  }

  /**
   * Returns the raw 32-byte Ed25519 public key (RFC 8032 encoding) of the primary key, for formats
   * that identify keys by it (C2SP signed notes).
   *
   * @throws CryptoFailureException if the primary key is not Ed25519
   */
  public byte[] rawPublicKey() {
    return ed25519().getPublicKeyBytes().toByteArray();
  }

  /**
   * Checks a bare 64-byte RFC 8032 Ed25519 signature over {@code message}, without Tink's key-id
   * prefix, as {@link SigningKey#signRaw} makes.
   *
   * @throws CryptoFailureException if it does not verify or the key is not Ed25519
   */
  public void verifyRaw(byte[] signature, byte[] message) {
    if (fast.isPresent()) {
      if (!fast.get().verifyRaw(signature, message)) {
        throw CryptoFailureException.signature(null);
      }
      return;
    }
    try {
      Ed25519Verify.create(Ed25519PublicKey.create(ed25519().getPublicKeyBytes()))
          .verify(signature, message);
    } catch (GeneralSecurityException e) {
      throw CryptoFailureException.signature(e);
    }
  }

  private Ed25519PublicKey ed25519() {
    if (keyset.getPrimary().getKey() instanceof Ed25519PublicKey key) {
      return key;
    }
    throw new CryptoFailureException("reading the Ed25519 key", null);
  }

  /** Returns the text form: base64 of the public keyset. */
  public String toText() {
    return text;
  }

  /** Returns the key id: lower-case hex SHA-256 of the text form. */
  public String keyId() {
    return Sha256.hex(text.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Checks {@code signature} over {@code message}.
   *
   * @throws CryptoFailureException if it does not verify
   */
  public void verify(byte[] signature, byte[] message) {
    if (fast.isPresent()) {
      if (!fast.get().verify(signature, message)) {
        throw CryptoFailureException.signature(null);
      }
      return;
    }
    try {
      keyset
          .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class)
          .verify(signature, message);
    } catch (GeneralSecurityException e) {
      throw CryptoFailureException.signature(e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VerificationKey that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return "VerificationKey[" + keyId().substring(0, 16) + "]";
  }
}
