package dev.safehouse.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import dev.safehouse.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

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

  private VerificationKey(KeysetHandle keyset, String text) {
    this.keyset = keyset;
    this.text = text;
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
