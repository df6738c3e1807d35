package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.AuditEntry;
import dev.safehouse.audit.CanonicalJson;
import dev.safehouse.audit.Checkpoint;
import dev.safehouse.audit.ConsistencyProof;
import dev.safehouse.audit.InclusionProof;
import dev.safehouse.audit.LeafHash;
import dev.safehouse.audit.MerkleHasher;
import dev.safehouse.audit.Receipt;
import dev.safehouse.audit.SignedCheckpoint;
import dev.safehouse.common.Role;
import dev.safehouse.common.Sha256;
import dev.safehouse.common.Uscc;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.service.AuditLog;
import dev.safehouse.service.Caller;
import dev.safehouse.service.ReleaseGate;
import dev.safehouse.testing.Poll;
import dev.safehouse.testing.TestSuite;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log end to end: a real enclave signs checkpoints, PostgreSQL stores the tree, and the
 * API's checkpoint, entries and proofs verify against the enclave's attested key.
 */
@QuarkusTest
class AuditLogTest {
  private static final MerkleHasher HASHER = MerkleHasher.forSuite(TestSuite.current());
  private static final Uscc ENTERPRISE = Uscc.withCheckCharacter("91350100M00010047");
  private static final Uscc OTHER = Uscc.withCheckCharacter("91350100M00010055");

  @Inject AuditLog log;
  @Inject ReleaseGate gate;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @BeforeEach
  void logReady() {
    Poll.until(
        Duration.ofSeconds(30),
        "the audit log's first checkpoint",
        () ->
            logKey() != null
                && given().auth().oauth2(admin()).get("/v1/audit/checkpoint").statusCode() == 200);
  }

  private Verifier logKey() {
    return log.logKey().orElse(null);
  }

  /** Reads the table counts: a release through the gate, answered with a receipt. */
  private static JsonPath release() {
    return given()
        .auth()
        .oauth2(admin())
        .get("/v1/enclave/tables")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String admin() {
    return TestTokens.valid(Role.ADMIN, "admin-1");
  }

  private static String auditor() {
    return TestTokens.valid(Role.AUDITOR, "auditor-1");
  }

  private Checkpoint checkpoint() {
    String note =
        given()
            .auth()
            .oauth2(auditor())
            .get("/v1/audit/checkpoint")
            .then()
            .statusCode(200)
            .contentType("text/plain")
            .extract()
            .asString();
    return SignedCheckpoint.parse(note, log.origin(), logKey());
  }

  private static Receipt receipt(JsonPath body) {
    return new Receipt(
        body.getString("receipt.suite"),
        body.getLong("receipt.leafIndex"),
        body.getString("receipt.leafHash"),
        body.getLong("receipt.treeSize"),
        body.getString("receipt.checkpoint"),
        body.getList("receipt.inclusionProof", String.class));
  }

  private void verify(Receipt receipt) {
    assertThat(receipt.suite()).isEqualTo(TestSuite.current().wireName());
    Checkpoint signed = SignedCheckpoint.parse(receipt.checkpoint(), log.origin(), logKey());
    assertThat(signed.size()).isEqualTo(receipt.treeSize());
    InclusionProof.of(
            receipt.leafIndex(),
            receipt.treeSize(),
            receipt.inclusionProof().stream().map(Base64.getDecoder()::decode).toList())
        .verify(
            new LeafHash(Base64.getDecoder().decode(receipt.leafHash())), signed.root(), HASHER);
  }

  private byte[] entry(long index) {
    String b64 =
        given()
            .auth()
            .oauth2(auditor())
            .queryParam("start", index)
            .queryParam("end", index + 1)
            .get("/v1/audit/entries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("entries[0].entry");
    return Base64.getDecoder().decode(b64);
  }

  @Test
  void release_carriesAReceiptWhoseEntryProofAndSignatureVerify() throws Exception {
    JsonPath body = release();
    Receipt receipt = receipt(body);
    verify(receipt);

    byte[] entry = entry(receipt.leafIndex());
    assertThat(HASHER.leaf(entry).bytes())
        .isEqualTo(Base64.getDecoder().decode(receipt.leafHash()));
    Map<?, ?> logged = json.readValue(entry, Map.class);
    assertThat(logged.get("action")).isEqualTo("enclave.tables.read");
    assertThat(((Map<?, ?>) logged.get("actor")).get("subject")).isEqualTo("admin-1");
    Object result = body.getMap("result");
    assertThat(logged.get("resultHash")).isEqualTo(Sha256.hex(CanonicalJson.encode(result)));
    assertThat(new String(entry, StandardCharsets.UTF_8)).isEqualTo(CanonicalJson.toText(logged));
  }

  @Test
  void proofs_fromTheApi_verifyAgainstSignedCheckpoints() {
    Checkpoint before = checkpoint();
    for (int i = 0; i < 3; i++) {
      release();
    }
    Checkpoint after = checkpoint();
    assertThat(after.size()).isGreaterThanOrEqualTo(before.size() + 3);

    JsonPath consistency =
        given()
            .auth()
            .oauth2(TestTokens.valid(Role.RESEARCHER, "r-1"))
            .queryParam("first", before.size())
            .queryParam("second", after.size())
            .get("/v1/audit/proofs/consistency")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    if (before.size() > 0) {
      ConsistencyProof.of(
              before.size(),
              after.size(),
              consistency.getList("proof", String.class).stream()
                  .map(Base64.getDecoder()::decode)
                  .toList())
          .verify(before.root(), after.root(), HASHER);
    }
    long index = after.size() - 1;
    JsonPath inclusion =
        given()
            .auth()
            .oauth2(auditor())
            .queryParam("index", index)
            .queryParam("treeSize", after.size())
            .get("/v1/audit/proofs/inclusion")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    LeafHash leaf = HASHER.leaf(entry(index));
    assertThat(inclusion.getString("leafHash"))
        .isEqualTo(Base64.getEncoder().encodeToString(leaf.bytes()));
    InclusionProof.of(
            index,
            after.size(),
            inclusion.getList("proof", String.class).stream()
                .map(Base64.getDecoder()::decode)
                .toList())
        .verify(leaf, after.root(), HASHER);
  }

  @Test
  void api_refusesWrongRolesAndBadRanges() {
    given().get("/v1/audit/checkpoint").then().statusCode(401);
    given()
        .auth()
        .oauth2(admin())
        .queryParam("start", 0)
        .queryParam("end", 1)
        .get("/v1/audit/entries")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(auditor())
        .queryParam("start", 5)
        .queryParam("end", 2)
        .get("/v1/audit/entries")
        .then()
        .statusCode(400)
        .body("type", equalTo("https://safehouse.dev/problems/invalid-request"));
    given()
        .auth()
        .oauth2(auditor())
        .queryParam("index", 0)
        .queryParam("treeSize", Long.MAX_VALUE)
        .get("/v1/audit/proofs/inclusion")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(auditor())
        .queryParam("first", 0)
        .queryParam("second", 1)
        .get("/v1/audit/proofs/consistency")
        .then()
        .statusCode(400);
    given()
        .auth()
        .oauth2(TestTokens.valid(Role.RESEARCHER, "r-1"))
        .get("/v1/enclave/tables")
        .then()
        .statusCode(403);
  }

  @Test
  void entries_arePagedAndDense() {
    long size = checkpoint().size();
    JsonPath page =
        given()
            .auth()
            .oauth2(auditor())
            .queryParam("start", 0)
            .queryParam("end", size + 10)
            .get("/v1/audit/entries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Long> indices = page.getList("entries.index", Long.class);
    for (int i = 0; i < indices.size(); i++) {
      assertThat(indices.get(i)).isEqualTo(i);
    }
    assertThat(page.getLong("treeSize")).isGreaterThanOrEqualTo(size);
  }

  @Test
  void concurrentReleases_shareGroupCommits_andGetDistinctDenseIndices() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<CompletableFuture<Long>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(
            CompletableFuture.supplyAsync(() -> release().getLong("receipt.leafIndex"), pool));
      }
      Set<Long> indices = new TreeSet<>();
      for (CompletableFuture<Long> call : calls) {
        indices.add(call.get());
      }
      assertThat(indices).hasSize(100);
      assertThat(
              indices.stream().mapToLong(Long::longValue).max().getAsLong()
                  - indices.stream().mapToLong(Long::longValue).min().getAsLong())
          .isLessThan(100 + 50); // dense, bar other tests' entries interleaved
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void auditTables_refuseUpdateAndDelete() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE audit_leaf SET entry = 'x' WHERE leaf_index = 0"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_checkpoint"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_node"))
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void auditWriteFailing_meansA503AndNoResult_thenRecovers() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$"
              + " BEGIN RAISE EXCEPTION 'injected audit failure'; END $$");
      s.execute(
          "CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_leaf"
              + " FOR EACH STATEMENT EXECUTE FUNCTION test_fail_audit()");
      try {
        String body =
            given()
                .auth()
                .oauth2(admin())
                .get("/v1/enclave/tables")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://safehouse.dev/problems/audit-unavailable"))
                .extract()
                .asString();
        assertThat(body).doesNotContain("result").doesNotContain("public_credit");
      } finally {
        s.execute("DROP TRIGGER test_fail_audit ON audit_leaf");
        s.execute("DROP FUNCTION test_fail_audit()");
      }
    }
    JsonPath body = release();
    verify(receipt(body));
    long size = checkpoint().size();
    List<Long> indices =
        given()
            .auth()
            .oauth2(auditor())
            .queryParam("start", 0)
            .queryParam("end", size)
            .get("/v1/audit/entries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("entries.index", Long.class);
    for (int i = 0; i < indices.size(); i++) {
      assertThat(indices.get(i)).as("no gap after the failed append").isEqualTo(i);
    }
  }

  @Test
  void accessHistory_listsOnlyTheCallersOwnEntries() {
    Caller bank =
        new Caller(
            "loan-officer-7", Set.of(Role.INSTITUTION), Optional.of("bank-a"), Optional.empty());
    gate.record(
        new ReleaseGate.Request(
            bank,
            Role.INSTITUTION,
            "score.read",
            Optional.of("pre-loan"),
            new AuditEntry.Target(Optional.empty(), Optional.of(ENTERPRISE), Optional.empty()),
            AuditEntry.Decision.allow("consent")));

    JsonPath mine =
        given()
            .auth()
            .oauth2(TestTokens.subject("ent-1", ENTERPRISE))
            .get("/v1/subjects/me/accesses")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(mine.getList("accesses.organisation")).contains("bank-a");
    assertThat(mine.getList("accesses.purpose")).contains("pre-loan");
    assertThat(mine.getList("accesses.action")).contains("score.read");

    JsonPath theirs =
        given()
            .auth()
            .oauth2(TestTokens.subject("ent-2", OTHER))
            .get("/v1/subjects/me/accesses")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(theirs.getList("accesses")).isEmpty();
    given().auth().oauth2(admin()).get("/v1/subjects/me/accesses").then().statusCode(403);
  }
}
