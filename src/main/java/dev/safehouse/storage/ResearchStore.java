package dev.safehouse.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.util.PGInterval;

/**
 * Researchers' projects, queries and runs, and the projects' privacy budgets, in PostgreSQL.
 *
 * <h2>Guarantees</h2>
 *
 * {@link #charge} takes ε from a project's budget in one conditional {@code UPDATE}: concurrent
 * charges serialise on the project's row, and one that would overspend changes nothing — so the
 * budget can never be overspent (a {@code CHECK} constraint backs this up). Nothing here holds a
 * record value: queries are SQL text and plans, runs hold parameters and result hashes.
 */
@ApplicationScoped
public class ResearchStore {
  private static final String PROJECT_COLUMNS =
      "id, researcher, organisation, title, purpose, template, datasets, requested_budget,"
          + " status, decided_by, decision_reason, decided_at, epsilon_budget,"
          + " extract(epoch from budget_refresh)::bigint, epsilon_spent, period_start, created_at";
  private static final String QUERY_COLUMNS =
      "id, project_id, sql_text, plan_hash, plan, parameters::text, status, decided_by,"
          + " decision_reason, decided_at, created_at";

  private final DataSource dataSource;

  ResearchStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A project as stored. */
  public record ProjectRow(
      UUID id,
      String researcher,
      Optional<String> organisation,
      String title,
      String purpose,
      String template,
      List<String> datasets,
      BigDecimal requestedBudget,
      String status,
      Optional<String> decidedBy,
      Optional<String> decisionReason,
      Optional<Instant> decidedAt,
      Optional<BigDecimal> epsilonBudget,
      Optional<Duration> budgetRefresh,
      BigDecimal epsilonSpent,
      Optional<Instant> periodStart,
      Instant createdAt) {}

  /** A query as stored; {@code parametersJson} declares its named parameters and their types. */
  public record QueryRow(
      UUID id,
      UUID projectId,
      String sql,
      String planHash,
      String plan,
      String parametersJson,
      String status,
      Optional<String> decidedBy,
      Optional<String> decisionReason,
      Optional<Instant> decidedAt,
      Instant createdAt) {}

  /** An earlier released run: its SQL and parameter values. */
  public record ReleasedRun(String sql, String parametersJson) {}

  /** A project's budget after a charge: ε spent in the current period, and the budget. */
  public record Budget(BigDecimal spent, BigDecimal budget) {
    /** Returns ε left in the current period. */
    public BigDecimal remaining() {
      return budget.subtract(spent).max(BigDecimal.ZERO);
    }
  }

  /** Stores a new pending project. */
  public void insertProject(ProjectRow p) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO research_project (id, researcher, organisation, title, purpose,"
                    + " template, datasets, requested_budget, status, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)")) {
      s.setObject(1, p.id());
      s.setString(2, p.researcher());
      s.setString(3, p.organisation().orElse(null));
      s.setString(4, p.title());
      s.setString(5, p.purpose());
      s.setString(6, p.template());
      s.setArray(7, c.createArrayOf("text", p.datasets().toArray()));
      s.setBigDecimal(8, p.requestedBudget());
      s.setTimestamp(9, Timestamp.from(p.createdAt()));
      s.executeUpdate();
    }
  }

  /** Finds a project. */
  public Optional<ProjectRow> project(UUID id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT " + PROJECT_COLUMNS + " FROM research_project WHERE id = ?")) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(project(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Lists projects, newest first.
   *
   * @param researcher only this researcher's, or all if empty
   * @param status only in this status, or all if empty
   */
  public List<ProjectRow> projects(Optional<String> researcher, Optional<String> status, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + PROJECT_COLUMNS
                    + " FROM research_project WHERE (?::text IS NULL OR researcher = ?)"
                    + " AND (?::text IS NULL OR status = ?) ORDER BY created_at DESC LIMIT ?")) {
      s.setString(1, researcher.orElse(null));
      s.setString(2, researcher.orElse(null));
      s.setString(3, status.orElse(null));
      s.setString(4, status.orElse(null));
      s.setInt(5, limit);
      List<ProjectRow> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(project(rs));
        }
      }
      return rows;
    }
  }

  /**
   * Decides a pending project. Approval grants {@code epsilonBudget} per {@code refresh} period,
   * starting now.
   *
   * @return the decided project, or empty if it was not pending (already decided)
   */
  public Optional<ProjectRow> decideProject(
      UUID id,
      boolean approve,
      String steward,
      String reason,
      BigDecimal epsilonBudget,
      Duration refresh,
      Instant now)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE research_project SET status = ?, decided_by = ?, decision_reason = ?,"
                    + " decided_at = ?, epsilon_budget = ?, budget_refresh = ?, period_start = ?"
                    + " WHERE id = ? AND status = 'pending' RETURNING "
                    + PROJECT_COLUMNS)) {
      Timestamp at = Timestamp.from(now);
      s.setString(1, approve ? "approved" : "rejected");
      s.setString(2, steward);
      s.setString(3, reason);
      s.setTimestamp(4, at);
      s.setBigDecimal(5, approve ? epsilonBudget : null);
      s.setObject(6, approve ? new PGInterval(0, 0, 0, 0, 0, refresh.toSeconds()) : null);
      s.setTimestamp(7, approve ? at : null);
      s.setObject(8, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(project(rs)) : Optional.empty();
      }
    }
  }

  /** Stores a query that passed the policy check. */
  public void insertQuery(QueryRow q) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO research_query (id, project_id, sql_text, plan_hash, plan,"
                    + " parameters, status, created_at) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)")) {
      s.setObject(1, q.id());
      s.setObject(2, q.projectId());
      s.setString(3, q.sql());
      s.setString(4, q.planHash());
      s.setString(5, q.plan());
      s.setString(6, q.parametersJson());
      s.setString(7, q.status());
      s.setTimestamp(8, Timestamp.from(q.createdAt()));
      s.executeUpdate();
    }
  }

  /** Finds a query. */
  public Optional<QueryRow> query(UUID id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT " + QUERY_COLUMNS + " FROM research_query WHERE id = ?")) {
      s.setObject(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(query(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Lists queries, newest first.
   *
   * @param projectId only this project's, or all if empty
   * @param status only in this status, or all if empty
   */
  public List<QueryRow> queries(Optional<UUID> projectId, Optional<String> status, int limit)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + QUERY_COLUMNS
                    + " FROM research_query WHERE (?::uuid IS NULL OR project_id = ?)"
                    + " AND (?::text IS NULL OR status = ?) ORDER BY created_at DESC LIMIT ?")) {
      s.setObject(1, projectId.orElse(null));
      s.setObject(2, projectId.orElse(null));
      s.setString(3, status.orElse(null));
      s.setString(4, status.orElse(null));
      s.setInt(5, limit);
      List<QueryRow> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(query(rs));
        }
      }
      return rows;
    }
  }

  /**
   * Decides a pending query.
   *
   * @return the decided query, or empty if it was not pending
   */
  public Optional<QueryRow> decideQuery(
      UUID id, boolean approve, String steward, String reason, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE research_query SET status = ?, decided_by = ?, decision_reason = ?,"
                    + " decided_at = ? WHERE id = ? AND status = 'pending' RETURNING "
                    + QUERY_COLUMNS)) {
      s.setString(1, approve ? "approved" : "rejected");
      s.setString(2, steward);
      s.setString(3, reason);
      s.setTimestamp(4, Timestamp.from(now));
      s.setObject(5, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(query(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Charges {@code epsilon} to an approved project's budget and records the run as charged, in one
   * transaction. A period that has ended is reset first.
   *
   * @return the budget after the charge, or empty if it would overspend (nothing changed)
   */
  public Optional<Budget> charge(
      UUID projectId,
      UUID runId,
      UUID queryId,
      String parametersJson,
      BigDecimal epsilon,
      Instant now)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<Budget> budget;
        try (PreparedStatement s =
            c.prepareStatement(
                "UPDATE research_project SET"
                    + " epsilon_spent = (CASE WHEN period_start + budget_refresh <= ? THEN 0"
                    + " ELSE epsilon_spent END) + ?,"
                    + " period_start = CASE WHEN period_start + budget_refresh <= ? THEN ?"
                    + " ELSE period_start END"
                    + " WHERE id = ? AND status = 'approved'"
                    + " AND (CASE WHEN period_start + budget_refresh <= ? THEN 0"
                    + " ELSE epsilon_spent END) + ? <= epsilon_budget"
                    + " RETURNING epsilon_spent, epsilon_budget")) {
          Timestamp at = Timestamp.from(now);
          s.setTimestamp(1, at);
          s.setBigDecimal(2, epsilon);
          s.setTimestamp(3, at);
          s.setTimestamp(4, at);
          s.setObject(5, projectId);
          s.setTimestamp(6, at);
          s.setBigDecimal(7, epsilon);
          try (ResultSet rs = s.executeQuery()) {
            budget =
                rs.next()
                    ? Optional.of(new Budget(rs.getBigDecimal(1), rs.getBigDecimal(2)))
                    : Optional.empty();
          }
        }
        if (budget.isPresent()) {
          insertRun(c, runId, queryId, projectId, parametersJson, epsilon, Timestamp.from(now));
        }
        c.commit();
        return budget;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Returns a project's budget as it stands, counting an ended period as reset. */
  public Optional<Budget> budget(UUID projectId, Instant now) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT CASE WHEN period_start + budget_refresh <= ? THEN 0 ELSE epsilon_spent"
                    + " END, epsilon_budget FROM research_project WHERE id = ?"
                    + " AND epsilon_budget IS NOT NULL")) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setObject(2, projectId);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new Budget(rs.getBigDecimal(1), rs.getBigDecimal(2)))
            : Optional.empty();
      }
    }
  }

  /** Records a run that charges no budget. */
  public void insertRun(UUID runId, UUID queryId, UUID projectId, String parametersJson)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      insertRun(c, runId, queryId, projectId, parametersJson, BigDecimal.ZERO, null);
    }
  }

  private static void insertRun(
      Connection c,
      UUID runId,
      UUID queryId,
      UUID projectId,
      String parametersJson,
      BigDecimal epsilon,
      Timestamp at)
      throws SQLException {
    // A charged run is stamped with the charge's time, so that the run that opens a new budget
    // period is created exactly at the period's start; otherwise the database's clock.
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO research_run (id, query_id, project_id, parameters, epsilon, status,"
                + " created_at) VALUES (?, ?, ?, ?::jsonb, ?, 'charged', COALESCE(?, now()))")) {
      s.setObject(1, runId);
      s.setObject(2, queryId);
      s.setObject(3, projectId);
      s.setString(4, parametersJson);
      s.setBigDecimal(5, epsilon);
      s.setTimestamp(6, at);
      s.executeUpdate();
    }
  }

  /** Marks a run released, refused or failed. */
  public void finishRun(UUID runId, String status, Optional<String> resultHash)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE research_run SET status = ?, result_hash = ? WHERE id = ?")) {
      s.setString(1, status);
      s.setString(2, resultHash.orElse(null));
      s.setObject(3, runId);
      s.executeUpdate();
    }
  }

  /** Returns a project's released runs, oldest first, for the differencing guard. */
  public List<ReleasedRun> releasedRuns(UUID projectId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT q.sql_text, r.parameters::text FROM research_run r"
                    + " JOIN research_query q ON q.id = r.query_id"
                    + " WHERE r.project_id = ? AND r.status = 'released' ORDER BY r.created_at")) {
      s.setObject(1, projectId);
      List<ReleasedRun> runs = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          runs.add(new ReleasedRun(rs.getString(1), rs.getString(2)));
        }
      }
      return runs;
    }
  }

  private static ProjectRow project(ResultSet rs) throws SQLException {
    Array datasets = rs.getArray(7);
    long refreshSeconds = rs.getLong(14);
    boolean hasRefresh = !rs.wasNull();
    return new ProjectRow(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        Optional.ofNullable(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        Arrays.asList((String[]) datasets.getArray()),
        rs.getBigDecimal(8),
        rs.getString(9),
        Optional.ofNullable(rs.getString(10)),
        Optional.ofNullable(rs.getString(11)),
        instant(rs, 12),
        Optional.ofNullable(rs.getBigDecimal(13)),
        hasRefresh ? Optional.of(Duration.ofSeconds(refreshSeconds)) : Optional.empty(),
        rs.getBigDecimal(15),
        instant(rs, 16),
        rs.getTimestamp(17).toInstant());
  }

  private static QueryRow query(ResultSet rs) throws SQLException {
    return new QueryRow(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        Optional.ofNullable(rs.getString(8)),
        Optional.ofNullable(rs.getString(9)),
        instant(rs, 10),
        rs.getTimestamp(11).toInstant());
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? Optional.empty() : Optional.of(at.toInstant());
  }
}
