package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.safehouse.common.Role;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
class RateLimitTest {

  /** Three requests at once, then one every 100 s. */
  public static final class TightLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "safehouse.rate-limit.burst", "3",
          "safehouse.rate-limit.requests-per-second", "0.01");
    }
  }

  @Test
  void me_overTheLimit_is429WithRetryAfter_andOtherCallersAreUnaffected() {
    String alice = TestTokens.valid(Role.AUDITOR, "alice-rl");
    for (int i = 0; i < 3; i++) {
      given().auth().oauth2(alice).get("/v1/me").then().statusCode(200);
    }
    given()
        .auth()
        .oauth2(alice)
        .get("/v1/me")
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("100"))
        .body("type", equalTo("https://safehouse.dev/problems/rate-limited"));

    given()
        .auth()
        .oauth2(TestTokens.valid(Role.AUDITOR, "bob-rl"))
        .get("/v1/me")
        .then()
        .statusCode(200);
  }

  @Test
  void me_forgedTokenForAnExhaustedSubject_is401_soLimitsApplyOnlyToVerifiedCallers() {
    // TestTokens.tampered claims subject "mallory"; exhaust mallory's bucket with valid tokens
    // first.
    String mallory = TestTokens.valid(Role.AUDITOR, "mallory");
    for (int i = 0; i < 3; i++) {
      given().auth().oauth2(mallory).get("/v1/me").then().statusCode(200);
    }
    given().auth().oauth2(mallory).get("/v1/me").then().statusCode(429);

    // Were the limiter keyed on unverified claims, this would be 429 too.
    given()
        .auth()
        .oauth2(TestTokens.tampered(Role.AUDITOR))
        .get("/v1/me")
        .then()
        .statusCode(401)
        .body("type", equalTo("https://safehouse.dev/problems/unauthenticated"));
  }
}
