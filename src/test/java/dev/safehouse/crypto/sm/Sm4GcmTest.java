package dev.safehouse.crypto.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safehouse.crypto.CryptoFailureException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DefaultBufferedBlockCipher;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/**
 * SM4 against the GB/T 32907 examples, the OpenSSL CBC/CTR vectors, and SM4-GCM against RFC 8998.
 */
class Sm4GcmTest {
  private static JsonNode sm4(int i) {
    return SmVectors.get("sm4").get(i);
  }

  @Test
  void sm4Block_gbt32907Example1_matches() {
    JsonNode c = sm4(0);
    SM4Engine engine = new SM4Engine();
    engine.init(true, new KeyParameter(SmVectors.hex(c, "key_hex")));
    byte[] out = new byte[16];
    engine.processBlock(SmVectors.hex(c, "pt_hex"), 0, out, 0);
    assertThat(SmVectors.hex(out)).isEqualTo(c.get("ct_hex").asText());
    engine.init(false, new KeyParameter(SmVectors.hex(c, "key_hex")));
    engine.processBlock(out, 0, out, 0);
    assertThat(SmVectors.hex(out)).isEqualTo(c.get("pt_hex").asText());
  }

  /** Took 0.6 s with BouncyCastle's SM4 on one core, so it runs with the fast tests. */
  @Test
  void sm4Block_gbt32907Example2_millionIterations_matches() {
    JsonNode c = sm4(1);
    SM4Engine engine = new SM4Engine();
    engine.init(true, new KeyParameter(SmVectors.hex(c, "key_hex")));
    byte[] block = SmVectors.hex(c, "pt_hex");
    for (int i = 0; i < 1_000_000; i++) {
      engine.processBlock(block, 0, block, 0);
    }
    assertThat(SmVectors.hex(block)).isEqualTo(c.get("ct_after_1e6_hex").asText());
  }

  @Test
  void sm4Cbc_and_sm4Ctr_openSslVectors_match() throws Exception {
    assertThat(run(CBCBlockCipher.newInstance(new SM4Engine()), sm4(2)))
        .isEqualTo(sm4(2).get("ct_hex").asText());
    assertThat(run(SICBlockCipher.newInstance(new SM4Engine()), sm4(3)))
        .isEqualTo(sm4(3).get("ct_hex").asText());
  }

  private static String run(BlockCipher mode, JsonNode c) throws Exception {
    BufferedBlockCipher cipher = new DefaultBufferedBlockCipher(mode);
    cipher.init(
        true,
        new ParametersWithIV(
            new KeyParameter(SmVectors.hex(c, "key_hex")), SmVectors.hex(c, "iv_hex")));
    byte[] pt = SmVectors.hex(c, "pt_hex");
    byte[] out = new byte[cipher.getOutputSize(pt.length)];
    int n = cipher.processBytes(pt, 0, pt.length, out, 0);
    cipher.doFinal(out, n);
    return SmVectors.hex(out);
  }

  @Test
  void seal_rfc8998Vector_matchesCiphertextAndTag() {
    JsonNode c = sm4(4);
    byte[] pt = SmVectors.hex(c, "pt_hex");
    byte[] sealed =
        new Sm4Gcm(SmVectors.hex(c, "key_hex"))
            .seal(SmVectors.hex(c, "iv_hex"), SmVectors.hex(c, "aad_hex"), pt, 0, pt.length);
    assertThat(SmVectors.hex(sealed))
        .isEqualTo(c.get("ct_hex").asText() + c.get("tag_hex").asText());
  }

  @Test
  void open_rfc8998Vector_returnsPlaintext_andEveryFlippedBitFails() {
    JsonNode c = sm4(4);
    Sm4Gcm gcm = new Sm4Gcm(SmVectors.hex(c, "key_hex"));
    byte[] iv = SmVectors.hex(c, "iv_hex");
    byte[] aad = SmVectors.hex(c, "aad_hex");
    byte[] sealed = java.util.HexFormat.of().parseHex(sealedHex(c));
    assertThat(SmVectors.hex(gcm.open(iv, aad, sealed, 0, sealed.length)))
        .isEqualTo(c.get("pt_hex").asText());
    for (int i = 0; i < sealed.length; i++) {
      byte[] bad = sealed.clone();
      bad[i] ^= 0x01;
      assertThatThrownBy(() -> gcm.open(iv, aad, bad, 0, bad.length))
          .isInstanceOf(CryptoFailureException.class)
          .hasMessage("decryption failed");
    }
    byte[] otherAad = aad.clone();
    otherAad[0] ^= 0x01;
    assertThatThrownBy(() -> gcm.open(iv, otherAad, sealed, 0, sealed.length))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> gcm.open(iv, aad, sealed, 0, 15))
        .isInstanceOf(CryptoFailureException.class);
  }

  private static String sealedHex(JsonNode c) {
    return c.get("ct_hex").asText() + c.get("tag_hex").asText();
  }
}
