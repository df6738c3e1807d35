package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningKeyTest {
  private static final byte[] HEADER = "envelope header".getBytes(StandardCharsets.US_ASCII);

  @Test
  void signVerify_andTextFormsRoundTrip() {
    SigningKey key = SigningKey.generate();
    VerificationKey pub = VerificationKey.fromText(key.verificationKey().toText());
    pub.verify(key.sign(HEADER), HEADER);
    SigningKey reread = SigningKey.fromInsecureJson(key.toInsecureJson());
    pub.verify(reread.sign(HEADER), HEADER);
    assertThat(pub).isEqualTo(key.verificationKey());
    assertThat(pub.keyId()).hasSize(64);
  }

  @Test
  void verify_forgedTamperedOrOtherKey_failsUniformly() {
    SigningKey key = SigningKey.generate();
    byte[] signature = key.sign(HEADER);
    byte[] flipped = signature.clone();
    flipped[flipped.length - 1] ^= 1;
    byte[] otherMessage = "envelope headeR".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> key.verificationKey().verify(flipped, HEADER))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("signature verification failed");
    assertThatThrownBy(() -> key.verificationKey().verify(signature, otherMessage))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> SigningKey.generate().verificationKey().verify(signature, HEADER))
        .isInstanceOf(CryptoFailureException.class);
  }

  @Test
  void fromText_garbageOrAPrivateKey_isRefused() {
    assertThatThrownBy(() -> VerificationKey.fromText("not base64!"))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> VerificationKey.fromText("AAAA"))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> SigningKey.fromInsecureJson("{}"))
        .isInstanceOf(CryptoFailureException.class);
  }
}
