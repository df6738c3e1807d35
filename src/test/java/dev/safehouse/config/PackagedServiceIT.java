package dev.safehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safehouse.cli.DevTokenIssuer;
import dev.safehouse.common.Role;
import dev.safehouse.crypto.AttestationDocument;
import dev.safehouse.crypto.AttestationVerifier;
import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.InsecureDevKeyGenerator;
import dev.safehouse.crypto.Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged service ({@code target/quarkus-app}) in the {@code prod} profile as an operator
 * would: it must refuse development keys, and with a production key it must come up with the
 * enclave child started from the fast-jar layout.
 */
class PackagedServiceIT {
  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  @TempDir Path dir;
  private String database;
  private Process process;

  @BeforeEach
  void createDatabase() throws Exception {
    byte[] suffix = new byte[5];
    new SecureRandom().nextBytes(suffix);
    database = "safehouse_it_" + HexFormat.of().formatHex(suffix);
    sql("CREATE DATABASE " + database);
  }

  @AfterEach
  void stop() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  @Test
  void prodProfile_withDevTokenKey_refusesToStartAndNamesTheSetting() throws Exception {
    Path log = dir.resolve("out.log");
    process =
        start(
            Map.of(
                "SAFEHOUSE_TOKEN_PUBLIC_KEY_FILE",
                Path.of("keys-dev/token-signing.public.pem").toAbsolutePath().toString()),
            log);

    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("service exits").isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(Files.readString(log))
        .contains("refusing to start the prod profile")
        .contains("mp.jwt.verify.publickey.location");
  }

  @Test
  void prodProfile_withoutTokenKey_refusesToStartAndSaysWhatToSet() throws Exception {
    Path log = dir.resolve("out.log");
    process =
        start(Map.of("SAFEHOUSE_TOKEN_PUBLIC_KEY_FILE", dir.resolve("absent.pem").toString()), log);

    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("service exits").isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(Files.readString(log))
        .contains("no readable token verification key")
        .contains("SAFEHOUSE_TOKEN_PUBLIC_KEY_FILE");
  }

  @Test
  void prodProfile_withProductionKey_becomesReadyWithTheEnclave() throws Exception {
    Path key = dir.resolve("prod-token.public.pem");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Files.writeString(
        key,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Path log = dir.resolve("out.log");
    process = start(Map.of("SAFEHOUSE_TOKEN_PUBLIC_KEY_FILE", key.toString()), log);

    int port = awaitPort(log, Duration.ofSeconds(60));
    assertThat(awaitReady(port, 200).body()).contains("\"enclave\"");
    // prod logs are JSON lines
    assertThat(Files.readAllLines(log))
        .anyMatch(line -> line.startsWith("{") && line.contains("\"level\""));
  }

  @Test
  void prodProfile_suiteSm_attestsWithSm2_andTheDatabaseRefusesIntlAfterwards() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair tokenKeys = generator.generateKeyPair();
    Path tokenKey = dir.resolve("prod-token.public.pem");
    Files.writeString(
        tokenKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(tokenKeys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Signer smPlatform = CryptoSuite.SM.newSigner();
    Path smPlatformFile = dir.resolve("platform-sm.pem");
    Files.writeString(smPlatformFile, smPlatform.toInsecureText());
    Path log = dir.resolve("sm.log");
    process =
        start(
            Map.of(
                "SAFEHOUSE_TOKEN_PUBLIC_KEY_FILE", tokenKey.toString(),
                "SAFEHOUSE_CRYPTO_SUITE", "sm",
                "SAFEHOUSE_ENCLAVE_PLATFORM_KEY_FILE", smPlatformFile.toString()),
            log);
    int port = awaitPort(log, Duration.ofSeconds(60));
    awaitReady(port, 200);

    String token =
        new DevTokenIssuer(tokenKeys.getPrivate(), "https://safehouse.dev/dev", "safehouse")
            .mint(
                new DevTokenIssuer.Grant(
                    "it-auditor", Role.AUDITOR, Optional.empty(), Optional.empty()),
                Instant.now(),
                Duration.ofMinutes(5));
    String nonce = "00112233445566778899aabbccddeeff";
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + port + "/v1/enclave/attestation?nonce=" + nonce))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode served = new ObjectMapper().readTree(answer.body());
    assertThat(served.path("suite").asText()).isEqualTo("sm");
    AttestationVerifier.Signed signed =
        new AttestationVerifier.Signed(
            served.path("documentBase64").asText(), served.path("signatureBase64").asText());
    AttestationDocument document =
        AttestationVerifier.verify(
            signed, smPlatform.verifier(), served.path("measurement").asText(), nonce, true);
    assertThat(document.suite()).isEqualTo("sm");
    assertThat(AttestationVerifier.keysOf(document).signingKey().suite()).isEqualTo(CryptoSuite.SM);
    assertThatThrownBy(
            () ->
                AttestationVerifier.verify(
                    signed,
                    CryptoSuite.INTL.newSigner().verifier(),
                    document.measurement(),
                    nonce,
                    true))
        .isInstanceOfSatisfying(
            AttestationVerifier.RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(AttestationVerifier.Reason.WRONG_SUITE));

    process.destroy();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    Path intlPlatformFile = dir.resolve("platform-intl.json");
    Files.writeString(intlPlatformFile, CryptoSuite.INTL.newSigner().toInsecureText());
    Path intlLog = dir.resolve("intl.log");
    process =
        start(
            Map.of(
                "SAFEHOUSE_TOKEN_PUBLIC_KEY_FILE", tokenKey.toString(),
                "SAFEHOUSE_ENCLAVE_PLATFORM_KEY_FILE", intlPlatformFile.toString()),
            intlLog);
    int intlPort = awaitPort(intlLog, Duration.ofSeconds(60));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.readString(intlLog).contains("holds the enclave keys")
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(Files.readString(intlLog))
        .contains("safehouse.crypto.suite is intl")
        .contains("of suite sm");
    awaitReady(intlPort, 503);
  }

  private HttpResponse<String> awaitReady(int port, int expected) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ready = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      ready =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (ready.statusCode() == expected) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(ready).isNotNull();
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(expected);
    return ready;
  }

  private Process start(Map<String, String> env, Path log) throws IOException {
    Path appDir = Path.of(System.getProperty("safehouse.it.app-dir", "target/quarkus-app"));
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + dir.toAbsolutePath(),
                    "-jar",
                    appDir.resolve("quarkus-run.jar").toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("QUARKUS_HTTP_PORT", "0");
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    builder
        .environment()
        .put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + database);
    builder
        .environment()
        .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
    builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
    Path master = dir.resolve("master-keyset.json");
    Files.writeString(master, InsecureDevKeyGenerator.masterKeysetJson());
    builder.environment().put("SAFEHOUSE_MASTER_KEY_URI", "local-kms://" + master.toAbsolutePath());
    builder
        .environment()
        .put("SAFEHOUSE_ENCLAVE_POLICIES_DIR", Path.of("policies").toAbsolutePath().toString());
    builder.environment().putAll(env);
    return builder.start();
  }

  private int awaitPort(Path log, Duration timeout) throws Exception {
    Pattern listening = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = listening.matcher(Files.readString(log));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(process.isAlive())
          .as("service still running:\n%s", Files.readString(log))
          .isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError(
        "service did not listen within " + timeout + ":\n" + Files.readString(log));
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
