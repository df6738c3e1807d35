package dev.safehouse.api;

import static io.restassured.RestAssured.given;

import dev.safehouse.cli.demo.SyntheticCreditData;
import dev.safehouse.common.Role;
import dev.safehouse.crypto.Signer;
import dev.safehouse.enclave.store.ColumnDef;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.testing.TestDatasets;
import dev.safehouse.testing.TestSuite;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run by {@code bench/run-query.sh}; its name keeps it out of {@code mvn
 * verify}): a research query joining the three sources over {@code bench.enterprises} enterprises,
 * grouped by industry × region with four aggregates, through the whole path — HTTP with a JWT,
 * policy check, enclave re-check, generated SQL with clamping, cell sizes and dominance inputs,
 * output checks, differencing guard, enclave signature and durable audit entry — beside the same
 * SQL on plaintext DuckDB in this JVM, measured in the same run.
 */
@QuarkusTest
class QueryBench {
  private static final String SQL =
      "SELECT industry, region_code, count(*) AS n, SUM(registered_capital) AS capital,"
          + " AVG(outstanding_balance) AS balance, AVG(on_time_payment_rate) AS on_time"
          + " FROM fused GROUP BY industry, region_code";

  @TestHTTPResource("/")
  URI server;

  @Test
  void run() throws Exception {
    int enterprises = Integer.getInteger("bench.enterprises", 1_000_000);
    int rounds = Integer.getInteger("bench.rounds", 15);
    int warmup = Integer.getInteger("bench.warmup", 5);
    Path dir = Files.createTempDirectory("query-bench");
    SyntheticCreditData.write(dir, enterprises, 11);
    Signer key = TestSuite.current().newSigner();
    TestDatasets.registerKey(key);
    for (String dataset : new String[] {"public-credit", "market-credit", "financial-credit"}) {
      TestDatasets.load(
          server, dir, key, dataset, Files.readAllBytes(dir.resolve(dataset + ".csv")), 8 << 20);
    }
    String researcher = TestTokens.withOrganisation(Role.RESEARCHER, "bench", "pku");
    String steward = TestTokens.valid(Role.STEWARD, "stella");
    String project =
        given()
            .auth()
            .oauth2(researcher)
            .contentType("application/json")
            .body(
                "{\"title\":\"bench\",\"purpose\":\"benchmark\",\"template\":\"exploratory\","
                    + "\"datasets\":[\"public-credit\",\"market-credit\",\"financial-credit\"]}")
            .post("/v1/projects")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    decide(steward, "/v1/projects/" + project);
    String query =
        given()
            .auth()
            .oauth2(researcher)
            .contentType("application/json")
            .body(Map.of("sql", SQL))
            .post("/v1/projects/" + project + "/queries")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    decide(steward, "/v1/queries/" + query);

    try (Connection plain = plaintext(dir)) {
      List<Double> whole = new ArrayList<>();
      List<Double> baseline = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < warmup + rounds; i++) {
        double w = timeRun(researcher, query);
        double b = timePlain(plain);
        if (i >= warmup) {
          whole.add(w);
          baseline.add(b);
          ratios.add(w / b);
        }
      }
      print("%d enterprises, %d rounds after %d warm-up rounds", enterprises, rounds, warmup);
      print("plaintext DuckDB, same SQL, same JVM: %s", stats(baseline));
      print("whole path over HTTP (policy, enclave, checks, signature, audit): %s", stats(whole));
      print(
          "ratio of the medians, whole path / plaintext: %.2fx", median(whole) / median(baseline));
      print(
          "median of the per-round ratios (each round runs both, back to back): %.2fx"
              + " (target <= 1.3x)",
          median(ratios));
    }
  }

  private static void decide(String steward, String path) {
    given()
        .auth()
        .oauth2(steward)
        .contentType("application/json")
        .body("{\"outcome\":\"approve\",\"reason\":\"benchmark\"}")
        .post(path + "/decision")
        .then()
        .statusCode(200);
  }

  private static double timeRun(String researcher, String query) {
    long start = System.nanoTime();
    given()
        .auth()
        .oauth2(researcher)
        .contentType("application/json")
        .body("{\"parameters\":{}}")
        .post("/v1/queries/" + query + "/runs")
        .then()
        .statusCode(200);
    return (System.nanoTime() - start) / 1e6;
  }

  private static double timePlain(Connection plain) throws Exception {
    long start = System.nanoTime();
    try (Statement s = plain.createStatement();
        ResultSet rs = s.executeQuery(SQL)) {
      while (rs.next()) {
        rs.getObject(3);
      }
    }
    return (System.nanoTime() - start) / 1e6;
  }

  /**
   * The same CSVs in a plaintext in-memory DuckDB, with the column types the enclave gives them (a
   * region code is text, not a number), joined into the same {@code fused} view.
   */
  private static Connection plaintext(Path dir) throws Exception {
    Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    try (Statement s = c.createStatement()) {
      for (DatasetSchema schema : DatasetSchemas.load(Path.of("policies")).all()) {
        String columns =
            schema.columns().stream()
                .map(
                    column ->
                        "'" + column.name() + "': '" + ColumnDef.SqlType.of(column.type()) + "'")
                .collect(Collectors.joining(", "));
        s.execute(
            "CREATE TABLE "
                + schema.tableName()
                + " AS SELECT * FROM read_csv('"
                + dir.resolve(schema.id() + ".csv")
                + "', header = true, columns = {"
                + columns
                + "})");
      }
      s.execute(
          "CREATE VIEW fused AS SELECT b.*, t0.* EXCLUDE (uscc), t1.* EXCLUDE (uscc)"
              + " FROM public_credit b LEFT JOIN market_credit t0 USING (uscc)"
              + " LEFT JOIN financial_credit t1 USING (uscc)");
    }
    return c;
  }

  private static String stats(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(
        Locale.ROOT,
        "median %.1f ms (min %.1f, max %.1f)",
        median(millis),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static void print(String format, Object... args) {
    System.out.println("[query-bench] " + String.format(Locale.ROOT, format, args));
  }
}
