package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.Role;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.common.Uscc;
import dev.safehouse.service.Caller;
import dev.safehouse.service.Consent;
import dev.safehouse.service.Consents;
import dev.safehouse.testing.Poll;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Consents through the service: grant, list, read, revoke, who may see what (404 for everyone
 * else), the enterprise always from the token, and {@link Consents#requireLive} refusing every
 * consent that does not cover a score with 403 {@code consent-required}.
 */
@QuarkusTest
class ConsentTest {
  private static final String PROBLEMS = "https://safehouse.dev/problems/";
  private static final Uscc ACME = Uscc.withCheckCharacter("91110108MA0000001");
  private static final Uscc GLOBEX = Uscc.withCheckCharacter("91110108MA0000002");

  @Inject Consents consents;

  /** Grants are audited first, and the audit log signs once the enclave has started. */
  @BeforeEach
  void auditLogReady() {
    Poll.until(
        Duration.ofSeconds(30),
        "the audit log's first checkpoint",
        () ->
            given()
                    .auth()
                    .oauth2(TestTokens.valid(Role.AUDITOR, "audrey"))
                    .get("/v1/audit/checkpoint")
                    .statusCode()
                == 200);
  }

  private static String acme() {
    return TestTokens.subject("acme-cfo", ACME);
  }

  private static String globex() {
    return TestTokens.subject("globex-cfo", GLOBEX);
  }

  private static String bank(String org) {
    return TestTokens.withOrganisation(Role.INSTITUTION, "ivan", org);
  }

  private static Caller bankCaller(String org) {
    return new Caller("ivan", Set.of(Role.INSTITUTION), Optional.of(org), Optional.empty());
  }

  private static String body(String institution, String purposes, Instant validUntil) {
    return "{\"institution\":\""
        + institution
        + "\",\"purposes\":"
        + purposes
        + ",\"validUntil\":\""
        + validUntil
        + "\"}";
  }

  private static Instant inDays(long days) {
    return Instant.now().plus(Duration.ofDays(days));
  }

  private static JsonPath grant(String token, String body) {
    return given()
        .auth()
        .oauth2(token)
        .contentType("application/json")
        .body(body)
        .post("/v1/consents")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static UUID grantPreLoan(String institution) {
    return UUID.fromString(
        grant(acme(), body(institution, "[\"pre-loan\"]", inDays(30))).getString("id"));
  }

  @Test
  void grant_returnsTheConsentFromTheTokensEnterprise() {
    Instant until = inDays(400);
    JsonPath consent =
        grant(acme(), body("bank-one", "[\"pre-loan\",\"in-loan\",\"pre-loan\"]", until));
    assertThat(consent.getString("uscc")).isEqualTo(ACME.value());
    assertThat(consent.getString("institution")).isEqualTo("bank-one");
    assertThat(consent.getList("purposes")).containsExactly("in-loan", "pre-loan");
    assertThat(Instant.parse(consent.getString("validUntil")))
        .isEqualTo(until.truncatedTo(ChronoUnit.MICROS));
    assertThat(consent.getString("status")).isEqualTo("live");
    assertThat(consent.getString("grantedAt")).isNotNull();
    assertThat(consent.getString("revokedAt")).isNull();
    assertThat(consent.getString("consentHash")).matches("[0-9a-f]{64}");
  }

  @Test
  void grant_bodyNamingAUscc_isRefused() {
    given()
        .auth()
        .oauth2(acme())
        .contentType("application/json")
        .body(
            "{\"institution\":\"bank-one\",\"purposes\":[\"pre-loan\"],\"validUntil\":\""
                + inDays(10)
                + "\",\"uscc\":\""
                + GLOBEX.value()
                + "\"}")
        .post("/v1/consents")
        .then()
        .statusCode(400)
        .body("type", equalTo(PROBLEMS + "invalid-request"));
    given()
        .auth()
        .oauth2(globex())
        .get("/v1/consents")
        .then()
        .statusCode(200)
        .body("institution", not(hasItem("bank-one")));
  }

  @Test
  void grant_unacceptableTerms_400WithoutEchoingThem() {
    String[][] cases = {
      {body("Bank One", "[\"pre-loan\"]", inDays(10)), "not a valid institution id"},
      {body("bank-one", "[]", inDays(10)), "purposes must name at least one purpose"},
      {body("bank-one", "[\"marketing\"]", inDays(10)), "purposes may only contain"},
      {body("bank-one", "[\"pre-loan\"]", inDays(-1)), "validUntil must be in the future"},
      {body("bank-one", "[\"pre-loan\"]", inDays(3 * 366 + 1)), "at most 3 years"},
      {"{\"institution\":\"bank-one\",\"purposes\":[\"pre-loan\"]}", "validUntil is required"},
    };
    for (String[] c : cases) {
      String detail =
          given()
              .auth()
              .oauth2(acme())
              .contentType("application/json")
              .body(c[0])
              .post("/v1/consents")
              .then()
              .statusCode(400)
              .body("type", equalTo(PROBLEMS + "invalid-request"))
              .extract()
              .path("detail");
      assertThat(detail).contains(c[1]).doesNotContain("Bank One").doesNotContain("marketing");
    }
  }

  @Test
  void wrongRole_403() {
    String grant = body("bank-one", "[\"pre-loan\"]", inDays(10));
    given()
        .auth()
        .oauth2(bank("bank-one"))
        .contentType("application/json")
        .body(grant)
        .post("/v1/consents")
        .then()
        .statusCode(403)
        .body("type", equalTo(PROBLEMS + "forbidden"));
    UUID id = grantPreLoan("bank-one");
    given().auth().oauth2(bank("bank-one")).delete("/v1/consents/" + id).then().statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.valid(Role.RESEARCHER, "rita"))
        .get("/v1/consents")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.valid(Role.ADMIN, "ops"))
        .get("/v1/consents/" + id)
        .then()
        .statusCode(403);
    given().get("/v1/consents").then().statusCode(401);
  }

  @Test
  void listAndRead_onlyTheEnterpriseAndItsInstitution() {
    UUID id = grantPreLoan("bank-list");
    given()
        .auth()
        .oauth2(acme())
        .get("/v1/consents")
        .then()
        .statusCode(200)
        .body("id", hasItem(id.toString()));
    given()
        .auth()
        .oauth2(bank("bank-list"))
        .get("/v1/consents")
        .then()
        .statusCode(200)
        .body("id", hasItem(id.toString()))
        .body("uscc", hasItem(ACME.value()));
    given()
        .auth()
        .oauth2(globex())
        .get("/v1/consents")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(id.toString())));
    given()
        .auth()
        .oauth2(bank("bank-other"))
        .get("/v1/consents")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(id.toString())));

    for (String reader : new String[] {acme(), bank("bank-list")}) {
      given()
          .auth()
          .oauth2(reader)
          .get("/v1/consents/" + id)
          .then()
          .statusCode(200)
          .body("status", equalTo("live"));
    }
    for (String stranger : new String[] {globex(), bank("bank-other")}) {
      given()
          .auth()
          .oauth2(stranger)
          .get("/v1/consents/" + id)
          .then()
          .statusCode(404)
          .body("type", equalTo(PROBLEMS + "not-found"));
    }
    given().auth().oauth2(acme()).get("/v1/consents/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void revoke_ownOnly_idempotent_andAudited() {
    UUID id = grantPreLoan("bank-revoke");
    given()
        .auth()
        .oauth2(globex())
        .delete("/v1/consents/" + id)
        .then()
        .statusCode(404)
        .body("type", equalTo(PROBLEMS + "not-found"));
    given()
        .auth()
        .oauth2(acme())
        .delete("/v1/consents/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(bank("bank-revoke"))
        .get("/v1/consents/" + id)
        .then()
        .body("status", equalTo("live"));

    String revokedAt =
        given()
            .auth()
            .oauth2(acme())
            .delete("/v1/consents/" + id)
            .then()
            .statusCode(200)
            .body("status", equalTo("revoked"))
            .extract()
            .path("revokedAt");
    given()
        .auth()
        .oauth2(acme())
        .delete("/v1/consents/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("revoked"))
        .body("revokedAt", equalTo(revokedAt));
    given()
        .auth()
        .oauth2(bank("bank-revoke"))
        .get("/v1/consents/" + id)
        .then()
        .body("status", equalTo("revoked"));

    JsonPath history =
        given()
            .auth()
            .oauth2(acme())
            .get("/v1/subjects/me/accesses")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(history.getList("accesses.action")).contains("consent.grant", "consent.revoke");
    assertThat(
            given()
                .auth()
                .oauth2(globex())
                .get("/v1/subjects/me/accesses")
                .then()
                .extract()
                .jsonPath()
                .getList("accesses.action"))
        .doesNotContain("consent.revoke");
  }

  @Test
  void requireLive_acceptsALiveConsent_withTheHashTheViewShows() {
    JsonPath view = grant(acme(), body("bank-live", "[\"pre-loan\",\"post-loan\"]", inDays(30)));
    UUID id = UUID.fromString(view.getString("id"));
    Consent consent =
        consents.requireLive(bankCaller("bank-live"), ACME, "post-loan", id, Instant.now());
    assertThat(consent.id()).isEqualTo(id);
    assertThat(consent.consentHash()).isEqualTo(view.getString("consentHash"));
    assertThat(
            consents
                .requireLive(bankCaller("bank-live"), ACME, "pre-loan", id, Instant.now())
                .consentHash())
        .isEqualTo(consent.consentHash());
  }

  @Test
  void requireLive_refusesEveryConsentThatDoesNotCoverTheScore() {
    UUID id = grantPreLoan("bank-refuse");
    Instant now = Instant.now();
    String missing = "no live consent " + id + " from this enterprise for purpose ";

    assertConsentRequired(
        () -> consents.requireLive(bankCaller("bank-intruder"), ACME, "pre-loan", id, now),
        missing + "pre-loan");
    assertConsentRequired(
        () -> consents.requireLive(bankCaller("bank-refuse"), GLOBEX, "pre-loan", id, now),
        missing + "pre-loan");
    assertConsentRequired(
        () -> consents.requireLive(bankCaller("bank-refuse"), ACME, "in-loan", id, now),
        missing + "in-loan: it does not cover this purpose");
    assertConsentRequired(
        () ->
            consents.requireLive(
                bankCaller("bank-refuse"), ACME, "pre-loan", id, now.plus(Duration.ofDays(31))),
        missing + "pre-loan: it has expired");
    UUID unknown = UUID.randomUUID();
    assertConsentRequired(
        () -> consents.requireLive(bankCaller("bank-refuse"), ACME, "pre-loan", unknown, now),
        "no live consent " + unknown + " from this enterprise for purpose pre-loan");
    assertConsentRequired(
        () -> consents.requireLive(bankCaller("bank-refuse"), ACME, "pre-loan", null, now),
        "no consent named for purpose pre-loan from this enterprise");

    consents.requireLive(bankCaller("bank-refuse"), ACME, "pre-loan", id, now);
    given().auth().oauth2(acme()).delete("/v1/consents/" + id).then().statusCode(200);
    assertConsentRequired(
        () -> consents.requireLive(bankCaller("bank-refuse"), ACME, "pre-loan", id, now),
        missing + "pre-loan: it was revoked");
  }

  @Test
  void requireLive_unknownPurposeOrNoInstitution_isNotAConsentQuestion() {
    UUID id = grantPreLoan("bank-odd");
    assertThatThrownBy(
            () ->
                consents.requireLive(bankCaller("bank-odd"), ACME, "marketing", id, Instant.now()))
        .isInstanceOfSatisfying(
            SafehouseException.class,
            e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST));
    Caller noOrg = new Caller("ivan", Set.of(Role.INSTITUTION), Optional.empty(), Optional.empty());
    Caller subject = new Caller("acme", Set.of(Role.SUBJECT), Optional.empty(), Optional.of(ACME));
    for (Caller caller : new Caller[] {noOrg, subject}) {
      assertThatThrownBy(() -> consents.requireLive(caller, ACME, "pre-loan", id, Instant.now()))
          .isInstanceOfSatisfying(
              SafehouseException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.FORBIDDEN));
    }
  }

  private static void assertConsentRequired(Runnable call, String detail) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            SafehouseException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.CONSENT_REQUIRED);
              assertThat(e.type().status()).isEqualTo(403);
              assertThat(e.getMessage()).isEqualTo(detail);
            });
  }
}
