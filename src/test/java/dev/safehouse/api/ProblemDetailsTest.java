package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.safehouse.common.Role;
import dev.safehouse.testing.FailingResource;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest {
  private static final String PROBLEMS = "https://safehouse.dev/problems/";
  private static final String A_CODE = "91350100M000100Y43";

  private static RequestSpecification researcher() {
    return given().auth().oauth2(TestTokens.valid(Role.RESEARCHER, "rita"));
  }

  @Test
  void checkUscc_messyButValidCode_returnsNormalForm() {
    researcher()
        .contentType("application/json")
        .body("{\"uscc\":\"  ９１３５０１００m０００１００y４３　\"}")
        .post("/v1/identifiers/uscc")
        .then()
        .statusCode(200)
        .body("uscc", equalTo(A_CODE))
        .body("registrationAuthority", equalTo("9"))
        .body("entityType", equalTo("1"))
        .body("administrativeDivision", equalTo("350100"));
  }

  @Test
  void checkUscc_wrongCheckCharacter_is400WithoutEchoingTheValue() {
    problem(
            researcher()
                .contentType("application/json")
                .body("{\"uscc\":\"91350100M000100Y44\"}")
                .post("/v1/identifiers/uscc")
                .then(),
            400,
            "invalid-request")
        .body(not(containsString("91350100M000100Y44")));
  }

  @Test
  void checkUscc_missingField_is400WithFieldPath() {
    problem(
            researcher()
                .contentType("application/json")
                .body("{}")
                .post("/v1/identifiers/uscc")
                .then(),
            400,
            "validation-failed")
        .body("errors.field", hasItem("uscc"));
  }

  @Test
  void checkUscc_malformedJson_is400WithoutEchoingTheBody() {
    problem(
            researcher()
                .contentType("application/json")
                .body("{\"uscc\": SECRET-VALUE-123")
                .post("/v1/identifiers/uscc")
                .then(),
            400,
            "malformed-body")
        .body(not(containsString("SECRET-VALUE-123")));
  }

  @Test
  void checkUscc_wrongContentType_is415() {
    problem(
        researcher()
            .contentType("text/plain")
            .body("91350100M000100Y43")
            .post("/v1/identifiers/uscc")
            .then(),
        415,
        "unsupported-media-type");
  }

  @Test
  void checkUscc_bodyOverLimit_is413() {
    String huge = "{\"uscc\":\"" + "9".repeat(70 * 1024) + "\"}";
    problem(
        researcher().contentType("application/json").body(huge).post("/v1/identifiers/uscc").then(),
        413,
        "payload-too-large");
  }

  @Test
  void me_wrongMethod_is405WithAllow() {
    problem(researcher().delete("/v1/me").then(), 405, "method-not-allowed");
  }

  @Test
  void unknownPath_is404() {
    problem(researcher().get("/v1/no-such-thing").then(), 404, "not-found");
    problem(given().get("/nowhere/at/all").then(), 404, "not-found");
  }

  @Test
  void me_subjectTokenWithoutUscc_is403() {
    String token = TestTokens.signedClaims("{\"groups\":[\"subject\"],\"sub\":\"acme\"}");
    problem(given().auth().oauth2(token).get("/v1/me").then(), 403, "forbidden");
  }

  @Test
  void me_subjectTokenWithInvalidUscc_is403() {
    String token =
        TestTokens.signedClaims(
            "{\"groups\":[\"subject\"],\"sub\":\"acme\",\"uscc\":\"91350100M000100Y44\"}");
    problem(given().auth().oauth2(token).get("/v1/me").then(), 403, "forbidden")
        .body(not(containsString("91350100M000100Y44")));
  }

  @Test
  void unexpectedFailure_is500WithIncidentAndNoInternals() {
    problem(given().get("/test-only/bug").then(), 500, "internal")
        .body("detail", containsString("incident"))
        .body(not(containsString(FailingResource.SECRET)))
        .body(not(containsString("IllegalState")));
  }

  @Test
  void conflict_is409WithItsSafeMessage() {
    problem(given().get("/test-only/conflict").then(), 409, "conflict")
        .body("detail", equalTo("the project is already approved"));
  }

  @Test
  void me_unacceptableMediaType_is406() {
    problem(researcher().accept("application/xml").get("/v1/me").then(), 406, "not-acceptable");
  }

  @Test
  void requestLineOverTheLimit_is414WithoutEchoingThePath() {
    String filler = "LONGPATH" + "a".repeat(10 * 1024);
    problem(given().get("/v1/identifiers/" + filler).then(), 414, "uri-too-long")
        .body(not(containsString("LONGPATH")))
        .body("instance", nullValue());
  }

  @Test
  void headerFieldsOverTheLimit_are431WithoutEchoingThem() {
    RequestSpecification request = researcher();
    for (int i = 0; i < 64; i++) {
      request.header("X-Filler-" + i, "FILLER" + "b".repeat(1018));
    }
    problem(request.get("/v1/me").then(), 431, "headers-too-large")
        .body(not(containsString("FILLER")));
  }

  @Test
  void headerFieldsUnderTheLimit_areServed() {
    RequestSpecification request = researcher();
    for (int i = 0; i < 8; i++) {
      request.header("X-Filler-" + i, "c".repeat(1000));
    }
    request.get("/v1/me").then().statusCode(200);
  }

  static ValidatableResponse problem(ValidatableResponse response, int status, String kind) {
    return response
        .statusCode(status)
        .contentType("application/problem+json")
        .body("type", equalTo(PROBLEMS + kind))
        .body("status", equalTo(status))
        .body(not(containsString("Exception")))
        .body(not(containsString("dev.safehouse")));
  }
}
