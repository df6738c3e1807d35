package dev.safehouse.cli.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.common.DatasetId;
import dev.safehouse.common.Role;
import dev.safehouse.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider CLI's upload against the real service. */
@QuarkusTest
class UploadCommandTest {
  private static final int CHUNK = 32 * 1024; // under the test profile's 64 KiB body limit

  @TestHTTPResource("/")
  URI server;

  @TempDir Path dir;

  private ApiClient api(String org) {
    return new ApiClient(server, TestTokens.withOrganisation(Role.PROVIDER, "cli", org));
  }

  private Path envelope(int bytes) throws Exception {
    byte[] data = new byte[bytes];
    new SecureRandom().nextBytes(data);
    Path file = dir.resolve("dataset.envelope");
    Files.write(file, data);
    return file;
  }

  @Test
  void upload_interruptedThenResumed_sendsOnlyMissingChunksAndCommits() throws Exception {
    Path file = envelope(3 * CHUNK + 123);
    DatasetId dataset = DatasetId.parse("cli-resume");
    ApiClient api = api("cli-bank");
    // A first attempt opened version 1 and got chunk 0 through before it was interrupted.
    String created =
        api.send(
            "POST", "/v1/datasets/cli-resume/versions", HttpRequest.BodyPublishers.noBody(), null);
    int version = ApiClient.json(created).path("version").asInt();
    byte[] first = Arrays.copyOf(Files.readAllBytes(file), CHUNK);
    api.send(
        "PUT",
        "/v1/datasets/cli-resume/versions/" + version + "/chunks/0",
        HttpRequest.BodyPublishers.ofByteArray(first),
        "application/octet-stream",
        "X-Chunk-SHA256",
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(first)));
    Files.writeString(dir.resolve("dataset.envelope.upload"), Integer.toString(version));

    StringWriter err = new StringWriter();
    UploadCommand.UploadResult result =
        UploadCommand.upload(api, dataset, file, CHUNK, new PrintWriter(err, true));

    assertThat(result.version()).isEqualTo(version);
    assertThat(result.chunksSent()).isEqualTo(3);
    assertThat(result.status()).isEqualTo("VERIFYING");
    assertThat(err.toString()).contains("resuming").contains("100%");
    assertThat(dir.resolve("dataset.envelope.upload")).doesNotExist();
  }

  @Test
  void upload_datasetOfAnotherProvider_failsWithTheServersReason() throws Exception {
    Path file = envelope(1000);
    UploadCommand.upload(
        api("owner-bank"),
        DatasetId.parse("cli-owned"),
        file,
        CHUNK,
        new PrintWriter(new StringWriter()));

    assertThatThrownBy(
            () ->
                UploadCommand.upload(
                    api("other-bank"),
                    DatasetId.parse("cli-owned"),
                    file,
                    CHUNK,
                    new PrintWriter(new StringWriter())))
        .isInstanceOf(ApiClient.ApiException.class)
        .hasMessageContaining("403")
        .hasMessageContaining("another provider");
  }
}
