package dev.safehouse.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.ConsistencyProof;
import dev.safehouse.audit.ProofException;
import dev.safehouse.crypto.CryptoSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The parsing half of {@link AuditApi}: the documented JSON answers, and what is refused. */
class AuditApiTest {
  static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parseEntries_page_readsIndicesBytesAndNext() throws Exception {
    EntryPage page =
        AuditApi.parseEntries(
            json(
                "{\"treeSize\":5,\"entries\":[{\"index\":2,\"entry\":\""
                    + b64("{\"a\":1}")
                    + "\"},{\"index\":3,\"entry\":\""
                    + b64("{\"a\":2}")
                    + "\"}],\"next\":4}"));

    assertThat(page.treeSize()).isEqualTo(5);
    assertThat(page.next()).isEqualTo(OptionalLong.of(4));
    assertThat(page.entries()).extracting(LogEntry::index).containsExactly(2L, 3L);
    assertThat(new String(page.entries().get(1).bytes(), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":2}");
  }

  @Test
  void parseEntries_lastPage_hasNoNext() throws Exception {
    assertThat(AuditApi.parseEntries(json("{\"treeSize\":0,\"entries\":[],\"next\":null}")).next())
        .isEmpty();
  }

  @Test
  void parseEntries_entryNotBase64_isAServerError() {
    assertThatThrownBy(
            () ->
                AuditApi.parseEntries(
                    json("{\"treeSize\":1,\"entries\":[{\"index\":0,\"entry\":\"*\"}]}")))
        .isInstanceOf(IOException.class)
        .hasMessage("the server sent an entry that is not base64");
  }

  @Test
  void parseEntries_notAPage_isAServerError() {
    assertThatThrownBy(() -> AuditApi.parseEntries(json("{\"type\":\"about:blank\"}")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void parseConsistency_realProof_roundTrips() throws Exception {
    TestLog log = TestLog.of(CryptoSuite.INTL.newSigner(), 51, 21);
    ConsistencyProof proof = log.consistency(6, 21);
    StringBuilder hashes = new StringBuilder();
    proof
        .path()
        .forEach(
            h ->
                hashes
                    .append(hashes.length() == 0 ? "\"" : ",\"")
                    .append(Base64.getEncoder().encodeToString(h.bytes()))
                    .append('"'));

    ConsistencyProof parsed =
        AuditApi.parseConsistency(
            json("{\"first\":6,\"second\":21,\"proof\":[" + hashes + "]}"), 6, 21);

    assertThat(parsed).isEqualTo(proof);
    parsed.verify(log.root(6), log.root(21));
  }

  @Test
  void parseConsistency_proofForOtherSizes_isRefused() {
    assertThatThrownBy(
            () ->
                AuditApi.parseConsistency(json("{\"first\":5,\"second\":21,\"proof\":[]}"), 6, 21))
        .isInstanceOf(ProofException.class)
        .hasMessage("the server answered a proof for other sizes than 6 to 21");
  }

  @Test
  void parseConsistency_wrongLength_isRefusedWithTheShapeStep() {
    assertThatThrownBy(
            () ->
                AuditApi.parseConsistency(json("{\"first\":6,\"second\":21,\"proof\":[]}"), 6, 21))
        .isInstanceOf(ProofException.class)
        .hasMessageStartingWith("proof has 0 hashes");
  }
}
