package dev.safehouse.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
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

  private static final int WARM_UP_BYTES = 2 << 20;
  private static final int WARM_UP_ROUNDS = 6;

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

  /**
   * Runs streaming decryption over a few MiB of zeros under a throwaway key, in 4 KiB segments, so
   * that the JIT compiles the per-segment path with the AES and GHASH intrinsics. Without it a
   * large stream decrypts about 30 times slower for the life of the process: its 1 MiB segments
   * call that path too rarely for it ever to be compiled (measured: 128 MiB in 3.0 s cold, 0.1 s
   * after this warm-up of about 0.2 s). Handles no secret; safe to run on any thread at start.
   */
  public static void warmUp() {
    TinkPrimitives.register();
    try {
      StreamingAead aead =
          KeysetHandle.generateNew(KeyTemplates.get("AES256_GCM_HKDF_4KB"))
              .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
      ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
      try (OutputStream out = aead.newEncryptingStream(ciphertext, new byte[0])) {
        out.write(new byte[WARM_UP_BYTES]);
      }
      byte[] buffer = new byte[1 << 16];
      for (int round = 0; round < WARM_UP_ROUNDS; round++) {
        try (InputStream in =
            aead.newDecryptingStream(
                new ByteArrayInputStream(ciphertext.toByteArray()), new byte[0])) {
          while (in.read(buffer) >= 0) {
            // read to the end: decryption is the work being warmed up
          }
        }
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the decryption warm-up failed", e);
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
      return new UniformFailures(primitive().newDecryptingStream(ciphertext, associatedData));
    } catch (GeneralSecurityException e) {
      throw new IOException(CryptoFailureException.decryption(e));
    }
  }

  /**
   * Reports every read failure of Tink's decrypting stream as an {@link IOException} caused by a
   * {@link CryptoFailureException}: Tink's own messages differ by the check that failed ("No
   * matching key found", "Tag mismatch!") and dump the stream's internal state.
   */
  private static final class UniformFailures extends FilterInputStream {
    UniformFailures(InputStream plaintext) {
      super(plaintext);
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw new IOException(CryptoFailureException.decryption(e));
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return in.read(buffer, offset, length);
      } catch (IOException e) {
        throw new IOException(CryptoFailureException.decryption(e));
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException e) {
        throw new IOException(CryptoFailureException.decryption(e));
      }
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
