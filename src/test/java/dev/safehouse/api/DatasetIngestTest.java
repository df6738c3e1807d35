package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.safehouse.cli.demo.SyntheticCreditData;
import dev.safehouse.cli.provider.ApiClient;
import dev.safehouse.cli.provider.AttestCommand;
import dev.safehouse.common.Role;
import dev.safehouse.crypto.Measurement;
import dev.safehouse.crypto.Signer;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.policy.PolicyBundle;
import dev.safehouse.testing.Poll;
import dev.safehouse.testing.TestDatasets;
import dev.safehouse.testing.TestSuite;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider's dataset through the real path: steward registers the provider's key, the provider
 * encrypts to the enclave's key and uploads in chunks, the host stores ciphertext and feeds it to
 * the enclave, which loads it; after an enclave restart the tables come back by themselves.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetIngestTest {
  /**
   * The key of {@link TestDatasets#PROVIDER}, which supplies the three sources (a dataset belongs
   * to the provider that first uploads it).
   */
  private static final Signer PROVIDER_KEY = TestSuite.current().newSigner();

  private static final String MARKER = "4242424.42"; // a planted registered_capital value
  private static final int ENTITIES = 150;

  @TestHTTPResource("/")
  URI server;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @TempDir Path dir;

  private static String admin() {
    return TestTokens.valid(Role.ADMIN, "ops");
  }

  private static Map<String, Integer> tables() {
    return given()
        .auth()
        .oauth2(admin())
        .get("/v1/enclave/tables")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getMap("result");
  }

  @Test
  @Order(3)
  void provider_uploadsThreeSources_enclaveLoadsThem_andReloadsAfterARestart() throws Exception {
    Signer provider = PROVIDER_KEY;
    SyntheticCreditData.write(dir.resolve("csv"), ENTITIES, 3);
    for (String dataset : new String[] {"public-credit", "market-credit", "financial-credit"}) {
      byte[] csv = Files.readAllBytes(dir.resolve("csv").resolve(dataset + ".csv"));
      if (dataset.equals("public-credit")) {
        csv = plantMarker(csv);
      }
      int version = TestDatasets.upload(server, dir, provider, dataset, csv, 32 * 1024);
      JsonPath done = TestDatasets.awaitFinal(dataset, version);
      assertThat(done.getString("status")).as(done.getString("rejectReason")).isEqualTo("LOADED");
      assertThat(done.getString("inputRoot")).hasSize(64);
      assertThat(auditedActions(dataset + "#" + version))
          .as("the commit and the enclave's decision are in the audit log")
          .contains("dataset.commit", "dataset.load");
    }
    Map<String, Integer> before = tables();
    assertThat(before).containsEntry("public_credit", ENTITIES);

    long pid = given().auth().oauth2(admin()).get("/v1/enclave/status").jsonPath().getLong("pid");
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    Poll.until(
        Duration.ofSeconds(5),
        "the awaited state",
        () -> given().get("/q/health/ready").statusCode() == 503);
    Poll.until(
        Duration.ofSeconds(30),
        "the awaited state",
        () -> given().get("/q/health/ready").statusCode() == 200);

    assertThat(tables()).isEqualTo(before);
    assertNoPlaintextOnTheHost();
  }

  @Test
  @Order(0)
  void attestation_wrongMeasurementOrPlatformKey_isRefusedByTheCli() {
    ApiClient api = new ApiClient(server, TestTokens.valid(Role.PROVIDER, "p"));
    Verifier platform = TestSuite.platformKey();
    String expected =
        Measurement.of(
                TestSuite.current(),
                System.getProperty("java.class.path"),
                PolicyBundle.hash(Path.of("policies")))
            .value();
    Poll.until(
        Duration.ofSeconds(30),
        "the awaited state",
        () -> given().get("/q/health/ready").statusCode() == 200);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AttestCommand.attest(api, platform, "00".repeat(32), true))
        .hasMessageContaining("wrong measurement");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                AttestCommand.attest(
                    api, TestSuite.current().newSigner().verifier(), expected, true))
        .hasMessageContaining("bad signature");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AttestCommand.attest(api, platform, expected, false))
        .hasMessageContaining("debug enclave");
    given()
        .auth()
        .oauth2(TestTokens.valid(Role.PROVIDER, "p"))
        .get("/v1/enclave/attestation?nonce=xyz")
        .then()
        .statusCode(400)
        .body("type", equalTo("https://safehouse.dev/problems/validation-failed"));
    given().get("/v1/enclave/attestation?nonce=" + "00".repeat(16)).then().statusCode(401);
  }

  @Test
  @Order(1)
  void upload_byAProviderWithoutARegisteredKey_isRejectedAsUnknown() throws Exception {
    SyntheticCreditData.write(dir.resolve("csv"), 20, 4);
    byte[] csv = Files.readAllBytes(dir.resolve("csv/market-credit.csv"));
    int version = // no key registered yet
        TestDatasets.upload(server, dir, PROVIDER_KEY, "market-credit", csv, 32 * 1024);

    JsonPath done = TestDatasets.awaitFinal("market-credit", version);
    assertThat(done.getString("status")).isEqualTo("REJECTED");
    assertThat(done.getString("rejectReason")).contains("unknown provider");
  }

  @Test
  @Order(2)
  void upload_signedWithAnUnregisteredKey_isRejectedAndNothingLoads() throws Exception {
    TestDatasets.registerKey(PROVIDER_KEY);
    SyntheticCreditData.write(dir.resolve("csv"), 20, 5);
    byte[] csv = Files.readAllBytes(dir.resolve("csv/financial-credit.csv"));
    int version =
        TestDatasets.upload(
            server, dir, TestSuite.current().newSigner(), "financial-credit", csv, 32 * 1024);

    JsonPath done = TestDatasets.awaitFinal("financial-credit", version);
    assertThat(done.getString("status")).isEqualTo("REJECTED");
    assertThat(done.getString("rejectReason")).contains("not registered");
    assertThat(tables()).doesNotContainKey("financial_credit");
  }

  private static byte[] plantMarker(byte[] csv) {
    String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
    String[] cells = lines[1].split(",", -1);
    cells[3] = MARKER;
    lines[1] = String.join(",", cells);
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Scans every table the host wrote, and its log, for the planted value. */
  /** The actions logged for a dataset version, read back through the auditor's API. */
  private static List<String> auditedActions(String datasetVersion) {
    String auditor = TestTokens.valid(Role.AUDITOR, "auditor-1");
    List<String> actions = new ArrayList<>();
    Poll.until(
        Duration.ofSeconds(10),
        "the load's audit entry",
        () -> {
          actions.clear();
          long size =
              given()
                  .auth()
                  .oauth2(auditor)
                  .get("/v1/audit/checkpoint")
                  .asString()
                  .lines()
                  .skip(1)
                  .mapToLong(Long::parseLong)
                  .findFirst()
                  .orElse(0);
          for (long start = 0; start < size; start += 1000) {
            for (String entry :
                given()
                    .auth()
                    .oauth2(auditor)
                    .queryParam("start", start)
                    .queryParam("end", start + 1000)
                    .get("/v1/audit/entries")
                    .jsonPath()
                    .getList("entries.entry", String.class)) {
              JsonPath json =
                  new JsonPath(
                      new String(Base64.getDecoder().decode(entry), StandardCharsets.UTF_8));
              if (datasetVersion.equals(json.getString("target.datasetVersion"))) {
                actions.add(json.getString("action"));
              }
            }
          }
          return actions.contains("dataset.load");
        });
    return actions;
  }

  private void assertNoPlaintextOnTheHost() throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM dataset_chunk WHERE position(convert_to('"
                  + MARKER
                  + "', 'UTF8') in data) > 0")) {
        rs.next();
        assertThat(rs.getInt(1)).as("ciphertext chunks").isZero();
      }
      for (String table :
          new String[] {
            "dataset_version", "provider_key", "enclave_keys", "enclave_lifecycle_event"
          }) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + MARKER + "%'")) {
          rs.next();
          assertThat(rs.getInt(1)).as(table).isZero();
        }
      }
    }
    String log = Files.readString(Path.of("target/quarkus-test.log"));
    assertThat(log).as("the scanned log is the live one").contains("initialised");
    assertThat(log).doesNotContain(MARKER);
  }
}
