package dev.safehouse.crypto.sm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** Keys of the published examples, and keys of another curve, as their standard encodings. */
final class Sm2TestKeys {
  private Sm2TestKeys() {}

  static BigInteger big(JsonNode node, String field) {
    return new BigInteger(node.get(field).asText(), 16);
  }

  /** PKCS#8 DER of the sm2p256v1 private key {@code d}. */
  static byte[] pkcs8(BigInteger d) {
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(
              new ECPrivateKeyParameters(d, Sm2Curve.DOMAIN))
          .getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SubjectPublicKeyInfo DER of the sm2p256v1 point (x, y). */
  static byte[] spki(BigInteger x, BigInteger y) {
    return Sm2Curve.encodePublic(
        new ECPublicKeyParameters(Sm2Curve.DOMAIN.getCurve().createPoint(x, y), Sm2Curve.DOMAIN));
  }

  /** A fresh NIST P-256 key pair: well-formed keys that an SM2 reader must refuse. */
  static AsymmetricCipherKeyPair p256() {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(
        new ECKeyGenerationParameters(
            new ECNamedDomainParameters(
                SECObjectIdentifiers.secp256r1, SECNamedCurves.getByName("secp256r1")),
            new SecureRandom()));
    return generator.generateKeyPair();
  }

  static byte[] p256Spki() {
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(p256().getPublic())
          .getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] p256Pkcs8() {
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(p256().getPrivate()).getEncoded("DER");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 32 big-endian bytes of {@code k}, as the engines draw it from their random source. */
  static byte[] fixed32(BigInteger k) {
    return org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, k);
  }
}
