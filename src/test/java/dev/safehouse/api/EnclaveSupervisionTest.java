package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;

import dev.safehouse.common.Role;
import dev.safehouse.testing.Poll;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kills the real enclave process and watches the service notice, answer 503, and recover. */
@QuarkusTest
class EnclaveSupervisionTest {

  private static String admin() {
    return TestTokens.valid(Role.ADMIN, "ops");
  }

  @Test
  void status_readyEnclave_answersFromTheChildProcess() {
    Poll.until(Duration.ofSeconds(30), "the awaited state", () -> readiness().statusCode() == 200);
    long pid =
        given()
            .auth()
            .oauth2(admin())
            .get("/v1/enclave/status")
            .then()
            .statusCode(200)
            .body("state", equalTo("READY"))
            .body("protocolVersion", equalTo(1))
            .body("uptimeMillis", greaterThan(-1))
            .extract()
            .jsonPath()
            .getLong("pid");
    assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(ProcessHandle.of(pid)).as("enclave is a live child process").isPresent();
    assertThat(ProcessHandle.of(pid).orElseThrow().parent().map(ProcessHandle::pid))
        .as("the service itself is the enclave's parent")
        .hasValue(ProcessHandle.current().pid());
  }

  @Test
  void sigkill_readinessGoesDownThenUpWithin10s_andStatusIs503Meanwhile() {
    Poll.until(Duration.ofSeconds(30), "the awaited state", () -> readiness().statusCode() == 200);
    long pid = given().auth().oauth2(admin()).get("/v1/enclave/status").jsonPath().getLong("pid");

    ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL on Linux

    Poll.until(Duration.ofSeconds(5), "the awaited state", () -> readiness().statusCode() == 503);
    Response down = readiness();
    assertThat(enclaveCheck(down.jsonPath()).getString("status")).isEqualTo("DOWN");
    given()
        .auth()
        .oauth2(admin())
        .get("/v1/enclave/status")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("1"))
        .body("type", equalTo("https://safehouse.dev/problems/enclave-unavailable"));

    long killedAt = System.nanoTime();
    Poll.until(Duration.ofSeconds(10), "the awaited state", () -> readiness().statusCode() == 200);
    assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(10));

    long newPid =
        given()
            .auth()
            .oauth2(admin())
            .get("/v1/enclave/status")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("pid");
    assertThat(newPid).isNotEqualTo(pid);

    Poll.until(
        Duration.ofSeconds(5),
        "the awaited state",
        () -> eventKinds().containsAll(List.of("EXITED", "RESTART_SCHEDULED")));
    given()
        .auth()
        .oauth2(TestTokens.valid(Role.AUDITOR, "audrey"))
        .get("/v1/enclave/events?limit=20")
        .then()
        .statusCode(200)
        .body("kind", hasItems("STARTED", "READY", "EXITED", "RESTART_SCHEDULED"));
  }

  @Test
  void events_limitOutOfRange_is400WithTheParameterNamed() {
    given()
        .auth()
        .oauth2(admin())
        .get("/v1/enclave/events?limit=0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void readiness_includesDatabaseAndEnclave() {
    Poll.until(Duration.ofSeconds(30), "the awaited state", () -> readiness().statusCode() == 200);
    List<String> names = readiness().jsonPath().getList("checks.name");
    assertThat(names).contains("enclave");
    assertThat(names).anySatisfy(name -> assertThat(name).containsIgnoringCase("postgres"));
  }

  private static List<String> eventKinds() {
    return given()
        .auth()
        .oauth2(admin())
        .get("/v1/enclave/events?limit=50")
        .jsonPath()
        .getList("kind");
  }

  private static Response readiness() {
    return given().get("/q/health/ready");
  }

  private static JsonPath enclaveCheck(JsonPath health) {
    List<Object> checks = health.getList("checks");
    for (int i = 0; i < checks.size(); i++) {
      if ("enclave".equals(health.getString("checks[" + i + "].name"))) {
        return new JsonPath(health.prettify()).setRootPath("checks[" + i + "]");
      }
    }
    throw new AssertionError("no enclave check in " + health.prettify());
  }
}
