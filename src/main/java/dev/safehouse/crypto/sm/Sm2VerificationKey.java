package dev.safehouse.crypto.sm;

import dev.safehouse.crypto.CryptoFailureException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * An SM2 public verification key on sm2p256v1 with the user id its signatures were made under.
 * Encodings: {@link #toSpki()} (X.509 SubjectPublicKeyInfo DER), {@link #toPem()} ({@code PUBLIC
 * KEY} PEM of it), and {@link #toText()} (base64 of the DER, the text form stewards register).
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #verify} accepts only a strict-DER (r, s) with {@code 1 ≤ r, s < n} made by the matching
 * {@link Sm2SigningKey} under the same user id over exactly the given bytes, and fails with the
 * uniform {@link CryptoFailureException} otherwise. Keys of other curves are refused when read. The
 * key id is the SM3 of the text form, so equal ids mean equal keys (the user id is not part of it).
 */
public final class Sm2VerificationKey {
  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  private final ECPublicKeyParameters key;
  private final Sm2UserId userId;

  Sm2VerificationKey(ECPublicKeyParameters key, Sm2UserId userId) {
    this.key = key;
    this.userId = userId;
  }

  /**
   * Reads a SubjectPublicKeyInfo DER, with the default user id.
   *
   * @throws CryptoFailureException if it is not an sm2p256v1 public key
   */
  public static Sm2VerificationKey fromSpki(byte[] der) {
    return new Sm2VerificationKey(Sm2Curve.decodePublic(der), Sm2UserId.DEFAULT);
  }

  /**
   * Reads the text form (base64 of the DER), with the default user id.
   *
   * @throws CryptoFailureException if it is not an sm2p256v1 public key
   */
  public static Sm2VerificationKey fromText(String text) {
    try {
      return fromSpki(Base64.getDecoder().decode(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new CryptoFailureException("reading the SM2 public key", e);
    }
  }

  /**
   * Reads a {@code PUBLIC KEY} PEM block, with the default user id.
   *
   * @throws CryptoFailureException if it is not one, or not an sm2p256v1 public key
   */
  public static Sm2VerificationKey fromPem(String pem) {
    String body = pem.strip();
    if (!body.startsWith(PEM_BEGIN) || !body.endsWith(PEM_END)) {
      throw new CryptoFailureException("reading the SM2 public key", null);
    }
    try {
      return fromSpki(
          Base64.getMimeDecoder()
              .decode(body.substring(PEM_BEGIN.length(), body.length() - PEM_END.length())));
    } catch (IllegalArgumentException e) {
      throw new CryptoFailureException("reading the SM2 public key", e);
    }
  }

  /** Returns this key verifying under {@code userId} instead. */
  public Sm2VerificationKey withUserId(Sm2UserId userId) {
    return new Sm2VerificationKey(key, userId);
  }

  /** Returns the SubjectPublicKeyInfo DER. */
  public byte[] toSpki() {
    return Sm2Curve.encodePublic(key);
  }

  /** Returns the text form: base64 of the SubjectPublicKeyInfo DER. */
  public String toText() {
    return Base64.getEncoder().encodeToString(toSpki());
  }

  /** Returns the {@code PUBLIC KEY} PEM block, 64 characters a line. */
  public String toPem() {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(toSpki());
    return PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n";
  }

  /** Returns the key id: lower-case hex SM3 of the text form. */
  public String keyId() {
    return HexFormat.of().formatHex(Sm3.hash(toText().getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Checks the DER-encoded SM2 {@code signature} over {@code message}.
   *
   * @throws CryptoFailureException if it does not verify
   */
  public void verify(byte[] signature, byte[] message) {
    SM2Signer verifier = new SM2Signer(StandardDSAEncoding.INSTANCE, new SM3Digest());
    boolean valid;
    try {
      verifier.init(false, new ParametersWithID(key, userId.bytes()));
      verifier.update(message, 0, message.length);
      valid = verifier.verifySignature(signature);
    } catch (RuntimeException e) {
      throw CryptoFailureException.signature(e);
    }
    if (!valid) {
      throw CryptoFailureException.signature(null);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sm2VerificationKey that
        && key.getQ().equals(that.key.getQ())
        && userId.equals(that.userId);
  }

  @Override
  public int hashCode() {
    return key.getQ().hashCode();
  }

  @Override
  public String toString() {
    return "Sm2VerificationKey[" + keyId().substring(0, 16) + "]";
  }
}
