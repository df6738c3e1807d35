package dev.safehouse.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chooses the PostgreSQL a locally started service uses, so that a newcomer needs no database
 * set-up: {@code SAFEHOUSE_DB_URL} (with {@code SAFEHOUSE_DB_USER}, {@code SAFEHOUSE_DB_PASSWORD})
 * when set; otherwise a PostgreSQL answering on {@code localhost:5432} (database {@code safehouse},
 * created if missing); otherwise an embedded PostgreSQL whose data lives in {@code
 * .safehouse/pgdata}.
 *
 * <p>Used only by the start-up entry point, never by tests, which create their own databases.
 */
public final class DatabaseLocator {
  /** Database created and used on a local or embedded server. */
  public static final String DEFAULT_DATABASE = "safehouse";

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final int PROBE_TIMEOUT_MILLIS = 500;

  private final Map<String, String> env;
  private final Path dataDirectory;
  private final int localPort;
  private final String database;

  /**
   * Creates a locator that probes {@code localhost:5432} and uses database {@value
   * #DEFAULT_DATABASE}.
   *
   * @param env the process environment (a map, so tests can pass their own)
   * @param dataDirectory where an embedded server keeps its data
   */
  public DatabaseLocator(Map<String, String> env, Path dataDirectory) {
    this(env, dataDirectory, 5432, DEFAULT_DATABASE);
  }

  /** Creates a locator probing another local port and using another database; for tests. */
  DatabaseLocator(Map<String, String> env, Path dataDirectory, int localPort, String database) {
    this.env = Map.copyOf(env);
    this.dataDirectory = dataDirectory;
    this.localPort = localPort;
    this.database = database;
  }

  /**
   * Chooses and, where needed, prepares the database.
   *
   * @throws DatabaseUnavailableException with a message that tells the operator what to do
   */
  public DatabaseTarget locate() {
    String configured = env.get("SAFEHOUSE_DB_URL");
    if (configured != null && !configured.isBlank()) {
      DatabaseUrl url;
      try {
        url = DatabaseUrl.parse(configured);
      } catch (IllegalArgumentException e) {
        throw new DatabaseUnavailableException(e.getMessage());
      }
      String user =
          env.getOrDefault("SAFEHOUSE_DB_USER", url.user().isEmpty() ? "postgres" : url.user());
      String password = env.getOrDefault("SAFEHOUSE_DB_PASSWORD", url.password());
      return new DatabaseTarget(
          DatabaseTarget.Origin.CONFIGURED, url.reactiveUrl(), url.jdbcUrl(), user, password);
    }
    String user = env.getOrDefault("SAFEHOUSE_DB_USER", "postgres");
    String password = env.getOrDefault("SAFEHOUSE_DB_PASSWORD", "");
    if (answers("localhost", localPort)) {
      DatabaseUrl server = DatabaseUrl.parse("postgresql://localhost:" + localPort + "/postgres");
      try {
        ensureDatabase(server.jdbcUrl(), user, password, database);
      } catch (SQLException e) {
        throw new DatabaseUnavailableException(
            "a PostgreSQL answers on localhost:"
                + localPort
                + " but refused user '"
                + user
                + "' ("
                + e.getSQLState()
                + "); set SAFEHOUSE_DB_USER and SAFEHOUSE_DB_PASSWORD, or SAFEHOUSE_DB_URL",
            e);
      }
      DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost:" + localPort + "/" + database);
      return new DatabaseTarget(
          DatabaseTarget.Origin.LOCAL_SERVER, url.reactiveUrl(), url.jdbcUrl(), user, password);
    }
    return startEmbedded();
  }

  private DatabaseTarget startEmbedded() {
    EmbeddedPostgres embedded;
    try {
      Files.createDirectories(dataDirectory);
      embedded =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .start();
    } catch (IOException | RuntimeException e) {
      throw new DatabaseUnavailableException(
          "no PostgreSQL answers on localhost:"
              + localPort
              + " and an embedded PostgreSQL could not start"
              + " (as root it needs user namespaces, see 'unshare --user'). Point Safehouse at a"
              + " server instead: SAFEHOUSE_DB_URL=postgresql://HOST:5432/DB SAFEHOUSE_DB_USER=..."
              + " SAFEHOUSE_DB_PASSWORD=...",
          e);
    }
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> closeQuietly(embedded), "embedded-pg-stop"));
    DatabaseUrl server =
        DatabaseUrl.parse("postgresql://localhost:" + embedded.getPort() + "/postgres");
    try {
      ensureDatabase(server.jdbcUrl(), "postgres", "", database);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "the embedded PostgreSQL started but refused a connection", e);
    }
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://localhost:" + embedded.getPort() + "/" + database);
    return new DatabaseTarget(
        DatabaseTarget.Origin.EMBEDDED, url.reactiveUrl(), url.jdbcUrl(), "postgres", "");
  }

  /**
   * Creates {@code database} on the server behind {@code adminJdbcUrl} unless it exists.
   *
   * @throws IllegalArgumentException if {@code database} is not a plain lower-case identifier
   * @throws SQLException if the server refuses the connection or the statement
   */
  public static void ensureDatabase(
      String adminJdbcUrl, String user, String password, String database) throws SQLException {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("database names are lower-case identifiers");
    }
    try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        // Identifier checked against DATABASE_NAME above; CREATE DATABASE takes no bind parameters.
        create.execute("CREATE DATABASE " + database);
      }
    }
  }

  /** Returns whether something accepts TCP connections on {@code host:port} within 500 ms. */
  static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException e) {
      System.err.println("safehouse: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
