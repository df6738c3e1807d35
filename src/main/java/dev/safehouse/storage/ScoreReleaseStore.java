package dev.safehouse.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What was released to an institution — a score with its receipt, or a batch's answers — kept so
 * that institution, and only it, can fetch it again by id.
 */
@ApplicationScoped
public class ScoreReleaseStore {
  private final DataSource dataSource;

  ScoreReleaseStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores a released score ({@code kind = score}) or batch answer ({@code kind = batch}). The copy
   * is a convenience — the durable record of the release is its audit entry — so the insert does
   * not wait for a flush: a crash may lose the last few copies, never an audit entry.
   */
  public void save(UUID id, String institution, String kind, String bodyJson) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement relaxed = c.createStatement();
          PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO score_release (id, institution, kind, body)"
                      + " VALUES (?, ?, ?, ?::jsonb)")) {
        relaxed.execute("SET LOCAL synchronous_commit TO OFF");
        s.setObject(1, id);
        s.setString(2, institution);
        s.setString(3, kind);
        s.setString(4, bodyJson);
        s.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Returns the body of {@code id} if it was released to {@code institution} as {@code kind}. */
  public Optional<String> find(UUID id, String institution, String kind) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT body::text FROM score_release WHERE id = ? AND institution = ? AND kind = ?")) {
      s.setObject(1, id);
      s.setString(2, institution);
      s.setString(3, kind);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
