package dev.safehouse.storage;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Parses a PostgreSQL location as operators write it — {@code postgresql://host:5432/db}, {@code
 * postgres://user:secret@host/db?sslmode=require} or {@code jdbc:postgresql://host/db} — into its
 * parts.
 *
 * @param host the server host
 * @param port the server port, 5432 when absent
 * @param database the database name
 * @param query the query string without {@code ?}, or empty
 * @param user the user from the URL, or empty
 * @param password the password from the URL, or empty; never logged
 */
public record DatabaseUrl(
    String host, int port, String database, String query, String user, String password) {

  /**
   * Parses {@code raw}.
   *
   * @throws IllegalArgumentException if it is not a PostgreSQL URL with a host and a database; the
   *     message never repeats the URL, which may hold a password
   */
  public static DatabaseUrl parse(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.startsWith("jdbc:")) {
      text = text.substring("jdbc:".length());
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("SAFEHOUSE_DB_URL is not a valid URL");
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw new IllegalArgumentException(
          "SAFEHOUSE_DB_URL must start with postgresql://, postgres:// or jdbc:postgresql://");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (uri.getHost() == null || path.isEmpty()) {
      throw new IllegalArgumentException("SAFEHOUSE_DB_URL must name a host and a database");
    }
    String user = "";
    String password = "";
    if (uri.getUserInfo() != null) {
      String[] parts = uri.getUserInfo().split(":", 2);
      user = parts[0];
      password = parts.length > 1 ? parts[1] : "";
    }
    return new DatabaseUrl(
        uri.getHost(),
        uri.getPort() < 0 ? 5432 : uri.getPort(),
        path,
        uri.getQuery() == null ? "" : uri.getQuery(),
        user,
        password);
  }

  /** Returns the Vert.x reactive client URL, without credentials. */
  public String reactiveUrl() {
    return "postgresql://"
        + host
        + ":"
        + port
        + "/"
        + database
        + (query.isEmpty() ? "" : "?" + query);
  }

  /** Returns the JDBC URL, without credentials. */
  public String jdbcUrl() {
    return "jdbc:" + reactiveUrl();
  }

  @Override
  public String toString() {
    return reactiveUrl();
  }
}
