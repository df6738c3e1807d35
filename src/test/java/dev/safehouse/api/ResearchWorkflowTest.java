package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.audit.CanonicalJson;
import dev.safehouse.common.DatasetId;
import dev.safehouse.common.Role;
import dev.safehouse.common.Sha256;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.enclave.protocol.QueryRunRequest;
import dev.safehouse.enclave.protocol.QueryRunResponse;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.QueryPolicies;
import dev.safehouse.service.EnclaveService;
import dev.safehouse.testing.ResearchData;
import dev.safehouse.testing.TestSuite;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The research workflow through the real service and enclave, over hand-built data whose cells are
 * known ({@link ResearchData}): projects and approvals, the policy check with positions, output
 * checks, the differencing guard, the DP budget under concurrency, signatures and receipts.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResearchWorkflowTest {
  private static final String PROBLEMS = "https://safehouse.dev/problems/";
  private static final String ALL = "[\"public-credit\",\"market-credit\",\"financial-credit\"]";
  private static boolean loaded;

  @TestHTTPResource("/")
  URI server;

  @Inject EnclaveService enclave;

  private static String researcher(String name) {
    return TestTokens.withOrganisation(Role.RESEARCHER, name, "pku");
  }

  private static String steward() {
    return TestTokens.valid(Role.STEWARD, "stella");
  }

  private void loadData() throws Exception {
    if (loaded) {
      return;
    }
    ResearchData.load(server);
    loaded = true;
  }

  /** The ε per query the shipped policies give a project of {@code template} over all datasets. */
  private static BigDecimal epsilonPerQuery(String template) {
    Path policies = Path.of("policies");
    QueryPolicies loaded = QueryPolicies.load(policies, DatasetSchemas.load(policies));
    return loaded
        .rulesFor(
            loaded.template(template).orElseThrow(),
            Set.of(
                DatasetId.parse("public-credit"),
                DatasetId.parse("market-credit"),
                DatasetId.parse("financial-credit")))
        .dp()
        .epsilonPerQuery();
  }

  private static String project(String researcher, String template, String budget) {
    return given()
        .auth()
        .oauth2(researcher)
        .contentType("application/json")
        .body(
            "{\"title\":\"SME credit by region\",\"purpose\":\"regional credit study\","
                + "\"template\":\""
                + template
                + "\",\"datasets\":"
                + ALL
                + ",\"requestedBudget\":"
                + budget
                + "}")
        .post("/v1/projects")
        .then()
        .statusCode(201)
        .body("status", equalTo("pending"))
        .extract()
        .path("id");
  }

  private static void decide(String path, String outcome) {
    given()
        .auth()
        .oauth2(steward())
        .contentType("application/json")
        .body("{\"outcome\":\"" + outcome + "\",\"reason\":\"fits the approved purpose\"}")
        .post(path + "/decision")
        .then()
        .statusCode(200);
  }

  private static String approvedProject(String researcher, String template, String budget) {
    String id = project(researcher, template, budget);
    decide("/v1/projects/" + id, "approve");
    return id;
  }

  private static Response submit(String researcher, String projectId, String sql) {
    return given()
        .auth()
        .oauth2(researcher)
        .contentType("application/json")
        .body(Map.of("sql", sql))
        .post("/v1/projects/" + projectId + "/queries");
  }

  private static String approvedQuery(String researcher, String projectId, String sql) {
    JsonPath query = submit(researcher, projectId, sql).then().statusCode(201).extract().jsonPath();
    if (query.getString("status").equals("pending")) {
      decide("/v1/queries/" + query.getString("id"), "approve");
    }
    return query.getString("id");
  }

  private static Response run(String researcher, String queryId, String parametersJson) {
    return given()
        .auth()
        .oauth2(researcher)
        .contentType("application/json")
        .body("{\"parameters\":" + parametersJson + "}")
        .post("/v1/queries/" + queryId + "/runs");
  }

  @Test
  @Order(1)
  void projects_areApprovedByStewards_andVisibleOnlyToTheirResearcher() throws Exception {
    loadData();
    String alice = researcher("alice");
    String id = project(alice, "exploratory", "0");

    given().auth().oauth2(researcher("bob")).get("/v1/projects/" + id).then().statusCode(404);
    given().auth().oauth2(steward()).get("/v1/projects/" + id).then().statusCode(200);
    given()
        .auth()
        .oauth2(alice)
        .contentType("application/json")
        .body("{\"outcome\":\"approve\",\"reason\":\"mine\"}")
        .post("/v1/projects/" + id + "/decision")
        .then()
        .statusCode(403);
    submit(alice, id, "SELECT count(*) FROM fused")
        .then()
        .statusCode(409)
        .body("detail", equalTo("the project is not approved"));
    decide("/v1/projects/" + id, "approve");
    given()
        .auth()
        .oauth2(steward())
        .contentType("application/json")
        .body("{\"outcome\":\"reject\",\"reason\":\"changed my mind\"}")
        .post("/v1/projects/" + id + "/decision")
        .then()
        .statusCode(409);
    given()
        .auth()
        .oauth2(alice)
        .contentType("application/json")
        .body("{\"title\":\"t\",\"purpose\":\"p\",\"template\":\"nope\",\"datasets\":" + ALL + "}")
        .post("/v1/projects")
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEMS + "invalid-request"));
  }

  @Test
  @Order(2)
  void deniedQuery_listsEveryViolationWithItsPosition() throws Exception {
    loadData();
    String alice = researcher("alice");
    String id = approvedProject(alice, "exploratory", "0");
    submit(alice, id, "SELECT uscc, count(*)\nFROM fused GROUP BY uscc HAVING count(*) > 1")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo(PROBLEMS + "query-denied"))
        .body("rules", hasItem("identifier-column"))
        .body("rules", hasItem("having"))
        .body("violations.find { it.rule == 'identifier-column' }.line", equalTo(1))
        .body("violations.find { it.rule == 'identifier-column' }.column", equalTo(8));
  }

  @Test
  @Order(3)
  void run_suppressesSmallAndDominatedCells_andSignsTheResult() throws Exception {
    loadData();
    String alice = researcher("alice");
    String id = approvedProject(alice, "exploratory", "0");
    JsonPath pending =
        submit(
                alice,
                id,
                "SELECT region_code, industry, count(*) AS n, SUM(registered_capital) AS capital"
                    + " FROM fused GROUP BY region_code, industry ORDER BY region_code, industry")
            .then()
            .statusCode(201)
            .body("status", equalTo("pending"))
            .extract()
            .jsonPath();
    String queryId = pending.getString("id");
    run(alice, queryId, "{}").then().statusCode(409);
    given()
        .auth()
        .oauth2(steward())
        .get("/v1/queries?status=pending")
        .then()
        .statusCode(200)
        .body("id", hasItem(queryId));
    decide("/v1/queries/" + queryId, "approve");
    run(researcher("bob"), queryId, "{}").then().statusCode(404);

    String body = run(alice, queryId, "{}").then().statusCode(200).extract().asString();
    JsonPath released = new JsonPath(body);
    List<List<Object>> rows = released.getList("result.result.rows");
    assertThat(rows.stream().map(ResearchWorkflowTest::plain).toList())
        .as(
            "F (9 < k) is withheld, counts are rounded to 5s and sums to 10s (the policy), G's dominated sum is withheld")
        .containsExactly(
            Arrays.asList("110101", "C", "30", "30000"),
            Arrays.asList("110101", "G", "10", null),
            Arrays.asList("310101", "C", "25", "48780"),
            Arrays.asList("440300", "K", "400", "120000"));
    List<Map<String, Object>> report = released.getList("result.result.suppressed");
    assertThat(report)
        .containsExactlyInAnyOrder(
            Map.of("cell", Map.of("region_code", "110101", "industry", "F"), "rule", "k-threshold"),
            Map.of(
                "cell",
                Map.of("region_code", "110101", "industry", "G"),
                "column",
                "capital",
                "rule",
                "dominance"));

    // Jackson, not RestAssured: RestAssured reads JSON numbers as floats, which changes them.
    Object result =
        ((Map<?, ?>) new ObjectMapper().readValue(body, Map.class).get("result")).get("result");
    String statement = released.getString("result.statement");
    JsonPath signed = new JsonPath(statement);
    assertThat(signed.getString("resultHash"))
        .as("the statement binds the released result")
        .isEqualTo(Sha256.hex(CanonicalJson.encode(result)));
    assertThat(signed.getMap("inputRoots")).containsKeys("public-credit", "market-credit");
    long index = released.getLong("receipt.leafIndex");
    JsonPath entry =
        new JsonPath(
            new String(
                Base64.getDecoder()
                    .decode(
                        given()
                            .auth()
                            .oauth2(TestTokens.valid(Role.AUDITOR, "audrey"))
                            .get("/v1/audit/entries?start=" + index + "&end=" + (index + 1))
                            .jsonPath()
                            .getString("entries[0].entry")),
                StandardCharsets.UTF_8));
    assertThat(entry.getString("action")).isEqualTo("research.query.run");
    assertThat(entry.getString("resultHash"))
        .as("the audit entry names the released result and carries the enclave's signature")
        .isEqualTo(signed.getString("resultHash"));
    assertThat(entry.getString("resultSignature"))
        .isEqualTo(released.getString("result.signature"));
    Verifier enclaveKey =
        TestSuite.current()
            .verifierFromText(
                given()
                    .auth()
                    .oauth2(alice)
                    .get("/v1/enclave/attestation?nonce=" + "ab".repeat(16))
                    .jsonPath()
                    .getString("signingKey"));
    byte[] signature = Base64.getDecoder().decode(released.getString("result.signature"));
    enclaveKey.verify(signature, statement.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> plain(List<Object> row) {
    return row.stream()
        .map(
            v ->
                v instanceof Number n
                    ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                    : (String) v)
        .toList();
  }

  @Test
  @Order(4)
  void differencingPair_isRefused() throws Exception {
    loadData();
    String alice = researcher("carol");
    String id = approvedProject(alice, "exploratory", "0");
    String all = approvedQuery(alice, id, "SELECT count(*) FROM fused WHERE region_code = :region");
    String allBut =
        approvedQuery(
            alice,
            id,
            "SELECT count(*) FROM fused WHERE region_code = :region"
                + " AND registered_capital <> "
                + ResearchData.UNIQUE_CAPITAL);
    run(alice, all, "{\"region\":\"310101\"}")
        .then()
        .statusCode(200)
        .body("result.result.rows[0][0]", equalTo(ResearchData.SHANGHAI_C));
    run(alice, allBut, "{\"region\":\"310101\"}")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "release-refused"))
        .body("rules", hasItem("differencing"));
    run(alice, all, "{\"region\":\"110101\"}").then().statusCode(200);
  }

  @Test
  @Order(5)
  void concurrentRuns_neverOverspendTheBudget_andNoiseIsFreshEachRun() throws Exception {
    loadData();
    String dave = researcher("dave");
    BigDecimal perQuery = epsilonPerQuery("dp-open");
    String id = approvedProject(dave, "dp-open", perQuery.multiply(BigDecimal.TEN).toPlainString());
    assertThat(
            given()
                .auth()
                .oauth2(dave)
                .get("/v1/projects/" + id)
                .jsonPath()
                .getDouble("epsilonBudget"))
        .isEqualTo(perQuery.doubleValue() * 10);
    String queryId =
        approvedQuery(
            dave,
            id,
            "SELECT region_code, industry, count(*), SUM(outstanding_balance) FROM fused"
                + " GROUP BY region_code, industry");
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      futures.add(pool.submit(() -> run(dave, queryId, "{}")));
    }
    List<JsonPath> ok = new ArrayList<>();
    int refused = 0;
    for (Future<Response> f : futures) {
      Response r = f.get();
      if (r.statusCode() == 200) {
        ok.add(r.jsonPath());
      } else {
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.jsonPath().getString("type")).isEqualTo(PROBLEMS + "budget-exhausted");
        refused++;
      }
    }
    pool.shutdown();
    assertThat(ok).hasSize(10);
    assertThat(refused).isEqualTo(40);
    assertThat(
            given()
                .auth()
                .oauth2(dave)
                .get("/v1/projects/" + id)
                .jsonPath()
                .getDouble("epsilonSpent"))
        .isEqualTo(perQuery.doubleValue() * 10);
    assertThat(ok.get(0).getDouble("result.epsilonSpent")).isEqualTo(perQuery.doubleValue());
    assertThat(ok.stream().map(r -> r.getList("result.result.rows")).distinct().count())
        .as("every run draws fresh noise")
        .isGreaterThan(1);
  }

  @Test
  @Order(6)
  void wrongRolesAndBadParameters_areRefusedWithoutEchoingValues() throws Exception {
    loadData();
    String erin = researcher("erin");
    String id = approvedProject(erin, "exploratory", "0");
    String queryId =
        approvedQuery(erin, id, "SELECT count(*) FROM fused WHERE year_established >= :since");
    String steward = steward();
    String institution = TestTokens.valid(Role.INSTITUTION, "icbc");
    submit(steward, id, "SELECT count(*) FROM fused").then().statusCode(403);
    submit(institution, id, "SELECT count(*) FROM fused").then().statusCode(403);
    run(steward, queryId, "{\"since\":2000}").then().statusCode(403);
    given().auth().oauth2(institution).get("/v1/projects/" + id).then().statusCode(403);
    given().contentType("application/json").body("{}").post("/v1/projects").then().statusCode(401);

    run(erin, queryId, "{}")
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEMS + "invalid-request"))
        .body("detail", containsString("since"));
    String secret = "two-thousand-and-ten";
    String refused =
        run(erin, queryId, "{\"since\":\"" + secret + "\"}")
            .then()
            .statusCode(400)
            .extract()
            .asString();
    assertThat(refused).contains("since").doesNotContain(secret);
    run(erin, queryId, "{\"since\":2000,\"extra\":1}").then().statusCode(400);
  }

  @Test
  @Order(7)
  void rejectedProject_takesNoQueries() throws Exception {
    loadData();
    String fay = researcher("fay");
    String id = project(fay, "exploratory", "0");
    decide("/v1/projects/" + id, "reject");
    given()
        .auth()
        .oauth2(fay)
        .get("/v1/projects/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("rejected"))
        .body("decisionReason", equalTo("fits the approved purpose"));
    submit(fay, id, "SELECT count(*) FROM fused").then().statusCode(409);
  }

  /**
   * Sends a run straight to the enclave, as a host that skipped its own checks and charge would.
   */
  private QueryRunResponse enclaveRun(String template, String sql) {
    return enclave.call(
        new QueryRunRequest(
            "run-" + template,
            "project-" + template,
            template,
            List.of("public-credit"),
            sql,
            "{}",
            "",
            List.of()),
        QueryRunResponse.class,
        Duration.ofSeconds(30));
  }

  @Test
  @Order(8)
  void enclave_refusesWhatTheHostShouldHaveRefused() throws Exception {
    loadData();
    QueryRunResponse identifier =
        enclaveRun("exploratory", "SELECT uscc, count(*) FROM fused GROUP BY uscc");
    assertThat(identifier.released()).isFalse();
    assertThat(identifier.signature()).isEmpty();
    assertThat(new String(identifier.body(), StandardCharsets.UTF_8))
        .contains("identifier-column")
        .doesNotContain("9111");

    QueryRunResponse unchargedDp = enclaveRun("dp-open", "SELECT count(*) FROM fused");
    assertThat(unchargedDp.released()).isFalse();
    assertThat(new String(unchargedDp.body(), StandardCharsets.UTF_8)).contains("epsilon-mismatch");
  }
}
