package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.Role;
import dev.safehouse.storage.ResearchStore;
import dev.safehouse.testing.Poll;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/projects/{id}/runs}: a project's runs and the ε each charged, newest first; its
 * researcher, stewards and auditors may read them, another researcher gets 404. The runs are
 * charged through the store, as a run does before the enclave answers, so no data need be loaded.
 */
@QuarkusTest
class ProjectRunsTest {
  private static final String ALL = "[\"public-credit\",\"market-credit\",\"financial-credit\"]";
  private static final BigDecimal HALF = new BigDecimal("0.5");

  @Inject ResearchStore store;

  /** Projects are audited, and the audit log needs the enclave: wait until it is initialised. */
  @BeforeEach
  void serviceReady() {
    Poll.until(
        Duration.ofSeconds(60),
        "the service to be ready",
        () -> given().get("/q/health/ready").statusCode() == 200);
  }

  private static String researcher(String name) {
    return TestTokens.withOrganisation(Role.RESEARCHER, name, "pku");
  }

  private static String approvedDpProject(String researcher) {
    String id =
        given()
            .auth()
            .oauth2(researcher)
            .contentType("application/json")
            .body(
                "{\"title\":\"Runs\",\"purpose\":\"budget chart\",\"template\":\"dp-open\","
                    + "\"datasets\":"
                    + ALL
                    + ",\"requestedBudget\":2}")
            .post("/v1/projects")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .auth()
        .oauth2(TestTokens.valid(Role.STEWARD, "stella"))
        .contentType("application/json")
        .body("{\"outcome\":\"approve\",\"reason\":\"fits\"}")
        .post("/v1/projects/" + id + "/decision")
        .then()
        .statusCode(200);
    return id;
  }

  private static String query(String researcher, String projectId) {
    return given()
        .auth()
        .oauth2(researcher)
        .contentType("application/json")
        .body(Map.of("sql", "SELECT industry, count(*) AS n FROM fused GROUP BY industry"))
        .post("/v1/projects/" + projectId + "/queries")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static io.restassured.response.ValidatableResponse runs(
      String token, String projectId, String query) {
    return given().auth().oauth2(token).get("/v1/projects/" + projectId + "/runs" + query).then();
  }

  @Test
  void runs_areListedNewestFirst_withTheirCharges_forThoseWhoMaySeeTheProject() throws Exception {
    String rita = researcher("rita-" + UUID.randomUUID());
    String projectId = approvedDpProject(rita);
    runs(rita, projectId, "").statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
    UUID project = UUID.fromString(projectId);
    UUID queryId = UUID.fromString(query(rita, projectId));
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    // PostgreSQL keeps microseconds (rounding the rest), so the charge times are whole
    // microseconds.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    assertThat(store.charge(project, first, queryId, "{}", HALF, now)).isPresent();
    store.finishRun(first, "released", Optional.of("00".repeat(32)));
    assertThat(store.charge(project, second, queryId, "{}", HALF, now.plusSeconds(1))).isPresent();

    JsonPath list = runs(rita, projectId, "").statusCode(200).extract().jsonPath();
    assertThat(list.getList("id")).containsExactly(second.toString(), first.toString());
    assertThat(list.getList("queryId")).containsOnly(queryId.toString());
    assertThat(list.getList("status")).containsExactly("charged", "released");
    assertThat(list.getList("epsilon", Float.class)).containsExactly(0.5f, 0.5f);
    assertThat(list.getList("createdAt", String.class))
        .allSatisfy(t -> assertThat(Instant.parse(t)).isBeforeOrEqualTo(now.plusSeconds(1)));
    assertThat(list.getMap("[0]").keySet())
        .containsExactlyInAnyOrder("id", "queryId", "status", "epsilon", "createdAt");

    JsonPath project1 = given().auth().oauth2(rita).get("/v1/projects/" + projectId).jsonPath();
    assertThat(project1.getDouble("epsilonSpent")).isEqualTo(1.0);
    assertThat(Instant.parse(project1.getString("periodStart")))
        .as("the runs fall in the current budget period")
        .isBeforeOrEqualTo(Instant.parse(list.getString("[1].createdAt")));

    runs(rita, projectId, "?limit=1")
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.contains(second.toString()));
    runs(rita, projectId, "?limit=1001").statusCode(400);
    runs(rita, projectId, "?limit=0").statusCode(400);
    runs(TestTokens.valid(Role.STEWARD, "stella"), projectId, "").statusCode(200);
    runs(TestTokens.valid(Role.AUDITOR, "audrey"), projectId, "").statusCode(200);
  }

  @Test
  void anotherResearchersProject_orNoProject_is404_andOtherRolesAre403() {
    String owner = researcher("owner-" + UUID.randomUUID());
    String projectId = approvedDpProject(owner);
    runs(researcher("mallory"), projectId, "").statusCode(404);
    runs(owner, UUID.randomUUID().toString(), "").statusCode(404);
    for (Role role : List.of(Role.INSTITUTION, Role.PROVIDER, Role.ADMIN)) {
      runs(TestTokens.withOrganisation(role, "someone", "abc-bank"), projectId, "").statusCode(403);
    }
    runs("not-a-token", projectId, "").statusCode(401);
  }
}
