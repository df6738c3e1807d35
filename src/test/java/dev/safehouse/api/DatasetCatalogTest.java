package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.Role;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/datasets}: every dataset with its versions' metadata, for stewards, auditors and
 * admins only, and nothing of the uploaded bytes.
 */
@QuarkusTest
class DatasetCatalogTest {
  private static final String PROVIDER = "catalog-provider";

  private static int openVersion(String dataset) {
    return given()
        .auth()
        .oauth2(TestTokens.withOrganisation(Role.PROVIDER, "uploader", PROVIDER))
        .post("/v1/datasets/" + dataset + "/versions")
        .then()
        .statusCode(201)
        .extract()
        .path("version");
  }

  private static void putChunk(String dataset, int version, byte[] data) throws Exception {
    given()
        .auth()
        .oauth2(TestTokens.withOrganisation(Role.PROVIDER, "uploader", PROVIDER))
        .contentType("application/octet-stream")
        .header(
            "X-Chunk-SHA256",
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)))
        .body(data)
        .put("/v1/datasets/" + dataset + "/versions/" + version + "/chunks/0")
        .then()
        .statusCode(201);
  }

  private static JsonPath list(Role role) {
    return given()
        .auth()
        .oauth2(TestTokens.valid(role, "reader"))
        .get("/v1/datasets")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void stewardsAuditorsAndAdmins_seeEveryVersion_newestFirst_withoutTheBytes() throws Exception {
    String dataset = "catalog-" + System.nanoTime();
    assertThat(openVersion(dataset)).isEqualTo(1);
    putChunk(dataset, 1, "ciphertext-marker-1".getBytes());
    assertThat(openVersion(dataset)).isEqualTo(2);

    for (Role role : List.of(Role.STEWARD, Role.AUDITOR, Role.ADMIN)) {
      JsonPath body = list(role);
      List<Map<String, Object>> datasets = body.getList("$");
      Map<String, Object> entry =
          datasets.stream()
              .filter(d -> dataset.equals(d.get("datasetId")))
              .findFirst()
              .orElseThrow();
      assertThat(entry.get("provider")).isEqualTo(PROVIDER);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> versions = (List<Map<String, Object>>) entry.get("versions");
      assertThat(versions).extracting(v -> v.get("version")).containsExactly(2, 1);
      assertThat(versions).extracting(v -> v.get("status")).containsOnly("UPLOADING");
      assertThat(versions).extracting(v -> v.get("provider")).containsOnly(PROVIDER);
      assertThat(versions.get(1))
          .containsKeys("rowCount", "rejectReason", "inputRoot", "createdAt", "committedAt")
          .containsEntry("rowCount", null)
          .containsEntry("committedAt", null)
          .doesNotContainKeys("envelopeSha256", "receivedChunks");
      assertThat(versions.get(1).get("createdAt")).isNotNull();
      assertThat(datasets.get(0).get("datasetId"))
          .as("the dataset with the newest version comes first")
          .isEqualTo(dataset);
      assertThat(body.prettify()).doesNotContain("ciphertext-marker");
    }
  }

  @Test
  void otherRoles_areRefused() {
    for (Role role : List.of(Role.RESEARCHER, Role.INSTITUTION, Role.PROVIDER)) {
      given()
          .auth()
          .oauth2(TestTokens.withOrganisation(role, "someone", PROVIDER))
          .get("/v1/datasets")
          .then()
          .statusCode(403);
    }
    given().get("/v1/datasets").then().statusCode(401);
  }
}
