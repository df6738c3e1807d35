package dev.safehouse.crypto.sm;

import dev.safehouse.crypto.CryptoFailureException;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4-GCM (GB/T 32907 block cipher in NIST SP 800-38D GCM, as RFC 8998 uses it) with a 128-bit key,
 * 96-bit nonces and 128-bit tags: the one place the SM4 cipher is created. Output is {@code
 * ciphertext ‖ tag}. Not thread-safe; the caller guarantees that no nonce repeats under one key.
 */
final class Sm4Gcm {
  static final int KEY_LENGTH = 16;
  static final int NONCE_LENGTH = 12;
  static final int TAG_LENGTH = 16;

  private final GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
  private final KeyParameter key;

  /**
   * Creates a cipher under {@code key}, which it copies.
   *
   * @throws IllegalArgumentException if the key is not 16 bytes
   */
  Sm4Gcm(byte[] key) {
    if (key.length != KEY_LENGTH) {
      throw new IllegalArgumentException("an SM4 key is 16 bytes");
    }
    this.key = new KeyParameter(key);
  }

  /** Encrypts {@code length} bytes of {@code plaintext} from {@code offset}. */
  byte[] seal(byte[] nonce, byte[] associatedData, byte[] plaintext, int offset, int length) {
    cipher.init(true, parameters(nonce, associatedData));
    byte[] out = new byte[length + TAG_LENGTH];
    int written = cipher.processBytes(plaintext, offset, length, out, 0);
    try {
      cipher.doFinal(out, written);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM4-GCM encryption failed", e);
    }
    return out;
  }

  /**
   * Decrypts and authenticates {@code length} bytes of {@code ciphertext ‖ tag} from {@code
   * offset}; returns the plaintext only if the tag verifies.
   *
   * @throws CryptoFailureException if the input is shorter than a tag or does not authenticate
   *     under this key, nonce and associated data
   */
  byte[] open(byte[] nonce, byte[] associatedData, byte[] ciphertext, int offset, int length) {
    if (length < TAG_LENGTH) {
      throw CryptoFailureException.decryption(null);
    }
    cipher.init(false, parameters(nonce, associatedData));
    byte[] out = new byte[length - TAG_LENGTH];
    try {
      int written = cipher.processBytes(ciphertext, offset, length, out, 0);
      cipher.doFinal(out, written);
      return out;
    } catch (InvalidCipherTextException | RuntimeException e) {
      Arrays.fill(out, (byte) 0);
      throw CryptoFailureException.decryption(e);
    }
  }

  private AEADParameters parameters(byte[] nonce, byte[] associatedData) {
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("an SM4-GCM nonce is 12 bytes");
    }
    return new AEADParameters(key, TAG_LENGTH * 8, nonce, associatedData);
  }
}
