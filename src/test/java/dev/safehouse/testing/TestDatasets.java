package dev.safehouse.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.cli.provider.ApiClient;
import dev.safehouse.cli.provider.AttestCommand;
import dev.safehouse.cli.provider.UploadCommandAccess;
import dev.safehouse.common.DatasetId;
import dev.safehouse.common.Role;
import dev.safehouse.crypto.AttestationVerifier;
import dev.safehouse.crypto.EnclavePublicKeys;
import dev.safehouse.crypto.Envelope;
import dev.safehouse.crypto.Measurement;
import dev.safehouse.crypto.Signer;
import dev.safehouse.crypto.Verifier;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.PolicyBundle;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Loads datasets into the running service's enclave through the real provider path: a steward
 * registers the provider's key, the provider attests the enclave, encrypts and uploads, and the
 * enclave loads the version.
 */
public final class TestDatasets {
  /** The provider that supplies the three sources in tests. */
  public static final String PROVIDER = "credit-bureau";

  private TestDatasets() {}

  /** Registers {@code key} for {@link #PROVIDER}. */
  public static void registerKey(Signer key) {
    given()
        .auth()
        .oauth2(TestTokens.valid(Role.STEWARD, "stella"))
        .contentType("application/json")
        .body("{\"publicKey\":\"" + key.verifier().toText() + "\"}")
        .post("/v1/providers/" + PROVIDER + "/keys")
        .then()
        .statusCode(201)
        .body("keyId", org.hamcrest.Matchers.equalTo(key.verifier().keyId()));
  }

  /** The provider's own check of the enclave: fresh nonce, pinned platform key, measurement. */
  public static EnclavePublicKeys attestedEnclaveKeys(ApiClient api) throws Exception {
    Poll.until(
        Duration.ofSeconds(30),
        "the service to be ready",
        () -> given().get("/q/health/ready").statusCode() == 200);
    String expected =
        Measurement.of(
                TestSuite.current(),
                System.getProperty("java.class.path"),
                PolicyBundle.hash(Path.of("policies")))
            .value();
    Verifier platform = TestSuite.platformKey();
    return AttestationVerifier.keysOf(AttestCommand.attest(api, platform, expected, true));
  }

  /**
   * Encrypts {@code csv} for {@code dataset} and uploads it as {@link #PROVIDER} signing with
   * {@code key}, in chunks of {@code chunkBytes} (the test profile accepts bodies up to 64 KiB).
   *
   * @return the version number
   */
  public static int upload(
      URI server, Path dir, Signer key, String dataset, byte[] csv, int chunkBytes)
      throws Exception {
    ApiClient api =
        new ApiClient(server, TestTokens.withOrganisation(Role.PROVIDER, "uploader", PROVIDER));
    EnclavePublicKeys enclaveKeys = attestedEnclaveKeys(api);
    String schemaHash =
        DatasetSchemas.load(Path.of("policies"))
            .find(DatasetId.parse(dataset))
            .orElseThrow()
            .schemaHash();
    long rows = new String(csv, StandardCharsets.UTF_8).lines().count() - 1;
    Path envelope = Files.createTempFile(dir, dataset, ".envelope");
    try (ByteArrayInputStream in = new ByteArrayInputStream(csv)) {
      Envelope.write(
          in,
          envelope,
          new Envelope.Description(dataset, "2026-11", schemaHash, rows),
          enclaveKeys,
          key);
    }
    return UploadCommandAccess.upload(
        api, DatasetId.parse(dataset), envelope, chunkBytes, new PrintWriter(new StringWriter()));
  }

  /** Waits until a version is LOADED or REJECTED and returns its state. */
  public static JsonPath awaitFinal(String dataset, int version) {
    JsonPath[] state = new JsonPath[1];
    Poll.until(
        Duration.ofSeconds(300),
        "the version to be loaded or rejected",
        () -> {
          state[0] =
              given()
                  .auth()
                  .oauth2(TestTokens.withOrganisation(Role.PROVIDER, "uploader", PROVIDER))
                  .get("/v1/datasets/" + dataset + "/versions/" + version)
                  .jsonPath();
          String status = state[0].getString("status");
          return "LOADED".equals(status) || "REJECTED".equals(status);
        });
    return state[0];
  }

  /** Uploads and waits until the enclave has loaded the version; fails the test otherwise. */
  public static int load(
      URI server, Path dir, Signer key, String dataset, byte[] csv, int chunkBytes)
      throws Exception {
    int version = upload(server, dir, key, dataset, csv, chunkBytes);
    JsonPath done = awaitFinal(dataset, version);
    assertThat(done.getString("status")).as(done.getString("rejectReason")).isEqualTo("LOADED");
    return version;
  }
}
