package dev.safehouse.crypto;

import dev.safehouse.common.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The {@code "intl"} suite: SHA-256, Tink streaming AEAD ({@link DataKey}), HPKE wrapping to the
 * enclave ({@link EnclavePublicKeys}, {@link EnclaveKeys}), Ed25519 ({@link SigningKey}, {@link
 * VerificationKey}). The nested records adapt those classes, unchanged, to the suite's interfaces.
 */
public final class IntlSuite implements CryptoSuite {
  IntlSuite() {}

  @Override
  public String wireName() {
    return "intl";
  }

  @Override
  public String hashName() {
    return "sha256";
  }

  @Override
  public MessageDigest newDigest() {
    return Sha256.newDigest();
  }

  @Override
  public DatasetKey newDatasetKey() {
    return new Dataset(DataKey.generate());
  }

  @Override
  public UnwrappingKey newUnwrappingKey() {
    return new Unwrapping(HpkeDecryptionKey.generate());
  }

  @Override
  public Signer newSigner() {
    return new Signing(SigningKey.generate());
  }

  @Override
  public Verifier verifierFromText(String text) {
    return new Verifying(VerificationKey.fromText(text));
  }

  @Override
  public WrappingKey wrappingKeyFromBytes(byte[] encoded) {
    return new Wrapping(HpkeEncryptionKey.fromBytes(encoded));
  }

  @Override
  public Signer signerFromInsecureText(String text) {
    return new Signing(SigningKey.fromInsecureJson(text));
  }

  @Override
  public String toString() {
    return wireName();
  }

  /** A {@link DataKey} as a {@link DatasetKey}. */
  public record Dataset(DataKey key) implements DatasetKey {
    /** Checks that the key is present. */
    public Dataset {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return INTL;
    }

    @Override
    public OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData)
        throws IOException {
      return key.encryptingStream(ciphertext, associatedData);
    }

    @Override
    public InputStream decryptingStream(InputStream ciphertext, byte[] associatedData)
        throws IOException {
      return key.decryptingStream(ciphertext, associatedData);
    }
  }

  /** An enclave's {@link HpkeEncryptionKey} as a {@link WrappingKey}. */
  public record Wrapping(HpkeEncryptionKey key) implements WrappingKey {
    /** Checks that the key is present. */
    public Wrapping {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public byte[] toBytes() {
      return key.toBytes();
    }

    @Override
    public CryptoSuite suite() {
      return INTL;
    }

    @Override
    public WrappedDataKey wrap(DatasetKey dataKey, byte[] context) {
      if (!(dataKey instanceof Dataset dataset)) {
        throw new IllegalArgumentException("suite intl cannot wrap a data key of another suite");
      }
      return key.wrap(dataset.key(), context);
    }
  }

  /** An enclave's {@link HpkeDecryptionKey} as an {@link UnwrappingKey}. */
  public record Unwrapping(HpkeDecryptionKey key) implements UnwrappingKey {
    /** Checks that the key is present. */
    public Unwrapping {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return INTL;
    }

    @Override
    public WrappingKey wrappingKey() {
      return new Wrapping(key.encryptionKey());
    }

    @Override
    public DatasetKey unwrap(WrappedDataKey wrapped, byte[] context) {
      return new Dataset(key.unwrap(wrapped, context));
    }
  }

  /** An Ed25519 {@link SigningKey} as a {@link Signer}; signatures carry Tink's key-id prefix. */
  public record Signing(SigningKey key) implements Signer {
    /** Checks that the key is present. */
    public Signing {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return INTL;
    }

    @Override
    public byte[] sign(byte[] message) {
      return key.sign(message);
    }

    @Override
    public Verifier verifier() {
      return new Verifying(key.verificationKey());
    }

    @Override
    public String toInsecureText() {
      return key.toInsecureJson();
    }
  }

  /** An Ed25519 {@link VerificationKey} as a {@link Verifier}. */
  public record Verifying(VerificationKey key) implements Verifier {
    /** Checks that the key is present. */
    public Verifying {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return INTL;
    }

    @Override
    public void verify(byte[] signature, byte[] message) {
      key.verify(signature, message);
    }

    @Override
    public String toText() {
      return key.toText();
    }

    @Override
    public String keyId() {
      return key.keyId();
    }
  }
}
