package dev.safehouse.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.safehouse.common.Role;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatasetUploadTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static RequestSpecification provider(String org) {
    return given().auth().oauth2(TestTokens.withOrganisation(Role.PROVIDER, "uploader", org));
  }

  private static String sha256(byte[]... parts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static int openVersion(String dataset, String org) {
    return provider(org)
        .post("/v1/datasets/" + dataset + "/versions")
        .then()
        .statusCode(201)
        .body("status", equalTo("UPLOADING"))
        .extract()
        .jsonPath()
        .getInt("version");
  }

  private static io.restassured.response.ValidatableResponse put(
      String org, String dataset, int version, int seq, byte[] data, String sha) {
    return provider(org)
        .contentType("application/octet-stream")
        .header("X-Chunk-SHA256", sha)
        .body(data)
        .put("/v1/datasets/" + dataset + "/versions/" + version + "/chunks/" + seq)
        .then();
  }

  @Test
  void upload_resumeAndCommit_movesToVerifying() throws Exception {
    String dataset = "upload-happy";
    int version = openVersion(dataset, "bank-a");
    byte[] first = random(40_000);
    byte[] second = random(1_000);

    put("bank-a", dataset, version, 0, first, sha256(first)).statusCode(201);
    put("bank-a", dataset, version, 0, first, sha256(first)).statusCode(200); // resumed re-send
    put("bank-a", dataset, version, 1, second, sha256(second)).statusCode(201);
    provider("bank-a")
        .get("/v1/datasets/" + dataset + "/versions/" + version)
        .then()
        .statusCode(200)
        .body("receivedChunks", contains(0, 1));

    provider("bank-a")
        .contentType("application/json")
        .body("{\"chunkCount\":2,\"envelopeSha256\":\"" + sha256(first, second) + "\"}")
        .post("/v1/datasets/" + dataset + "/versions/" + version + "/commit")
        .then()
        .statusCode(202)
        .body("status", equalTo("VERIFYING"))
        .body("envelopeSha256", equalTo(sha256(first, second)));

    ProblemDetailsTest.problem(
        put("bank-a", dataset, version, 2, second, sha256(second)), 409, "conflict");
    // The next version numbers on.
    org.assertj.core.api.Assertions.assertThat(openVersion(dataset, "bank-a"))
        .isEqualTo(version + 1);
  }

  @Test
  void putChunk_notOctetStream_is415AndNothingIsStored() throws Exception {
    String dataset = "upload-wrong-type";
    int version = openVersion(dataset, "bank-b");
    byte[] chunk = random(100);
    for (String type : new String[] {"application/json", "text/plain", "application/*"}) {
      ProblemDetailsTest.problem(
          provider("bank-b")
              .contentType(type)
              .header("X-Chunk-SHA256", sha256(chunk))
              .body(chunk)
              .put("/v1/datasets/" + dataset + "/versions/" + version + "/chunks/0")
              .then(),
          415,
          "unsupported-media-type");
    }
    provider("bank-b")
        .get("/v1/datasets/" + dataset + "/versions/" + version)
        .then()
        .body("receivedChunks", empty());
  }

  @Test
  void putChunk_digestMismatchOrConflict_isRejectedAndNothingChanges() throws Exception {
    String dataset = "upload-bad-chunks";
    int version = openVersion(dataset, "bank-b");
    byte[] chunk = random(2_000);
    byte[] flipped = Arrays.copyOf(chunk, chunk.length);
    flipped[7] ^= 1;

    ProblemDetailsTest.problem(
        put("bank-b", dataset, version, 0, flipped, sha256(chunk)), 400, "invalid-request");
    put("bank-b", dataset, version, 0, chunk, sha256(chunk)).statusCode(201);
    ProblemDetailsTest.problem(
        put("bank-b", dataset, version, 0, flipped, sha256(flipped)), 409, "conflict");
    ProblemDetailsTest.problem(
        put("bank-b", dataset, version, 1, chunk, "abc"), 400, "validation-failed");
    provider("bank-b")
        .get("/v1/datasets/" + dataset + "/versions/" + version)
        .then()
        .body("receivedChunks", contains(0));
  }

  @Test
  void commit_missingChunkOrWrongDigest_isRejectedAndStaysUploading() throws Exception {
    String dataset = "upload-bad-commit";
    int version = openVersion(dataset, "bank-c");
    byte[] chunk = random(500);
    put("bank-c", dataset, version, 0, chunk, sha256(chunk)).statusCode(201);
    String path = "/v1/datasets/" + dataset + "/versions/" + version + "/commit";

    ProblemDetailsTest.problem(
        provider("bank-c")
            .contentType("application/json")
            .body("{\"chunkCount\":2,\"envelopeSha256\":\"" + sha256(chunk) + "\"}")
            .post(path)
            .then(),
        400,
        "invalid-request");
    ProblemDetailsTest.problem(
        provider("bank-c")
            .contentType("application/json")
            .body("{\"chunkCount\":1,\"envelopeSha256\":\"" + sha256(random(3)) + "\"}")
            .post(path)
            .then(),
        400,
        "invalid-request");
    provider("bank-c")
        .get("/v1/datasets/" + dataset + "/versions/" + version)
        .then()
        .body("status", equalTo("UPLOADING"));
  }

  @Test
  void otherProviderWrongRoleOrNoOrg_areRefused() throws Exception {
    String dataset = "upload-owned";
    int version = openVersion(dataset, "bank-d");
    byte[] chunk = random(100);

    ProblemDetailsTest.problem(
        put("bank-e", dataset, version, 0, chunk, sha256(chunk)), 403, "forbidden");
    ProblemDetailsTest.problem(
        provider("bank-e").post("/v1/datasets/" + dataset + "/versions").then(), 403, "forbidden");
    ProblemDetailsTest.problem(
        given()
            .auth()
            .oauth2(TestTokens.valid(Role.RESEARCHER, "r"))
            .post("/v1/datasets/" + dataset + "/versions")
            .then(),
        403,
        "forbidden");
    ProblemDetailsTest.problem(
        given()
            .auth()
            .oauth2(TestTokens.valid(Role.PROVIDER, "no-org"))
            .post("/v1/datasets/x-y-z/versions")
            .then(),
        403,
        "forbidden");
    ProblemDetailsTest.problem(
        provider("bank-d").get("/v1/datasets/" + dataset + "/versions/99").then(),
        404,
        "not-found");
    ProblemDetailsTest.problem(
        provider("bank-d").post("/v1/datasets/Bad_Id/versions").then(), 400, "invalid-request");
  }
}
