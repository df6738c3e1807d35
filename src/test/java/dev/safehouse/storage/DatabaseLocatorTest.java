package dev.safehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the machine's PostgreSQL on localhost:5432 and, for the fallback, zonky. */
class DatabaseLocatorTest {
  private final String database = "safehouse_locator_" + HexFormat.of().formatHex(random(5));

  @AfterEach
  void dropDatabase() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  void locate_nothingConfigured_usesTheLocalServerAndCreatesTheDatabase(@TempDir Path dir)
      throws Exception {
    DatabaseTarget target = new DatabaseLocator(Map.of(), dir, 5432, database).locate();

    assertThat(target.origin()).isEqualTo(DatabaseTarget.Origin.LOCAL_SERVER);
    assertThat(target.reactiveUrl()).isEqualTo("postgresql://localhost:5432/" + database);
    assertThat(selectOne(target)).isEqualTo(1);
    // A second start finds the database in place.
    assertThat(new DatabaseLocator(Map.of(), dir, 5432, database).locate()).isEqualTo(target);
  }

  @Test
  void locate_noLocalServer_startsAnEmbeddedOne(@TempDir Path dir) throws Exception {
    int silentPort = 1; // nothing listens on a privileged port no service uses
    DatabaseTarget target =
        new DatabaseLocator(Map.of(), dir.resolve("pgdata"), silentPort, database).locate();

    assertThat(target.origin()).isEqualTo(DatabaseTarget.Origin.EMBEDDED);
    assertThat(selectOne(target)).isEqualTo(1);
  }

  private static int selectOne(DatabaseTarget target) throws Exception {
    try (Connection c =
            DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
