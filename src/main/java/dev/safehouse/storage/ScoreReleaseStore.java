package dev.safehouse.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
   * A kept copy of something released to an institution.
   *
   * @param kind {@code score} or {@code batch}
   * @param bodyJson the answer as it was released
   */
  public record Kept(UUID id, String institution, String kind, String bodyJson) {}

  /**
   * Stores released scores and batch answers, in one transaction; ids already stored are skipped,
   * so a retried write is harmless. The copies are a convenience — the durable record of a release
   * is its audit entry — so the commit does not wait for a flush: a crash may lose the last few
   * copies, never an audit entry.
   */
  public void save(List<Kept> copies) throws SQLException {
    UnflushedBatch.execute(
        dataSource,
        "INSERT INTO score_release (id, institution, kind, body)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        copies,
        (s, copy) -> {
          s.setObject(1, copy.id());
          s.setString(2, copy.institution());
          s.setString(3, copy.kind());
          s.setString(4, copy.bodyJson());
        });
  }

  /** Returns the body of {@code id} if it was released to {@code institution} as {@code kind}. */
  public Optional<String> find(UUID id, String institution, String kind) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT body FROM score_release WHERE id = ? AND institution = ? AND kind = ?")) {
      s.setObject(1, id);
      s.setString(2, institution);
      s.setString(3, kind);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
