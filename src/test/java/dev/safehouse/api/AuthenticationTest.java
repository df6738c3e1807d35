package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.safehouse.common.Role;
import dev.safehouse.common.Uscc;
import dev.safehouse.testing.CountingAugmentor;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class AuthenticationTest {
  private static final String UNAUTHENTICATED = "https://safehouse.dev/problems/unauthenticated";

  @Test
  void me_validToken_returnsSubjectRolesAndOrganisation() {
    given()
        .auth()
        .oauth2(TestTokens.withOrganisation(Role.INSTITUTION, "alice", "bank-of-test"))
        .get("/v1/me")
        .then()
        .statusCode(200)
        .body("subject", equalTo("alice"))
        .body("roles", containsInAnyOrder("institution"))
        .body("organisation", equalTo("bank-of-test"))
        .body("uscc", nullValue());
  }

  @Test
  void me_subjectToken_returnsItsUscc() {
    given()
        .auth()
        .oauth2(TestTokens.subject("acme", Uscc.parse("9144030071526726XG")))
        .get("/v1/me")
        .then()
        .statusCode(200)
        .body("roles", containsInAnyOrder("subject"))
        .body("uscc", equalTo("9144030071526726XG"));
  }

  @Test
  void noToken_is401_beforeRouteMatchingCouldAnswer404to415() {
    problem(given().contentType("text/plain").body("x").post("/v1/identifiers/uscc").then(), 401)
        .header("WWW-Authenticate", containsString("Bearer"));
    problem(given().accept("text/csv").get("/v1/me").then(), 401);
    problem(given().delete("/v1/me").then(), 401);
    problem(given().get("/v1/no-such-thing").then(), 401);
  }

  @Test
  void invalidToken_is401_beforeRouteMatchingCouldAnswer404to415() {
    String expired = TestTokens.expired(Role.RESEARCHER);
    problem(
            given()
                .auth()
                .oauth2(expired)
                .contentType("text/plain")
                .body("x")
                .post("/v1/identifiers/uscc")
                .then(),
            401)
        .header("WWW-Authenticate", containsString("invalid_token"));
    problem(given().auth().oauth2(expired).accept("image/png").get("/v1/me").then(), 401)
        .header("WWW-Authenticate", containsString("invalid_token"));
    problem(given().auth().oauth2(expired).delete("/v1/me").then(), 401);
    problem(given().auth().oauth2(expired).get("/v1/no-such-thing").then(), 401);
  }

  @Test
  void authorizationWithoutBearerToken_is401_beforeRouteMatching() {
    problem(
            given()
                .header("Authorization", "Basic YWxpY2U6c2VjcmV0")
                .accept("image/png")
                .get("/v1/me")
                .then(),
            401)
        .header("WWW-Authenticate", startsWith("Bearer"));
    problem(given().header("Authorization", "Bearer").get("/v1/no-such-thing").then(), 401);
  }

  @Test
  void validToken_isVerifiedOncePerRequest() {
    String token = TestTokens.valid(Role.RESEARCHER, "rita");
    long before = CountingAugmentor.authenticated();
    for (int i = 0; i < 5; i++) {
      given().auth().oauth2(token).get("/v1/me").then().statusCode(200);
    }
    assertThat(CountingAugmentor.authenticated() - before).isEqualTo(5);
  }

  @Test
  void me_noToken_is401Problem() {
    problem(given().get("/v1/me").then(), 401).header("WWW-Authenticate", containsString("Bearer"));
  }

  static Stream<Arguments> badTokens() throws Exception {
    return Stream.of(
        Arguments.of("expired", TestTokens.expired(Role.AUDITOR)),
        Arguments.of("tampered", TestTokens.tampered(Role.AUDITOR)),
        Arguments.of("wrong issuer", TestTokens.wrongIssuer(Role.AUDITOR)),
        Arguments.of("wrong audience", TestTokens.wrongAudience(Role.AUDITOR)),
        Arguments.of("alg none", TestTokens.algNone(Role.AUDITOR)),
        Arguments.of("unknown key", TestTokens.foreignKey(Role.AUDITOR)),
        Arguments.of("garbage", "not.a.jwt"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void me_badToken_is401Problem(String kind, String token) {
    problem(given().auth().oauth2(token).get("/v1/me").then(), 401)
        .header("WWW-Authenticate", containsString("invalid_token"))
        .body("detail", not(containsString(token)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void enclaveStatus_badToken_is401Problem(String kind, String token) {
    problem(given().auth().oauth2(token).get("/v1/enclave/status").then(), 401);
  }

  @Test
  void enclaveStatus_noToken_is401Problem() {
    problem(given().get("/v1/enclave/status").then(), 401);
  }

  @Test
  void enclaveStatus_wrongRole_is403Problem() {
    for (Role role : new Role[] {Role.RESEARCHER, Role.INSTITUTION, Role.SUBJECT}) {
      problem(
              given().auth().oauth2(TestTokens.valid(role, "eve")).get("/v1/enclave/status").then(),
              403)
          .body("type", equalTo("https://safehouse.dev/problems/forbidden"));
    }
  }

  @Test
  void enclaveEvents_providerRole_is403Problem() {
    problem(
        given()
            .auth()
            .oauth2(TestTokens.valid(Role.PROVIDER, "p"))
            .get("/v1/enclave/events")
            .then(),
        403);
  }

  private static ValidatableResponse problem(ValidatableResponse response, int status) {
    return response
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("type", status == 401 ? equalTo(UNAUTHENTICATED) : not(nullValue()))
        .body("title", not(nullValue()))
        .body(not(containsString("Exception")))
        .body(not(containsString("at io.")));
  }
}
