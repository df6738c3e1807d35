package dev.safehouse.crypto.sm;

import dev.safehouse.crypto.CryptoFailureException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.Arrays;

/**
 * An enclave's SM2 public encryption key on sm2p256v1, to wrap {@link Sm4GcmDataKey data keys} to.
 * Encoded as X.509 SubjectPublicKeyInfo DER ({@link #toSpki()}).
 *
 * <p>Wrapped layout: {@code SM2-Encrypt_C1C3C2(SM3("safehouse/sm2-wrap/v1" ‖ context) ‖ key)}, 32 +
 * 32 bytes of message, {@value #WRAPPED_LENGTH} bytes in all. SM2 encryption has no associated
 * data, so the context's digest travels inside the encrypted message and {@link
 * Sm2DecryptionKey#unwrap} compares it in constant time; SM2's C3 check value authenticates the
 * message under the recipient's key.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #wrap} produces a ciphertext only the holder of the matching {@link Sm2DecryptionKey} can
 * open, and only with the same context. Providers must take this key only from an attestation
 * document they verified; this class cannot tell a genuine enclave from an impostor. Not
 * guaranteed: sender authentication — anyone holding the public key can wrap a key of their own.
 */
public final class Sm2EncryptionKey {
  /** Length of a wrapped data key, in bytes. */
  public static final int WRAPPED_LENGTH = Sm2Cipher.OVERHEAD + 32 + Sm4GcmDataKey.LENGTH;

  private static final byte[] DOMAIN = "safehouse/sm2-wrap/v1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ECPublicKeyParameters key;

  Sm2EncryptionKey(ECPublicKeyParameters key) {
    this.key = key;
  }

  /**
   * Reads a SubjectPublicKeyInfo DER.
   *
   * @throws CryptoFailureException if it is not an sm2p256v1 public key
   */
  public static Sm2EncryptionKey fromSpki(byte[] der) {
    return new Sm2EncryptionKey(Sm2Curve.decodePublic(der));
  }

  /** Returns the SubjectPublicKeyInfo DER. */
  public byte[] toSpki() {
    return Sm2Curve.encodePublic(key);
  }

  /** Returns the text form: base64 of the SubjectPublicKeyInfo DER. */
  public String toText() {
    return Base64.getEncoder().encodeToString(toSpki());
  }

  /** Encrypts {@code dataKey} to this key, bound to {@code context} (the envelope's identity). */
  public byte[] wrap(Sm4GcmDataKey dataKey, byte[] context) {
    return Sm2Cipher.encrypt(
        key, Arrays.concatenate(contextDigest(context), dataKey.secretBytes()), RANDOM);
  }

  /** Encrypts a bare message with k from {@code random}; tests reproduce published ciphertexts. */
  byte[] encrypt(byte[] message, SecureRandom random) {
    return Sm2Cipher.encrypt(key, message, random);
  }

  static byte[] contextDigest(byte[] context) {
    return Sm3.hash(Arrays.concatenate(DOMAIN, context));
  }
}
