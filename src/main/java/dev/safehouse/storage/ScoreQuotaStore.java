package dev.safehouse.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Daily score counters per institution and per (institution, enterprise), in PostgreSQL: the
 * durable copy of the counts {@code ScoreQuotas} keeps in memory.
 *
 * <h2>Guarantees</h2>
 *
 * {@link #save} only ever raises a stored count (it keeps the larger of the stored and the given
 * value), so writes that arrive out of order or twice cannot lower a counter. Rows of past days are
 * deleted by {@link #deleteBefore}.
 */
@ApplicationScoped
public class ScoreQuotaStore {
  /** The uscc of the row that counts an institution's total; never a valid code. */
  public static final String ALL_ENTERPRISES = "*";

  private static final String SAVE =
      "INSERT INTO score_quota_usage AS u (institution, uscc, day, count) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (institution, uscc, day) DO UPDATE"
          + " SET count = GREATEST(u.count, excluded.count)";

  private final DataSource dataSource;

  ScoreQuotaStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One counter's value.
   *
   * @param uscc the enterprise's canonical code, or {@link #ALL_ENTERPRISES} for the total
   * @param count scores counted; positive
   */
  public record Count(String institution, String uscc, LocalDate day, int count) {}

  /**
   * Raises the stored counters to {@code counts}, in one transaction that does not wait for a flush
   * (a crash may forget the last writes; the caller documents what that allows).
   */
  public void save(Collection<Count> counts) throws SQLException {
    UnflushedBatch.execute(
        dataSource,
        SAVE,
        counts,
        (s, count) -> {
          s.setString(1, count.institution());
          s.setString(2, count.uscc());
          s.setObject(3, count.day());
          s.setInt(4, count.count());
        });
  }

  /** Deletes the counters of days before {@code day}; returns how many rows went. */
  public int deleteBefore(LocalDate day) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM score_quota_usage WHERE day < ?")) {
      s.setObject(1, day);
      return s.executeUpdate();
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
}
