package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void openapi_documentsTheApiAndItsBearerScheme() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("paths", hasKey("/v1/me"))
        .body("paths", hasKey("/v1/enclave/status"))
        .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
        .body("paths.'/v1/me'.get.security", notNullValue());
  }

  @Test
  void swaggerUi_isServed() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void metrics_arePrometheusTextWithEnclaveGauge() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("safehouse_enclave_ready"))
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void liveness_isUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }
}
