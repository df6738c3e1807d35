package dev.safehouse.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseUrlTest {

  @Test
  void parse_postgresqlUrlWithCredentialsAndQuery_splitsParts() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://svc:s3cret@db.internal:6543/credit?sslmode=require");
    assertThat(url.host()).isEqualTo("db.internal");
    assertThat(url.port()).isEqualTo(6543);
    assertThat(url.database()).isEqualTo("credit");
    assertThat(url.user()).isEqualTo("svc");
    assertThat(url.password()).isEqualTo("s3cret");
    assertThat(url.reactiveUrl()).isEqualTo("postgresql://db.internal:6543/credit?sslmode=require");
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/credit?sslmode=require");
    assertThat(url.toString()).doesNotContain("s3cret");
  }

  @Test
  void parse_jdbcAndPostgresSchemes_defaultPort() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://h/d").reactiveUrl())
        .isEqualTo("postgresql://h:5432/d");
    assertThat(DatabaseUrl.parse(" postgres://h/d ").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h:5432/d");
  }

  @Test
  void parse_invalid_failsWithoutEchoingTheUrl() {
    for (String bad :
        new String[] {"mysql://u:pw@h/d", "postgresql://u:pw@h", "not a url at all", ""}) {
      assertThatThrownBy(() -> DatabaseUrl.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw").doesNotContain("mysql"));
    }
  }

  @Test
  void locate_configuredUrl_wins_andUserAndPasswordComeFromFriends(
      @TempDir java.nio.file.Path dir) {
    DatabaseTarget target =
        new DatabaseLocator(
                Map.of(
                    "SAFEHOUSE_DB_URL", "postgresql://db.example:5433/credit",
                    "SAFEHOUSE_DB_USER", "svc",
                    "SAFEHOUSE_DB_PASSWORD", "pw"),
                dir)
            .locate();
    assertThat(target.origin()).isEqualTo(DatabaseTarget.Origin.CONFIGURED);
    assertThat(target.reactiveUrl()).isEqualTo("postgresql://db.example:5433/credit");
    assertThat(target.username()).isEqualTo("svc");
    assertThat(target.password()).isEqualTo("pw");
    assertThat(target.describe()).doesNotContain("pw");
  }

  @Test
  void locate_invalidConfiguredUrl_explainsWhatToSet(@TempDir java.nio.file.Path dir) {
    assertThatThrownBy(
            () -> new DatabaseLocator(Map.of("SAFEHOUSE_DB_URL", "mysql://x/y"), dir).locate())
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageContaining("SAFEHOUSE_DB_URL");
  }
}
