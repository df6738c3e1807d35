package dev.safehouse.storage;

import java.util.Objects;

/**
 * Where the service's PostgreSQL is, in the two URL forms the service needs: the reactive client's
 * ({@code postgresql://host:port/db}) and Flyway's JDBC one.
 *
 * @param origin how the target was chosen, for the start-up report
 * @param reactiveUrl the Vert.x client URL, without credentials
 * @param jdbcUrl the JDBC URL, without credentials
 * @param username the database user
 * @param password the password, empty for trust authentication; never logged
 */
public record DatabaseTarget(
    Origin origin, String reactiveUrl, String jdbcUrl, String username, String password) {

  /** How a target was chosen. */
  public enum Origin {
    /** From {@code SAFEHOUSE_DB_URL} and friends. */
    CONFIGURED,
    /** A PostgreSQL that answered on localhost:5432. */
    LOCAL_SERVER,
    /** An embedded PostgreSQL started by this process. */
    EMBEDDED
  }

  /** Validates that every part is present. */
  public DatabaseTarget {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reactiveUrl, "reactiveUrl");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** Returns a one-line description without the password, for start-up output. */
  public String describe() {
    return switch (origin) {
          case CONFIGURED -> "configured PostgreSQL (SAFEHOUSE_DB_URL) ";
          case LOCAL_SERVER -> "local PostgreSQL ";
          case EMBEDDED -> "embedded PostgreSQL ";
        }
        + reactiveUrl
        + " as "
        + username;
  }

  @Override
  public String toString() {
    return describe();
  }
}
