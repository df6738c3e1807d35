package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.SignedCheckpoint;
import dev.safehouse.cli.SafehouseCli;
import dev.safehouse.common.Role;
import dev.safehouse.crypto.Measurement;
import dev.safehouse.policy.PolicyBundle;
import dev.safehouse.service.AuditLog;
import dev.safehouse.service.EnclaveService;
import dev.safehouse.testing.Poll;
import dev.safehouse.testing.TestSuite;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The auditor's CLI ({@code safehouse audit verify}) against the real service: it verifies an
 * honest log, names the first entry a superuser edited in PostgreSQL, and — as a monitor — reports
 * a forged truncation as a failed consistency proof.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditVerifierTest {
  @TestHTTPResource URI server;

  @Inject AuditLog log;
  @Inject EnclaveService enclave;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  @BeforeEach
  void someEntries() {
    Poll.until(
        Duration.ofSeconds(30),
        "the audit log",
        () ->
            log.logKey().isPresent()
                && given().auth().oauth2(admin()).get("/v1/audit/checkpoint").statusCode() == 200);
    for (int i = 0; i < 5; i++) {
      given().auth().oauth2(admin()).get("/v1/enclave/tables").then().statusCode(200);
    }
  }

  /** The size of the latest checkpoint, whose signature is checked on the way. */
  private long treeSize() {
    String note =
        given()
            .auth()
            .oauth2(admin())
            .get("/v1/audit/checkpoint")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return SignedCheckpoint.parse(note, log.origin(), log.logKey().orElseThrow()).size();
  }

  private static String admin() {
    return TestTokens.valid(Role.ADMIN, "admin-1");
  }

  private Run audit(String command, Path state, String... more) throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, TestTokens.valid(Role.AUDITOR, "auditor-1"));
    Path platform = dir.resolve("platform.pub");
    Files.writeString(platform, System.getProperty(TestTokens.PLATFORM_KEY_PROPERTY));
    String measurement =
        Measurement.of(
                TestSuite.current(),
                System.getProperty("java.class.path"),
                PolicyBundle.hash(Path.of("policies")))
            .value();
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                command,
                "--server",
                server.toString(),
                "--token-file",
                token.toString(),
                "--measurement",
                measurement,
                "--platform-key",
                platform.toString(),
                "--allow-debug"));
    if (state != null) {
      args.addAll(List.of("--state", state.toString()));
    }
    args.addAll(List.of(more));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        SafehouseCli.run(
            new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    return new Run(status, out.toString(), err.toString());
  }

  private Connection superuser() throws SQLException {
    Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
    try (Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica"); // the append-only triggers stay silent
    }
    return c;
  }

  @Test
  @Order(1)
  void honestLog_verifiesInFull_andReceiptsVerifyOffline() throws Exception {
    Run run = audit("verify", dir.resolve("state.json"), "--full");
    assertThat(run.status()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("attestation verified").contains("matches");

    String body =
        given()
            .auth()
            .oauth2(admin())
            .get("/v1/enclave/tables")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String receipt = new ObjectMapper().readTree(body).get("receipt").toString();
    Path file = dir.resolve("receipt.json");
    Files.writeString(file, receipt);
    Run offline = audit("verify-receipt", null, "--receipt", file.toString());
    assertThat(offline.status()).as(offline.out() + offline.err()).isZero();
  }

  @Test
  @Order(2)
  void entryEditedInPostgres_isReportedAtItsIndex() throws Exception {
    long size = treeSize();
    long victim = size - 3;
    byte[] original;
    try (Connection c = superuser();
        PreparedStatement read =
            c.prepareStatement("SELECT entry FROM audit_leaf WHERE leaf_index = ?");
        PreparedStatement write =
            c.prepareStatement("UPDATE audit_leaf SET entry = ? WHERE leaf_index = ?")) {
      read.setLong(1, victim);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        original = rs.getBytes(1);
      }
      write.setBytes(
          1,
          new String(original, StandardCharsets.UTF_8)
              .replace("admin-1", "nobody")
              .getBytes(StandardCharsets.UTF_8));
      write.setLong(2, victim);
      assertThat(write.executeUpdate()).isEqualTo(1);
      try {
        Run run = audit("verify", dir.resolve("fresh.json"), "--full");
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out() + run.err()).contains("entry " + victim + " does not match");
        assertThat(Files.exists(dir.resolve("fresh.json")))
            .as("no state after a failure")
            .isFalse();
      } finally {
        write.setBytes(1, original);
        write.setLong(2, victim);
        write.executeUpdate();
      }
    }
  }

  @Test
  @Order(3)
  void forgedTruncation_failsTheMonitorsConsistencyCheck() throws Exception {
    Path state = dir.resolve("monitor.json");
    Run first = audit("verify", state);
    assertThat(first.status()).as(first.out() + first.err()).isZero();
    long seen = treeSize();

    // A compromised host cuts the last entries, restarts the enclave so it resumes from the cut,
    // and carries on: the log grows again, past where the monitor saw it, with other entries.
    long cut = seen - 2;
    try (Connection c = superuser();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM audit_leaf WHERE leaf_index >= " + cut);
      s.execute("DELETE FROM audit_node WHERE (node_index + 1) * (1::bigint << level) > " + cut);
      s.execute("DELETE FROM audit_checkpoint WHERE tree_size > " + cut);
    }
    long generation = enclave.generation();
    ProcessHandle.of(enclave.pid().orElseThrow()).orElseThrow().destroyForcibly();
    Poll.until(
        Duration.ofSeconds(60),
        "a new enclave",
        () ->
            enclave.generation() > generation
                && given().auth().oauth2(admin()).get("/v1/enclave/tables").statusCode() == 200);
    for (int i = 0; i < 6; i++) {
      given().auth().oauth2(admin()).get("/v1/enclave/tables").then().statusCode(200);
    }

    Run again = audit("verify", state);
    assertThat(again.status()).as(again.out() + again.err()).isEqualTo(1);
    assertThat(again.out() + again.err()).containsAnyOf("does not verify", "shrank", "fork");
  }
}
