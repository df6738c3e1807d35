package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.safehouse.common.Role;
import dev.safehouse.common.Uscc;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.testing.ResearchData;
import dev.safehouse.testing.TestSuite;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scores through the real service and enclave over {@link ResearchData}: consent checked per
 * institution, enterprise and purpose; signed results with receipts; mixed batches; quotas; the
 * enterprise's access history.
 */
@QuarkusTest
class ScoreTest {
  private static final String PROBLEMS = "https://safehouse.dev/problems/";
  private static boolean loaded;

  @TestHTTPResource("/")
  URI server;

  @BeforeEach
  void loadData() throws Exception {
    if (loaded) {
      return;
    }
    ResearchData.load(server);
    loaded = true;
  }

  private static String bank(String org) {
    return TestTokens.withOrganisation(Role.INSTITUTION, "officer", org);
  }

  private static String grant(Uscc uscc, String institution, String purposes) {
    return given()
        .auth()
        .oauth2(TestTokens.subject("owner", uscc))
        .contentType("application/json")
        .body(
            "{\"institution\":\""
                + institution
                + "\",\"purposes\":"
                + purposes
                + ",\"validUntil\":\""
                + Instant.now().plus(30, ChronoUnit.DAYS)
                + "\"}")
        .post("/v1/consents")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static io.restassured.response.Response score(
      String token, String uscc, String purpose, String consentId) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(
            "{\"uscc\":\""
                + uscc
                + "\",\"purpose\":\""
                + purpose
                + "\",\"consentId\":"
                + (consentId == null ? "null" : "\"" + consentId + "\"")
                + "}")
        .post("/v1/scores");
  }

  @Test
  void liveConsent_givesASignedScore_andOnlyThatInstitutionAndPurposeMayUseIt() {
    Uscc enterprise = ResearchData.usccs().get(0);
    String consent = grant(enterprise, "abc-bank", "[\"pre-loan\"]");

    String body =
        score(bank("abc-bank"), enterprise.value(), "pre-loan", consent)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonPath released = new JsonPath(body);
    assertThat(released.getInt("result.score")).isBetween(300, 900);
    assertThat(released.getString("result.grade")).isIn("A", "B", "C", "D");
    assertThat(released.getList("result.reasonCodes")).hasSizeLessThanOrEqualTo(4);
    assertThat(released.getString("result.modelVersion")).hasSize(64);
    assertThat(released.getMap("result.sourcesAsOf")).containsKey("public-credit");
    assertThat(released.getLong("receipt.leafIndex")).isNotNegative();
    String statement = released.getString("result.statement");
    assertThat(new JsonPath(statement).getString("consentHash"))
        .isEqualTo(
            given()
                .auth()
                .oauth2(bank("abc-bank"))
                .get("/v1/consents/" + consent)
                .jsonPath()
                .getString("consentHash"));
    Verifier enclaveKey =
        TestSuite.current()
            .verifierFromText(
                given()
                    .auth()
                    .oauth2(bank("abc-bank"))
                    .get("/v1/enclave/attestation?nonce=" + "cd".repeat(16))
                    .jsonPath()
                    .getString("signingKey"));
    enclaveKey.verify(
        Base64.getDecoder().decode(released.getString("result.signature")),
        statement.getBytes(StandardCharsets.UTF_8));

    score(bank("other-bank"), enterprise.value(), "pre-loan", consent)
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "consent-required"));
    score(bank("abc-bank"), enterprise.value(), "in-loan", consent)
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "consent-required"));
    score(bank("abc-bank"), ResearchData.usccs().get(1).value(), "pre-loan", consent)
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.subject("owner", enterprise))
        .delete("/v1/consents/" + consent)
        .then()
        .statusCode(200);
    score(bank("abc-bank"), enterprise.value(), "pre-loan", consent).then().statusCode(403);
    score(TestTokens.valid(Role.RESEARCHER, "r"), enterprise.value(), "pre-loan", consent)
        .then()
        .statusCode(403);

    List<String> actions =
        given()
            .auth()
            .oauth2(TestTokens.subject("owner", enterprise))
            .get("/v1/subjects/me/accesses")
            .jsonPath()
            .getList("accesses.action");
    assertThat(actions).contains("score.release", "consent.grant", "consent.revoke");
  }

  @Test
  void unknownOrInvalidCodes_revealNothingWithoutConsent() {
    Uscc absent = Uscc.withCheckCharacter("91500000MA00000001".substring(0, 17));
    score(bank("cd-bank"), absent.value(), "pre-loan", "00000000-0000-0000-0000-000000000000")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "consent-required"));
    score(bank("cd-bank"), "not-a-code", "pre-loan", null)
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEMS + "invalid-request"));
    String consent = grant(absent, "cd-bank", "[\"post-loan\"]");
    score(bank("cd-bank"), absent.value(), "post-loan", consent)
        .then()
        .statusCode(404)
        .body("type", equalTo(PROBLEMS + "not-found"));
  }

  @Test
  void batch_answersEachItemOnItsOwn() {
    Uscc scored = ResearchData.usccs().get(2);
    Uscc unconsented = ResearchData.usccs().get(3);
    String consent = grant(scored, "ef-bank", "[\"in-loan\"]");
    String item = "{\"uscc\":\"%s\",\"purpose\":\"in-loan\",\"consentId\":%s}";
    String body =
        "{\"items\":["
            + String.format(item, scored.value(), "\"" + consent + "\"")
            + ","
            + String.format(item, unconsented.value(), "\"" + consent + "\"")
            + ","
            + String.format(item, "91XX", "null")
            + "]}";
    JsonPath batch =
        given()
            .auth()
            .oauth2(bank("ef-bank"))
            .contentType("application/json")
            .body(body)
            .post("/v1/scores/batch")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(batch.getList("items.status", Integer.class)).containsExactly(200, 403, 400);
    assertThat(batch.getString("items[0].score.uscc")).isEqualTo(scored.value());
    assertThat(batch.getString("items[1].problem")).isEqualTo(PROBLEMS + "consent-required");
    assertThat(batch.getString("items[1].score")).isNull();

    String batchId = batch.getString("id");
    String scoreId = batch.getString("items[0].score.id");
    given()
        .auth()
        .oauth2(bank("ef-bank"))
        .get("/v1/scores/batches/" + batchId)
        .then()
        .statusCode(200)
        .body("items[0].score.id", equalTo(scoreId));
    given()
        .auth()
        .oauth2(bank("ef-bank"))
        .get("/v1/scores/" + scoreId)
        .then()
        .statusCode(200)
        .body("result.uscc", equalTo(scored.value()))
        .body("receipt.leafIndex", org.hamcrest.Matchers.notNullValue());
    given().auth().oauth2(bank("xy-bank")).get("/v1/scores/" + scoreId).then().statusCode(404);
    given()
        .auth()
        .oauth2(bank("xy-bank"))
        .get("/v1/scores/batches/" + batchId)
        .then()
        .statusCode(404);
    given().auth().oauth2(bank("xy-bank")).get("/v1/consents/" + consent).then().statusCode(404);
  }

  @Test
  void quota_perEnterprisePerDay_answers429WithRetryAfter() {
    Uscc enterprise = ResearchData.usccs().get(4);
    String consent = grant(enterprise, "gh-bank", "[\"pre-loan\"]");
    for (int i = 0; i < 3; i++) {
      score(bank("gh-bank"), enterprise.value(), "pre-loan", consent).then().statusCode(200);
    }
    score(bank("gh-bank"), enterprise.value(), "pre-loan", consent)
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue())
        .body("type", equalTo(PROBLEMS + "quota-exceeded"));
    given()
        .auth()
        .oauth2(TestTokens.subject("owner", enterprise))
        .get("/v1/subjects/me/accesses")
        .then()
        .body("accesses.decision", hasItem("deny"));
  }
}
