package dev.safehouse.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.crypto.CryptoFailureException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.test.FixedSecureRandom;
import org.junit.jupiter.api.Test;

/** SM2 signatures: the GM/T 0003.5 / GB/T 32918.5 example on sm2p256v1, round trips, refusals. */
class Sm2SignatureTest {
  private static final JsonNode EXAMPLE = SmVectors.get("sm2_signature").get(1);
  private static final BigInteger N = Sm2Curve.DOMAIN.getN();
  private static final byte[] MESSAGE = ascii(EXAMPLE.get("message_ascii").asText());

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static Sm2VerificationKey publishedKey() {
    return Sm2VerificationKey.fromSpki(
        Sm2TestKeys.spki(
            Sm2TestKeys.big(EXAMPLE, "public_key_x"), Sm2TestKeys.big(EXAMPLE, "public_key_y")));
  }

  private static byte[] der(BigInteger r, BigInteger s) throws Exception {
    // Encoded by hand: BouncyCastle's encoder refuses the out-of-range values the twins need.
    return new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)})
        .getEncoded("DER");
  }

  @Test
  void verify_publishedExample_accepts() throws Exception {
    assertThat(EXAMPLE.get("curve").asText()).isEqualTo("sm2p256v1");
    assertThat(EXAMPLE.get("user_id_ascii").asText()).isEqualTo("1234567812345678");
    byte[] signature = der(Sm2TestKeys.big(EXAMPLE, "r"), Sm2TestKeys.big(EXAMPLE, "s"));
    assertThatCode(() -> publishedKey().verify(signature, MESSAGE)).doesNotThrowAnyException();
  }

  @Test
  void sign_publishedPrivateKeyAndK_reproducesRAndS() throws Exception {
    Sm2SigningKey key =
        Sm2SigningKey.fromInsecurePkcs8(
            Sm2TestKeys.pkcs8(Sm2TestKeys.big(EXAMPLE, "private_key_d")));
    assertThat(key.verificationKey()).isEqualTo(publishedKey());
    byte[] k = Sm2TestKeys.fixed32(Sm2TestKeys.big(EXAMPLE, "k"));
    BigInteger[] rs =
        StandardDSAEncoding.INSTANCE.decode(N, key.sign(MESSAGE, new FixedSecureRandom(k)));
    assertThat(rs[0]).isEqualTo(Sm2TestKeys.big(EXAMPLE, "r"));
    assertThat(rs[1]).isEqualTo(Sm2TestKeys.big(EXAMPLE, "s"));
  }

  @Test
  void verify_publishedExampleBrokenTwins_fail() throws Exception {
    BigInteger r = Sm2TestKeys.big(EXAMPLE, "r");
    BigInteger s = Sm2TestKeys.big(EXAMPLE, "s");
    Sm2VerificationKey key = publishedKey();
    byte[] good = der(r, s);
    assertRefused(key, good, ascii("message digesT"));
    assertRefused(key.withUserId(Sm2UserId.ofAscii("1234567812345679")), good, MESSAGE);
    assertRefused(key, der(r.add(BigInteger.ONE), s), MESSAGE);
    assertRefused(key, der(BigInteger.ZERO, BigInteger.ZERO), MESSAGE);
    assertRefused(key, der(r, N), MESSAGE);
    assertRefused(key, new byte[0], MESSAGE);
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertRefused(key, trailing, MESSAGE);
  }

  @Test
  void signAndVerify_freshKey_roundTrips_andTamperingIsRefused() {
    Sm2SigningKey key = Sm2SigningKey.generate();
    byte[] message = ascii("checkpoint body");
    byte[] signature = key.sign(message);
    key.verificationKey().verify(signature, message);
    assertThat(key.sign(message)).isNotEqualTo(signature);

    assertRefused(key.verificationKey(), signature, ascii("checkpoint bodY"));
    for (int i = 0; i < signature.length; i++) {
      byte[] flipped = signature.clone();
      flipped[i] ^= 0x01;
      assertRefused(key.verificationKey(), flipped, message);
    }
    assertRefused(Sm2SigningKey.generate().verificationKey(), signature, message);
  }

  @Test
  void userId_configured_mustMatchOnBothSides() {
    Sm2UserId provider = Sm2UserId.ofAscii("provider-42@safehouse");
    Sm2SigningKey key = Sm2SigningKey.generate().withUserId(provider);
    byte[] message = ascii("header");
    byte[] signature = key.sign(message);
    assertThat(key.verificationKey().withUserId(provider)).isEqualTo(key.verificationKey());
    key.verificationKey().verify(signature, message);
    assertRefused(key.verificationKey().withUserId(Sm2UserId.DEFAULT), signature, message);
    assertThat(Sm2SigningKey.generate().userId()).isEqualTo(Sm2UserId.DEFAULT);
  }

  @Test
  void encodings_spkiPemTextAndPkcs8_roundTrip() {
    Sm2SigningKey key = Sm2SigningKey.generate();
    Sm2VerificationKey pub = key.verificationKey();
    assertThat(Sm2VerificationKey.fromSpki(pub.toSpki())).isEqualTo(pub);
    assertThat(Sm2VerificationKey.fromText(pub.toText())).isEqualTo(pub);
    assertThat(pub.toPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(Sm2VerificationKey.fromPem(pub.toPem())).isEqualTo(pub);
    assertThat(pub.keyId()).hasSize(64);
    byte[] message = ascii("m");
    pub.verify(Sm2SigningKey.fromInsecurePkcs8(key.toInsecurePkcs8()).sign(message), message);
  }

  @Test
  void read_keysOfAnotherCurveOrGarbage_areRefused() {
    assertThatThrownBy(() -> Sm2VerificationKey.fromSpki(Sm2TestKeys.p256Spki()))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("reading the SM2 public key failed");
    assertThatThrownBy(() -> Sm2SigningKey.fromInsecurePkcs8(Sm2TestKeys.p256Pkcs8()))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("reading the SM2 private key failed");
    assertThatThrownBy(() -> Sm2VerificationKey.fromSpki(new byte[] {0x30, 0x00}))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> Sm2VerificationKey.fromText("not base64!"))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> Sm2VerificationKey.fromPem("-----BEGIN PUBLIC KEY-----"))
        .isInstanceOf(CryptoFailureException.class);
  }

  private static void assertRefused(Sm2VerificationKey key, byte[] signature, byte[] message) {
    assertThatThrownBy(() -> key.verify(signature, message))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("signature verification failed");
  }
}
