package dev.safehouse.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Daily score counters per institution and per (institution, enterprise), in PostgreSQL.
 *
 * <h2>Guarantees</h2>
 *
 * {@link #take} raises both counters in one transaction, each by one conditional upsert ({@code
 * INSERT … ON CONFLICT DO UPDATE … WHERE count < limit}) that PostgreSQL serialises on the
 * counter's row: concurrent takes never exceed a limit, and a take refused by either counter
 * changes neither. Every take locks the institution's row before the enterprise's, so concurrent
 * takes cannot deadlock. Counts survive restarts; rows of past days are kept.
 */
@ApplicationScoped
public class ScoreQuotaStore {
  /** The uscc of the row that counts an institution's total; never a valid code. */
  static final String ALL_ENTERPRISES = "*";

  private static final String TAKE =
      "INSERT INTO score_quota_usage AS u (institution, uscc, day, count)"
          + " SELECT ?, ?, ?, 1 WHERE ? >= 1"
          + " ON CONFLICT (institution, uscc, day) DO UPDATE SET count = u.count + 1"
          + " WHERE u.count < ? RETURNING u.count";

  private final DataSource dataSource;

  ScoreQuotaStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What a take found. */
  public enum Outcome {
    /** Both counters were raised. */
    TAKEN,
    /** The institution's total for the day is at its limit; nothing changed. */
    INSTITUTION_LIMIT,
    /** The institution's count for this enterprise is at its limit; nothing changed. */
    ENTERPRISE_LIMIT
  }

  /**
   * Counts one score for {@code institution} about {@code uscc} on {@code day}, unless either limit
   * is reached.
   *
   * @param uscc the enterprise's canonical code
   * @param institutionLimit scores per day the institution may take in total; 0 refuses all
   * @param enterpriseLimit scores per day the institution may take about one enterprise
   */
  public Outcome take(
      String institution, String uscc, LocalDate day, int institutionLimit, int enterpriseLimit)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // Every score of an institution raises its one total row, so that row's lock is taken
        // last and held without waiting for a flush: a crash may forget the last few counts
        // (allowing a few more scores that day), which a quota against scraping can afford.
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL synchronous_commit TO OFF");
        }
        Outcome outcome;
        if (!raise(c, institution, uscc, day, enterpriseLimit)) {
          outcome = Outcome.ENTERPRISE_LIMIT;
        } else if (!raise(c, institution, ALL_ENTERPRISES, day, institutionLimit)) {
          outcome = Outcome.INSTITUTION_LIMIT;
        } else {
          outcome = Outcome.TAKEN;
        }
        if (outcome == Outcome.TAKEN) {
          c.commit();
        } else {
          c.rollback();
        }
        return outcome;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Returns the count of {@code institution} about {@code uscc} on {@code day}; 0 if none. */
  public int used(String institution, String uscc, LocalDate day) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT count FROM score_quota_usage WHERE institution = ? AND uscc = ?"
                    + " AND day = ?")) {
      s.setString(1, institution);
      s.setString(2, uscc);
      s.setObject(3, day);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** Returns the institution's total on {@code day}; 0 if none. */
  public int used(String institution, LocalDate day) throws SQLException {
    return used(institution, ALL_ENTERPRISES, day);
  }

  private static boolean raise(
      Connection c, String institution, String uscc, LocalDate day, int limit) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(TAKE)) {
      s.setString(1, institution);
      s.setString(2, uscc);
      s.setObject(3, day);
      s.setInt(4, limit);
      s.setInt(5, limit);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }
}
