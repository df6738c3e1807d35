package dev.safehouse.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads a project's runs ({@code research_run} rows, written by {@link ResearchStore}): which query
 * ran, its status and the ε it charged. Parameters and result hashes are not read.
 */
@ApplicationScoped
public class ResearchRunStore {
  private final DataSource dataSource;

  ResearchRunStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * A run as listed.
   *
   * @param id the run
   * @param queryId the query it ran
   * @param status charged, released, refused or failed
   * @param epsilon ε charged to the project's budget (0 without differential privacy)
   * @param createdAt when it was charged
   */
  public record RunRow(
      UUID id, UUID queryId, String status, BigDecimal epsilon, Instant createdAt) {}

  /** Returns a project's runs, newest first, at most {@code limit}. */
  public List<RunRow> runs(UUID projectId, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, query_id, status, epsilon, created_at FROM research_run"
                    + " WHERE project_id = ? ORDER BY created_at DESC, id LIMIT ?")) {
      s.setObject(1, projectId);
      s.setInt(2, limit);
      List<RunRow> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new RunRow(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getBigDecimal(4),
                  rs.getTimestamp(5).toInstant()));
        }
      }
      return rows;
    }
  }
}
