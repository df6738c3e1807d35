package dev.safehouse.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A fresh key for one dataset version that encrypts and decrypts it as a stream of authenticated
 * segments.
 *
 * <h2>Security guarantees</h2>
 *
 * Ciphertext is bound to the associated data given on both sides (Safehouse passes the envelope's
 * binding), so a ciphertext moved to another dataset does not decrypt. Altered, reordered,
 * truncated or extended segments fail when read, with an {@link IOException} caused by the uniform
 * {@link CryptoFailureException}. The key's bytes leave the {@code crypto} package only wrapped to
 * an enclave ({@link WrappingKey#wrap}). Not guaranteed: that a partly read stream was authentic
 * beyond the segments already returned — read to the end before trusting the data.
 */
public sealed interface DatasetKey permits IntlSuite.Dataset, SmSuite.Dataset {
  /** Returns the suite this key belongs to. */
  CryptoSuite suite();

  /** Returns a stream that encrypts what is written to it into {@code ciphertext}. */
  OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData) throws IOException;

  /**
   * Returns a stream of the plaintext of {@code ciphertext}; reading fails with an {@link
   * IOException} caused by a {@link CryptoFailureException} if the ciphertext was altered,
   * truncated, or bound to other associated data.
   */
  InputStream decryptingStream(InputStream ciphertext, byte[] associatedData) throws IOException;
}
