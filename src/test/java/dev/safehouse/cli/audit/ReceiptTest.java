package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safehouse.crypto.CryptoSuite;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass(name = "{0}")
@MethodSource("dev.safehouse.testing.TestSuite#all")
class ReceiptTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Receipt receipt;

  @Parameter CryptoSuite suite;

  @BeforeParameterizedClassInvocation
  static void receipt(CryptoSuite suite) {
    TestLog log = TestLog.of(suite.newSigner(), 22, 9);
    receipt =
        new Receipt(
            suite.wireName(),
            4,
            log.hasher.leaf(log.entries.get(4)),
            9,
            log.note(9),
            log.inclusion(4, 9).path());
  }

  /** The receipt as the server attaches it. */
  static ObjectNode json(Receipt receipt) {
    ObjectNode json = JSON.createObjectNode();
    json.put("suite", receipt.suite());
    json.put("leafIndex", receipt.leafIndex());
    json.put("leafHash", Base64.getEncoder().encodeToString(receipt.leafHash().bytes()));
    json.put("treeSize", receipt.treeSize());
    json.put("checkpoint", receipt.checkpoint());
    receipt
        .inclusionProof()
        .forEach(
            h ->
                json.withArray("inclusionProof")
                    .add(Base64.getEncoder().encodeToString(h.bytes())));
    return json;
  }

  @Test
  void parse_serverForm_roundTrips() {
    assertThat(Receipt.parse(json(receipt).toString())).isEqualTo(receipt);
  }

  @Test
  void parse_withoutSuite_isIntl() {
    ObjectNode json = json(receipt);
    json.remove("suite");

    assertThat(Receipt.parse(json.toString()).suite()).isEqualTo("intl");
  }

  @Test
  void parse_suiteNotAString_isMalformed() {
    ObjectNode json = json(receipt);
    json.put("suite", 7);

    assertThatThrownBy(() -> Receipt.parse(json.toString()))
        .hasMessage("the receipt is malformed: suite is not a string");
  }

  @Test
  void parse_notJson_isMalformed() {
    assertThatThrownBy(() -> Receipt.parse("leafIndex=4"))
        .isInstanceOf(VerificationFailure.class)
        .hasMessage("the receipt is malformed: it is not JSON");
  }

  @Test
  void parse_shortProofHash_isMalformed() {
    ObjectNode json = json(receipt);
    json.withArray("inclusionProof").set(1, JSON.getNodeFactory().textNode("AAAA"));

    assertThatThrownBy(() -> Receipt.parse(json.toString()))
        .hasMessage("the receipt is malformed: inclusionProof[1] is not base64 of 32 bytes");
  }

  @Test
  void parse_nonCanonicalBase64OfTheSameHash_isMalformed() {
    String canonical = Base64.getEncoder().encodeToString(receipt.leafHash().bytes());
    // The character before '=' carries 4 bits of the hash and 2 padding bits, here set.
    char last = canonical.charAt(42);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    String sameBytes =
        canonical.substring(0, 42) + alphabet.charAt(alphabet.indexOf(last) | 0b11) + "=";
    ObjectNode json = json(receipt);
    json.put("leafHash", sameBytes);

    assertThat(Base64.getDecoder().decode(sameBytes)).isEqualTo(receipt.leafHash().bytes());
    assertThatThrownBy(() -> Receipt.parse(json.toString()))
        .hasMessage("the receipt is malformed: leafHash is not base64 of 32 bytes");
  }

  @Test
  void parse_fractionalIndex_isMalformed() {
    ObjectNode json = json(receipt);
    json.put("leafIndex", 4.5);

    assertThatThrownBy(() -> Receipt.parse(json.toString()))
        .hasMessage("the receipt is malformed: leafIndex is not a non-negative integer");
  }

  @Test
  void parse_negativeTreeSize_isMalformed() {
    ObjectNode json = json(receipt);
    json.put("treeSize", -3);

    assertThatThrownBy(() -> Receipt.parse(json.toString()))
        .hasMessage("the receipt is malformed: treeSize is not a non-negative integer");
  }

  @Test
  void parse_missingCheckpoint_isMalformed() {
    ObjectNode json = json(receipt);
    json.remove("checkpoint");

    assertThatThrownBy(() -> Receipt.parse(json.toString()))
        .hasMessage("the receipt is malformed: checkpoint is not a string");
  }

  @Test
  void parse_neverEchoesTheContent() {
    String secretish = "{\"leafIndex\":\"tok_s3cr3t\"}";
    assertThatThrownBy(() -> Receipt.parse(secretish)).message().doesNotContain("s3cr3t");
  }
}
