package dev.safehouse.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Enterprises' consents to institutions, in PostgreSQL.
 *
 * <h2>Guarantees</h2>
 *
 * A consent is never deleted and its terms never change: the only update sets {@code revoked_at},
 * once. {@link #revoke} is scoped to the granting enterprise in the same statement that revokes, so
 * a consent can only be revoked by its own enterprise whatever the caller checked before.
 */
@ApplicationScoped
public class ConsentStore {
  private static final String COLUMNS =
      "id, uscc, institution, purposes, valid_until, granted_by, granted_at, revoked_at";

  private final DataSource dataSource;

  ConsentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A consent as stored.
   *
   * @param uscc the granting enterprise's canonical code
   * @param institution the organisation id of the institution it was granted to
   * @param purposes the purposes granted, sorted, without duplicates
   * @param grantedBy the {@code sub} of the enterprise's token that granted it
   */
  public record ConsentRow(
      UUID id,
      String uscc,
      String institution,
      List<String> purposes,
      Instant validUntil,
      String grantedBy,
      Instant grantedAt,
      Optional<Instant> revokedAt) {
    /** Copies the purposes. */
    public ConsentRow {
      purposes = List.copyOf(purposes);
    }
  }

  /** Stores a new consent. */
  public void insert(ConsentRow row) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO consent (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setObject(1, row.id());
      s.setString(2, row.uscc());
      s.setString(3, row.institution());
      s.setArray(4, c.createArrayOf("text", row.purposes().toArray()));
      s.setTimestamp(5, Timestamp.from(row.validUntil()));
      s.setString(6, row.grantedBy());
      s.setTimestamp(7, Timestamp.from(row.grantedAt()));
      s.setTimestamp(8, row.revokedAt().map(Timestamp::from).orElse(null));
      s.executeUpdate();
    }
  }

  /** Finds a consent by id. */
  public Optional<ConsentRow> consent(UUID id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM consent WHERE id = ?")) {
      s.setObject(1, id);
      List<ConsentRow> rows = read(s);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  /** Lists the consents an enterprise granted, newest first. */
  public List<ConsentRow> grantedBy(String uscc, int limit) throws SQLException {
    return list("uscc", uscc, limit);
  }

  /** Lists the consents granted to an institution, newest first. */
  public List<ConsentRow> grantedTo(String institution, int limit) throws SQLException {
    return list("institution", institution, limit);
  }

  /**
   * Revokes an enterprise's consent at {@code now}; a consent already revoked keeps its first
   * revocation time.
   *
   * @return the consent after the update, or empty if {@code uscc} granted no consent {@code id}
   */
  public Optional<ConsentRow> revoke(UUID id, String uscc, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE consent SET revoked_at = COALESCE(revoked_at, ?)"
                    + " WHERE id = ? AND uscc = ? RETURNING "
                    + COLUMNS)) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setObject(2, id);
      s.setString(3, uscc);
      List<ConsentRow> rows = read(s);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  private List<ConsentRow> list(String column, String value, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM consent WHERE "
                    + column
                    + " = ? ORDER BY granted_at DESC, id LIMIT ?")) {
      s.setString(1, value);
      s.setInt(2, limit);
      return read(s);
    }
  }

  private static List<ConsentRow> read(PreparedStatement s) throws SQLException {
    List<ConsentRow> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Timestamp revoked = rs.getTimestamp(8);
        rows.add(
            new ConsentRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                Arrays.asList((String[]) rs.getArray(4).getArray()),
                rs.getTimestamp(5).toInstant(),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                revoked == null ? Optional.empty() : Optional.of(revoked.toInstant())));
      }
    }
    return rows;
  }
}
