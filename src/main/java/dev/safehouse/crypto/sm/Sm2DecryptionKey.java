package dev.safehouse.crypto.sm;

import dev.safehouse.crypto.CryptoFailureException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.util.Arrays;

/**
 * An enclave's SM2 private decryption key on sm2p256v1, which opens data keys wrapped by {@link
 * Sm2EncryptionKey#wrap}. Kept apart from the enclave's signing key, as GM/T practice keeps
 * encryption and signing key pairs apart.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #unwrap} returns a key only for a {@code C1 ‖ C3 ‖ C2} ciphertext made for this key and
 * the same context; anything else (other key, other context, altered bytes, the {@code C1 ‖ C2 ‖
 * C3} order) fails with the uniform {@link CryptoFailureException}. The private key is written only
 * by {@link #toInsecurePkcs8()}, for sealing under the master key.
 */
public final class Sm2DecryptionKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ECPrivateKeyParameters key;

  private Sm2DecryptionKey(ECPrivateKeyParameters key) {
    this.key = key;
  }

  /** Generates a new key. */
  public static Sm2DecryptionKey generate() {
    return new Sm2DecryptionKey((ECPrivateKeyParameters) Sm2Curve.generate(RANDOM).getPrivate());
  }

  /** Returns the public half, to publish in the attestation document. */
  public Sm2EncryptionKey encryptionKey() {
    return new Sm2EncryptionKey(Sm2Curve.publicKey(key));
  }

  /**
   * Opens a data key wrapped to this key with {@code context}.
   *
   * @throws CryptoFailureException if it was wrapped to another key or context, or altered
   */
  public Sm4GcmDataKey unwrap(byte[] wrapped, byte[] context) {
    if (wrapped.length != Sm2EncryptionKey.WRAPPED_LENGTH) {
      throw CryptoFailureException.decryption(null);
    }
    byte[] message = Sm2Cipher.decrypt(key, wrapped);
    try {
      byte[] expected = Sm2EncryptionKey.contextDigest(context);
      if (!Arrays.constantTimeAreEqual(expected.length, message, 0, expected, 0)) {
        throw CryptoFailureException.decryption(null);
      }
      return Sm4GcmDataKey.fromSecretBytes(
          Arrays.copyOfRange(message, expected.length, message.length));
    } finally {
      Arrays.fill(message, (byte) 0);
    }
  }

  /** Decrypts a bare {@code C1 ‖ C3 ‖ C2} ciphertext; tests open published examples. */
  byte[] decrypt(byte[] ciphertext) {
    return Sm2Cipher.decrypt(key, ciphertext);
  }

  /** Writes the private key as PKCS#8 DER. Handle the result as a secret. */
  public byte[] toInsecurePkcs8() {
    return Sm2Curve.encodePrivate(key);
  }

  /**
   * Reads a key written by {@link #toInsecurePkcs8()}.
   *
   * @throws CryptoFailureException if the bytes are not an sm2p256v1 private key
   */
  public static Sm2DecryptionKey fromInsecurePkcs8(byte[] pkcs8) {
    return new Sm2DecryptionKey(Sm2Curve.decodePrivate(pkcs8));
  }
}
