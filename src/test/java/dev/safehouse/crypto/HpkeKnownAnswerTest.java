package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.hybrid.HpkePublicKey;
import com.google.crypto.tink.hybrid.internal.HpkeContext;
import com.google.crypto.tink.hybrid.internal.HpkeKemKeyFactory;
import com.google.crypto.tink.hybrid.internal.HpkePrimitiveFactory;
import com.google.crypto.tink.util.Bytes;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the enclave HPKE suite to RFC 9180 DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM with
 * the RFC's base-mode vectors (as extracted by BoringSSL), driven with the vectors' fixed keys.
 */
class HpkeKnownAnswerTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The parameters of the template {@link EnclaveKeys} actually generates. */
  private static final HpkeParameters ENCLAVE_SUITE = enclaveSuite();

  private static final String VECTORS =
      "/vectors/hpke/boringssl_hpke_x25519_sha256_aes256gcm_base.txt";
  // Key schedule outputs for these inputs; checked against the source ciphertext 0 below.
  private static final byte[] KEY =
      HEX.parseHex("f50b0609186798729ed0564b36ef2ef8044f1f9d05636874d1f46c819c7a669f");
  private static final byte[] BASE_NONCE = HEX.parseHex("151d9929e2449747889bc923");

  private static Map<String, byte[]> header;
  private static List<Map<String, byte[]>> encryptions;
  private static HpkePrivateKey recipient;

  @BeforeAll
  static void readVectors() throws IOException, GeneralSecurityException {
    header = new HashMap<>();
    encryptions = new ArrayList<>();
    Map<String, byte[]> current = header;
    try (InputStream in = HpkeKnownAnswerTest.class.getResourceAsStream(VECTORS)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.startsWith("# encryptions[")) {
          current = new HashMap<>();
          encryptions.add(current);
        } else if (line.startsWith("# exports[")) {
          current = new HashMap<>(); // exports are not reachable through Tink's API
        } else if (line.contains(" = ")) {
          String[] kv = line.split(" = ", 2);
          current.put(kv[0].strip(), hexOrRaw(kv[1]));
        }
      }
    }
    HpkeParameters raw =
        HpkeParameters.builder()
            .setKemId(ENCLAVE_SUITE.getKemId())
            .setKdfId(ENCLAVE_SUITE.getKdfId())
            .setAeadId(ENCLAVE_SUITE.getAeadId())
            .setVariant(HpkeParameters.Variant.NO_PREFIX)
            .build();
    HpkePublicKey publicKey = HpkePublicKey.create(raw, Bytes.copyFrom(header.get("pkRm")), null);
    recipient =
        HpkePrivateKey.create(
            publicKey, SecretBytes.copyFrom(header.get("skRm"), InsecureSecretKeyAccess.get()));
  }

  @Test
  void enclaveSuite_isX25519HkdfSha256Aes256Gcm() {
    assertThat(ENCLAVE_SUITE.getKemId()).isEqualTo(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256);
    assertThat(ENCLAVE_SUITE.getKdfId()).isEqualTo(HpkeParameters.KdfId.HKDF_SHA256);
    assertThat(ENCLAVE_SUITE.getAeadId()).isEqualTo(HpkeParameters.AeadId.AES_256_GCM);
    assertThat(encryptions).hasSize(257);
  }

  @Test
  void recipientContext_opensEveryRfc9180Ciphertext() throws GeneralSecurityException {
    HpkeContext context =
        HpkeContext.createRecipientContext(
            header.get("pkEm"),
            HpkeKemKeyFactory.createPrivate(recipient),
            HpkePrimitiveFactory.createKem(ENCLAVE_SUITE.getKemId()),
            HpkePrimitiveFactory.createKdf(ENCLAVE_SUITE.getKdfId()),
            HpkePrimitiveFactory.createAead(ENCLAVE_SUITE.getAeadId()),
            header.get("info"));
    for (Map<String, byte[]> e : encryptions) { // sequence numbers advance in order
      assertThat(context.open(e.get("ct"), e.get("aad"))).isEqualTo(e.get("pt"));
    }
  }

  @Test
  void keyScheduleConstants_openSourceCiphertextZero() throws GeneralSecurityException {
    Map<String, byte[]> first = encryptions.get(0);
    assertThat(aesGcm(Cipher.DECRYPT_MODE, first.get("ct"), first.get("aad")))
        .isEqualTo(first.get("pt"));
  }

  @Test
  void hybridDecrypt_derivesTheRfc9180KeySchedule() throws GeneralSecurityException {
    byte[] plaintext = "known answer".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = aesGcm(Cipher.ENCRYPT_MODE, plaintext, new byte[0]); // HybridDecrypt: aad ""
    byte[] ciphertext = concat(header.get("pkEm"), sealed);
    HybridDecrypt decrypt = hybridDecrypt();
    assertThat(decrypt.decrypt(ciphertext, header.get("info"))).isEqualTo(plaintext);
    assertThatThrownBy(() -> decrypt.decrypt(ciphertext, "other".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  private static HybridDecrypt hybridDecrypt() throws GeneralSecurityException {
    KeysetHandle handle =
        KeysetHandle.newBuilder()
            .addEntry(KeysetHandle.importKey(recipient).withRandomId().makePrimary())
            .build();
    return handle.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
  }

  private static HpkeParameters enclaveSuite() {
    TinkPrimitives.register();
    try {
      return (HpkeParameters)
          KeyTemplates.get("DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM").toParameters();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] aesGcm(int mode, byte[] input, byte[] aad) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, BASE_NONCE));
    cipher.updateAAD(aad);
    return cipher.doFinal(input);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // Header lines such as "mode = 0" are not hex byte strings; they are kept as ASCII and unused.
  private static byte[] hexOrRaw(String value) {
    String v = value.strip();
    return v.matches("([0-9a-f]{2})+") ? HEX.parseHex(v) : v.getBytes(StandardCharsets.US_ASCII);
  }
}
