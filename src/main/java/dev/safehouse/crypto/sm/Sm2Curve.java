package dev.safehouse.crypto.sm;

import dev.safehouse.crypto.CryptoFailureException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * The SM2 recommended curve {@code sm2p256v1} (GB/T 32918.5, OID 1.2.156.10197.1.301) and the
 * encodings of its keys: public keys as X.509 SubjectPublicKeyInfo DER (algorithm {@code
 * id-ecPublicKey}, named curve sm2p256v1, uncompressed point), private keys as PKCS#8 DER. Parsing
 * refuses keys on any other curve.
 */
final class Sm2Curve {
  static final ECDomainParameters DOMAIN =
      new ECNamedDomainParameters(
          GMObjectIdentifiers.sm2p256v1, GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1));

  private Sm2Curve() {}

  static AsymmetricCipherKeyPair generate(SecureRandom random) {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(DOMAIN, random));
    return generator.generateKeyPair();
  }

  static ECPublicKeyParameters publicKey(ECPrivateKeyParameters key) {
    return new ECPublicKeyParameters(DOMAIN.getG().multiply(key.getD()).normalize(), DOMAIN);
  }

  static byte[] encodePublic(ECPublicKeyParameters key) {
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an SM2 public key", e);
    }
  }

  static byte[] encodePrivate(ECPrivateKeyParameters key) {
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an SM2 private key", e);
    }
  }

  /**
   * Reads a SubjectPublicKeyInfo.
   *
   * @throws CryptoFailureException if it is malformed or not a point of sm2p256v1
   */
  static ECPublicKeyParameters decodePublic(byte[] spki) {
    try {
      AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
      if (key instanceof ECPublicKeyParameters ec && onSm2Curve(ec.getParameters())) {
        return new ECPublicKeyParameters(ec.getQ(), DOMAIN);
      }
    } catch (IOException | RuntimeException e) {
      throw new CryptoFailureException("reading the SM2 public key", e);
    }
    throw new CryptoFailureException("reading the SM2 public key", null);
  }

  /**
   * Reads a PKCS#8 private key.
   *
   * @throws CryptoFailureException if it is malformed or not a key of sm2p256v1
   */
  static ECPrivateKeyParameters decodePrivate(byte[] pkcs8) {
    try {
      AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pkcs8);
      if (key instanceof ECPrivateKeyParameters ec
          && key.isPrivate()
          && onSm2Curve(ec.getParameters())
          && ec.getD().signum() > 0
          && ec.getD().compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) < 0) {
        return new ECPrivateKeyParameters(ec.getD(), DOMAIN);
      }
    } catch (IOException | RuntimeException e) {
      throw new CryptoFailureException("reading the SM2 private key", e);
    }
    throw new CryptoFailureException("reading the SM2 private key", null);
  }

  private static boolean onSm2Curve(ECDomainParameters parameters) {
    return parameters.getCurve().equals(DOMAIN.getCurve())
        && parameters.getG().equals(DOMAIN.getG())
        && parameters.getN().equals(DOMAIN.getN());
  }
}
