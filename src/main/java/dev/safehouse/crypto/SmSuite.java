package dev.safehouse.crypto;

import dev.safehouse.crypto.sm.Sm2DecryptionKey;
import dev.safehouse.crypto.sm.Sm2EncryptionKey;
import dev.safehouse.crypto.sm.Sm2SigningKey;
import dev.safehouse.crypto.sm.Sm2VerificationKey;
import dev.safehouse.crypto.sm.Sm3;
import dev.safehouse.crypto.sm.Sm4GcmDataKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The {@code "sm"} suite: SM3 ({@link Sm3}), SM4-GCM segment streams ({@link Sm4GcmDataKey}), SM2
 * encryption in the C1C3C2 order ({@link Sm2EncryptionKey}, {@link Sm2DecryptionKey}), SM2
 * signatures with SM3 and the default user id ({@link Sm2SigningKey}, {@link Sm2VerificationKey}).
 * The nested records adapt those classes to the suite's interfaces.
 */
public final class SmSuite implements CryptoSuite {
  private static final String PRIVATE_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PRIVATE_END = "-----END PRIVATE KEY-----";

  SmSuite() {}

  @Override
  public String wireName() {
    return "sm";
  }

  @Override
  public String hashName() {
    return "sm3";
  }

  @Override
  public MessageDigest newDigest() {
    return Sm3.newDigest();
  }

  @Override
  public DatasetKey newDatasetKey() {
    return new Dataset(Sm4GcmDataKey.generate());
  }

  @Override
  public UnwrappingKey newUnwrappingKey() {
    return new Unwrapping(Sm2DecryptionKey.generate());
  }

  @Override
  public Signer newSigner() {
    return new Signing(Sm2SigningKey.generate());
  }

  @Override
  public Verifier verifierFromText(String text) {
    String key = text.strip();
    return new Verifying(
        key.startsWith("-----BEGIN ")
            ? Sm2VerificationKey.fromPem(key)
            : Sm2VerificationKey.fromText(key));
  }

  @Override
  public WrappingKey wrappingKeyFromBytes(byte[] encoded) {
    return new Wrapping(Sm2EncryptionKey.fromSpki(encoded));
  }

  @Override
  public Signer signerFromInsecureText(String text) {
    String body = text.strip();
    if (!body.startsWith(PRIVATE_BEGIN) || !body.endsWith(PRIVATE_END)) {
      throw new CryptoFailureException("reading the signing key", null);
    }
    byte[] pkcs8;
    try {
      pkcs8 =
          Base64.getMimeDecoder()
              .decode(body.substring(PRIVATE_BEGIN.length(), body.length() - PRIVATE_END.length()));
    } catch (IllegalArgumentException e) {
      throw new CryptoFailureException("reading the signing key", null);
    }
    try {
      return new Signing(Sm2SigningKey.fromInsecurePkcs8(pkcs8));
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return wireName();
  }

  /** An {@link Sm4GcmDataKey} as a {@link DatasetKey}. */
  public record Dataset(Sm4GcmDataKey key) implements DatasetKey {
    /** Checks that the key is present. */
    public Dataset {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return SM;
    }

    @Override
    public OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData)
        throws IOException {
      return key.encryptingStream(ciphertext, associatedData);
    }

    @Override
    public InputStream decryptingStream(InputStream ciphertext, byte[] associatedData) {
      return key.decryptingStream(ciphertext, associatedData);
    }
  }

  /** An enclave's {@link Sm2EncryptionKey} as a {@link WrappingKey}. */
  public record Wrapping(Sm2EncryptionKey key) implements WrappingKey {
    /** Checks that the key is present. */
    public Wrapping {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return SM;
    }

    @Override
    public byte[] toBytes() {
      return key.toSpki();
    }

    @Override
    public WrappedDataKey wrap(DatasetKey dataKey, byte[] context) {
      if (!(dataKey instanceof Dataset dataset)) {
        throw new IllegalArgumentException("suite sm cannot wrap a data key of another suite");
      }
      return new WrappedDataKey(key.wrap(dataset.key(), context));
    }
  }

  /** An enclave's {@link Sm2DecryptionKey} as an {@link UnwrappingKey}. */
  public record Unwrapping(Sm2DecryptionKey key) implements UnwrappingKey {
    /** Checks that the key is present. */
    public Unwrapping {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return SM;
    }

    @Override
    public WrappingKey wrappingKey() {
      return new Wrapping(key.encryptionKey());
    }

    @Override
    public DatasetKey unwrap(WrappedDataKey wrapped, byte[] context) {
      return new Dataset(key.unwrap(wrapped.bytes(), context));
    }
  }

  /** An {@link Sm2SigningKey} as a {@link Signer}; signatures are DER (r, s). */
  public record Signing(Sm2SigningKey key) implements Signer {
    /** Checks that the key is present. */
    public Signing {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return SM;
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
      byte[] pkcs8 = key.toInsecurePkcs8();
      try {
        return PRIVATE_BEGIN
            + "\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8)
            + "\n"
            + PRIVATE_END
            + "\n";
      } finally {
        Arrays.fill(pkcs8, (byte) 0);
      }
    }
  }

  /** An {@link Sm2VerificationKey} as a {@link Verifier}. */
  public record Verifying(Sm2VerificationKey key) implements Verifier {
    /** Checks that the key is present. */
    public Verifying {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public CryptoSuite suite() {
      return SM;
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
