package dev.safehouse.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both suites through the purpose-named interfaces: round trips, and no mixing between them. */
class CryptoSuiteTest {
  private static final byte[] CONTEXT = ascii("envelope|public-credit|v1");
  private static final byte[] MESSAGE = ascii("checkpoint body");
  private static final byte[] PLAINTEXT = new byte[1500 * 1024 + 5];

  static {
    new SecureRandom().nextBytes(PLAINTEXT);
  }

  static List<CryptoSuite> suites() {
    return List.of(CryptoSuite.INTL, CryptoSuite.SM);
  }

  private static CryptoSuite other(CryptoSuite suite) {
    return suite == CryptoSuite.INTL ? CryptoSuite.SM : CryptoSuite.INTL;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] encrypt(DatasetKey key, byte[] plaintext) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = key.encryptingStream(out, CONTEXT)) {
      enc.write(plaintext);
    }
    return out.toByteArray();
  }

  private static byte[] decrypt(DatasetKey key, byte[] ciphertext) throws IOException {
    try (InputStream dec = key.decryptingStream(new ByteArrayInputStream(ciphertext), CONTEXT)) {
      return dec.readAllBytes();
    }
  }

  @Test
  void fromWireName_knownNames_returnTheSuites() {
    assertThat(CryptoSuite.fromWireName("intl")).isSameAs(CryptoSuite.INTL);
    assertThat(CryptoSuite.fromWireName("sm")).isSameAs(CryptoSuite.SM);
    assertThat(CryptoSuite.INTL.wireName()).isEqualTo("intl");
    assertThat(CryptoSuite.SM.wireName()).isEqualTo("sm");
    assertThat(CryptoSuite.SM).hasToString("sm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SM", "Intl", "sm ", "sm2", "sha256", "gm", "<script>"})
  void fromWireName_unknownName_failsWithoutEchoingIt(String name) {
    assertThatThrownBy(() -> CryptoSuite.fromWireName(name))
        .isInstanceOf(UnknownSuiteException.class)
        .hasMessage("unknown crypto suite; expected \"intl\" or \"sm\"");
  }

  @Test
  void smVerifierFromText_readsThePemForm_asOfKeyTextGuesses() {
    SmSuite.Verifying key = (SmSuite.Verifying) CryptoSuite.SM.newSigner().verifier();
    String pem = key.key().toPem();

    assertThat(CryptoSuite.ofKeyText(pem)).isSameAs(CryptoSuite.SM);
    assertThat(CryptoSuite.SM.verifierFromText(pem).keyId()).isEqualTo(key.keyId());
    assertThatThrownBy(
            () -> CryptoSuite.SM.verifierFromText(pem.replace("PUBLIC KEY", "PRIVATE KEY")))
        .isInstanceOf(CryptoFailureException.class);
  }

  @Test
  void fromWireName_null_fails() {
    assertThatThrownBy(() -> CryptoSuite.fromWireName(null))
        .isInstanceOf(UnknownSuiteException.class);
  }

  @Test
  void newDigest_abc_isSha256ForIntlAndSm3ForSm() {
    assertThat(HexFormat.of().formatHex(CryptoSuite.INTL.newDigest().digest(ascii("abc"))))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(HexFormat.of().formatHex(CryptoSuite.SM.newDigest().digest(ascii("abc"))))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    assertThat(CryptoSuite.INTL.hashName()).isEqualTo("sha256");
    assertThat(CryptoSuite.SM.hashName()).isEqualTo("sm3");
  }

  @ParameterizedTest
  @MethodSource("suites")
  void dataset_wrapUnwrapAndStream_roundTrips(CryptoSuite suite) throws IOException {
    UnwrappingKey enclave = suite.newUnwrappingKey();
    DatasetKey key = suite.newDatasetKey();
    assertThat(key.suite()).isSameAs(suite);
    assertThat(enclave.wrappingKey().suite()).isSameAs(suite);
    WrappedDataKey wrapped = enclave.wrappingKey().wrap(key, CONTEXT);
    byte[] ciphertext = encrypt(key, PLAINTEXT);

    DatasetKey opened = enclave.unwrap(wrapped, CONTEXT);
    assertThat(opened.suite()).isSameAs(suite);
    assertThat(decrypt(opened, ciphertext)).isEqualTo(PLAINTEXT);

    assertThatThrownBy(() -> enclave.unwrap(wrapped, ascii("envelope|public-credit|v2")))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> suite.newUnwrappingKey().unwrap(wrapped, CONTEXT))
        .isInstanceOf(CryptoFailureException.class);
    byte[] flipped = ciphertext.clone();
    flipped[flipped.length / 2] ^= 0x01;
    assertThatThrownBy(() -> decrypt(opened, flipped))
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(CryptoFailureException.class);
  }

  @ParameterizedTest
  @MethodSource("suites")
  void signatures_roundTripAndTextForm(CryptoSuite suite) {
    Signer signer = suite.newSigner();
    byte[] signature = signer.sign(MESSAGE);
    signer.verifier().verify(signature, MESSAGE);
    Verifier reread = suite.verifierFromText(signer.verifier().toText());
    reread.verify(signature, MESSAGE);
    assertThat(reread.keyId()).isEqualTo(signer.verifier().keyId()).hasSize(64);
    assertThat(reread.suite()).isSameAs(suite);
    assertThatThrownBy(() -> reread.verify(signature, ascii("checkpoint bodY")))
        .isInstanceOf(CryptoFailureException.class);
    assertThatThrownBy(() -> suite.newSigner().verifier().verify(signature, MESSAGE))
        .isInstanceOf(CryptoFailureException.class);
  }

  @ParameterizedTest
  @MethodSource("suites")
  void ofKeyText_namesTheSuiteOfEveryKeyText(CryptoSuite suite) {
    for (int i = 0; i < 8; i++) {
      Signer signer = suite.newSigner();
      assertThat(CryptoSuite.ofKeyText(signer.verifier().toText())).isSameAs(suite);
      assertThat(CryptoSuite.ofKeyText(signer.toInsecureText())).isSameAs(suite);
      assertThat(CryptoSuite.ofKeyText(" " + signer.verifier().toText() + "\n")).isSameAs(suite);
    }
  }

  @ParameterizedTest
  @MethodSource("suites")
  void signatures_ofOneSuite_areRefusedByTheOther(CryptoSuite suite) {
    Signer signer = suite.newSigner();
    byte[] signature = signer.sign(MESSAGE);
    Verifier foreign = other(suite).newSigner().verifier();
    assertThatThrownBy(() -> foreign.verify(signature, MESSAGE))
        .isInstanceOf(CryptoFailureException.class)
        .hasMessage("signature verification failed");
    assertThatThrownBy(() -> other(suite).verifierFromText(signer.verifier().toText()))
        .isInstanceOf(CryptoFailureException.class);
  }

  @ParameterizedTest
  @MethodSource("suites")
  void keys_ofOneSuite_areRefusedByTheOther(CryptoSuite suite) throws IOException {
    DatasetKey key = suite.newDatasetKey();
    WrappingKey foreignEnclave = other(suite).newUnwrappingKey().wrappingKey();
    assertThatThrownBy(() -> foreignEnclave.wrap(key, CONTEXT))
        .isInstanceOf(IllegalArgumentException.class);

    WrappedDataKey wrapped = suite.newUnwrappingKey().wrappingKey().wrap(key, CONTEXT);
    assertThatThrownBy(() -> other(suite).newUnwrappingKey().unwrap(wrapped, CONTEXT))
        .isInstanceOf(CryptoFailureException.class);

    byte[] ciphertext = encrypt(key, ascii("uscc,score\n"));
    DatasetKey foreignKey = other(suite).newDatasetKey();
    assertThatThrownBy(() -> decrypt(foreignKey, ciphertext))
        .isInstanceOf(IOException.class)
        .hasCauseInstanceOf(CryptoFailureException.class);
  }
}
