package dev.safehouse.crypto.sm;

import dev.safehouse.crypto.CryptoFailureException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * An SM2 private signing key on sm2p256v1 (GB/T 32918.2, GM/T 0003.2): the signature covers {@code
 * SM3(Z_A ‖ message)} where {@code Z_A} binds the signer's user id and public key; the signature is
 * DER {@code SEQUENCE { r INTEGER, s INTEGER }} (GM/T 0009). The user id is {@link
 * Sm2UserId#DEFAULT} ({@code "1234567812345678"}) unless one is given.
 *
 * <h2>Security guarantees</h2>
 *
 * Signatures verify only under the matching {@link Sm2VerificationKey} with the same user id, over
 * exactly the given bytes. Each signature draws a fresh k from {@link SecureRandom}. The private
 * key is written only by {@link #toInsecurePkcs8()}, for sealing or key files. Not guaranteed:
 * deterministic signatures (unlike Ed25519, two signatures of one message differ).
 */
public final class Sm2SigningKey {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ECPrivateKeyParameters key;
  private final Sm2UserId userId;

  private Sm2SigningKey(ECPrivateKeyParameters key, Sm2UserId userId) {
    this.key = key;
    this.userId = userId;
  }

  /** Generates a new key with the default user id. */
  public static Sm2SigningKey generate() {
    return new Sm2SigningKey(
        (ECPrivateKeyParameters) Sm2Curve.generate(RANDOM).getPrivate(), Sm2UserId.DEFAULT);
  }

  /** Returns this key signing under {@code userId} instead. */
  public Sm2SigningKey withUserId(Sm2UserId userId) {
    return new Sm2SigningKey(key, userId);
  }

  /** Returns the user id that goes into {@code Z_A}. */
  public Sm2UserId userId() {
    return userId;
  }

  /** Signs {@code message}; returns the DER-encoded (r, s). */
  public byte[] sign(byte[] message) {
    return sign(message, RANDOM);
  }

  /** Signs with k drawn from {@code random}; tests pass a fixed k to reproduce published values. */
  byte[] sign(byte[] message, SecureRandom random) {
    SM2Signer signer = new SM2Signer(StandardDSAEncoding.INSTANCE, new SM3Digest());
    signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), userId.bytes()));
    signer.update(message, 0, message.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  /** Returns the public half, with the same user id. */
  public Sm2VerificationKey verificationKey() {
    return new Sm2VerificationKey(Sm2Curve.publicKey(key), userId);
  }

  /** Writes the private key as PKCS#8 DER (without the user id). Handle the result as a secret. */
  public byte[] toInsecurePkcs8() {
    return Sm2Curve.encodePrivate(key);
  }

  /**
   * Reads a key written by {@link #toInsecurePkcs8()}, with the default user id.
   *
   * @throws CryptoFailureException if the bytes are not an sm2p256v1 private key
   */
  public static Sm2SigningKey fromInsecurePkcs8(byte[] pkcs8) {
    return new Sm2SigningKey(Sm2Curve.decodePrivate(pkcs8), Sm2UserId.DEFAULT);
  }
}
