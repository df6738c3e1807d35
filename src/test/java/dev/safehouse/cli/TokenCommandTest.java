package dev.safehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
  @TempDir static Path dir;
  static KeyPair keys;
  static Path keyFile;

  @BeforeAll
  static void writeKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    keyFile = dir.resolve("signing.pem");
    Files.writeString(
        keyFile,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
  }

  record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = SafehouseCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(status, out.toString().strip(), err.toString());
  }

  @Test
  void token_auditor_printsAVerifiableTokenWithTheClaims() throws Exception {
    Run run =
        run(
            "token",
            "--role",
            "auditor",
            "--sub",
            "alice",
            "--org",
            "csrc",
            "--key",
            keyFile.toString());

    assertThat(run.status()).isZero();
    JwtConsumer consumer =
        new JwtConsumerBuilder()
            .setVerificationKey(keys.getPublic())
            .setExpectedIssuer("https://safehouse.dev/dev")
            .setExpectedAudience("safehouse")
            .setRequireExpirationTime()
            .build();
    JwtClaims claims = consumer.processToClaims(run.out());
    assertThat(claims.getSubject()).isEqualTo("alice");
    assertThat(claims.getStringListClaimValue("groups")).containsExactly("auditor");
    assertThat(claims.getStringClaimValue("org")).isEqualTo("csrc");
    assertThat(claims.getJwtId()).hasSize(32);
  }

  @Test
  void token_subjectWithUscc_normalisesTheCode() throws Exception {
    Run run =
        run(
            "token",
            "--role",
            "SUBJECT",
            "--sub",
            "acme",
            "--uscc",
            "9144030071526726xg",
            "--key",
            keyFile.toString());

    assertThat(run.status()).isZero();
    JwtClaims claims =
        new JwtConsumerBuilder()
            .setVerificationKey(keys.getPublic())
            .setSkipDefaultAudienceValidation()
            .build()
            .processToClaims(run.out());
    assertThat(claims.getStringClaimValue("uscc")).isEqualTo("9144030071526726XG");
  }

  @Test
  void token_unknownRole_isAUsageError() {
    Run run = run("token", "--role", "root", "--sub", "x", "--key", keyFile.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("unknown role").doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void token_subjectWithoutUscc_isAUsageError() {
    Run run = run("token", "--role", "subject", "--sub", "acme", "--key", keyFile.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--uscc");
  }

  @Test
  void token_invalidUscc_isAUsageErrorThatDoesNotEchoIt() {
    Run run =
        run(
            "token",
            "--role",
            "subject",
            "--sub",
            "acme",
            "--uscc",
            "91350100M000100Y44",
            "--key",
            keyFile.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("check character").doesNotContain("91350100M000100Y44");
  }

  @Test
  void token_missingKeyFile_saysWhichFile() {
    Run run =
        run(
            "token",
            "--role",
            "admin",
            "--sub",
            "root",
            "--key",
            dir.resolve("absent.pem").toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("absent.pem");
  }

  @Test
  void token_missingRequiredOption_printsUsage() {
    Run run = run("token", "--role", "admin");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--sub");
  }
}
