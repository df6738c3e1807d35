package dev.safehouse.testing;

import dev.safehouse.crypto.CryptoSuite;
import dev.safehouse.crypto.InsecureDevKeyGenerator;
import dev.safehouse.crypto.Signer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Gives each Quarkus test run its own PostgreSQL database on the local server (dropped afterwards)
 * and its own in-memory token-signing key pair.
 *
 * <p>The server is {@code SAFEHOUSE_TEST_PG_HOST}:{@code SAFEHOUSE_TEST_PG_PORT} (default {@code
 * 127.0.0.1:5432}) as {@code SAFEHOUSE_TEST_PG_USER} (default {@code postgres}) with {@code
 * SAFEHOUSE_TEST_PG_PASSWORD} (default empty). The private key reaches the tests through the system
 * property {@value TestTokens#PRIVATE_KEY_PROPERTY}; {@code keys-dev/} is never used.
 *
 * <p>The service is deployed in the crypto suite {@link TestSuite#current()} ({@code
 * -Dsafehouse.test.suite=intl|sm}, default {@code intl}): {@code safehouse.crypto.suite} is set to
 * it and the development platform key is of that suite.
 */
@QuarkusTestResource(SafehouseTestResources.class)
public final class SafehouseTestResources implements QuarkusTestResourceLifecycleManager {
  private String adminUrl;
  private String user;
  private String password;
  private String database;

  @Override
  public Map<String, String> start() {
    String host = env("SAFEHOUSE_TEST_PG_HOST", "127.0.0.1");
    String port = env("SAFEHOUSE_TEST_PG_PORT", "5432");
    user = env("SAFEHOUSE_TEST_PG_USER", "postgres");
    password = env("SAFEHOUSE_TEST_PG_PASSWORD", "");
    adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    byte[] suffix = new byte[6];
    new SecureRandom().nextBytes(suffix);
    database = "safehouse_test_" + HexFormat.of().formatHex(suffix);
    execute("CREATE DATABASE " + database);

    CryptoSuite suite = TestSuite.publish();
    KeyPair keys = generateRsaKeys();
    System.setProperty(
        TestTokens.PRIVATE_KEY_PROPERTY,
        Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
    String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    String masterKeyUri = writeMasterKeyset();

    return Map.of(
        "safehouse.crypto.suite",
        TestSuite.current().wireName(),
        "quarkus.datasource.reactive.url",
        "postgresql://" + host + ":" + port + "/" + database,
        "quarkus.datasource.jdbc.url",
        "jdbc:postgresql://" + host + ":" + port + "/" + database,
        "quarkus.datasource.username",
        user,
        "quarkus.datasource.password",
        password,
        "mp.jwt.verify.publickey",
        publicKey,
        "safehouse.enclave.master-key-uri",
        masterKeyUri,
        "safehouse.enclave.platform-key-file",
        writePlatformKey());
  }

  @Override
  public void stop() {
    if (database != null) {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "tests need a PostgreSQL at "
              + adminUrl
              + " (set SAFEHOUSE_TEST_PG_*): "
              + e.getMessage(),
          e);
    }
  }

  /** A fresh master keyset for this run, in a temporary file the local KMS reads. */
  private static String writeMasterKeyset() {
    try {
      Path file = Files.createTempFile("safehouse-test-master-", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, InsecureDevKeyGenerator.masterKeysetJson());
      return "local-kms://" + file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fresh development platform key of the run's suite ({@link TestSuite}); its public half
   * reaches tests as {@value TestTokens#PLATFORM_KEY_PROPERTY}.
   */
  private static String writePlatformKey() {
    try {
      Signer platform = TestSuite.current().newSigner();
      Path file = Files.createTempFile("safehouse-test-platform-", ".key");
      file.toFile().deleteOnExit();
      Files.writeString(file, platform.toInsecureText());
      System.setProperty(TestTokens.PLATFORM_KEY_PROPERTY, platform.verifier().toText());
      return file.toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair generateRsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
