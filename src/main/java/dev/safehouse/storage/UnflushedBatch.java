package dev.safehouse.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Runs one statement for each of many rows in one transaction whose commit does not wait for a
 * flush ({@code synchronous_commit = off}): for copies and counters whose loss in a crash the
 * caller accepts and documents — never for the audit log.
 */
final class UnflushedBatch {
  private UnflushedBatch() {}

  /** Sets a row's parameters on the statement. */
  interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /** Executes {@code sql} once per row, all in one transaction; nothing if there are no rows. */
  static <T> void execute(DataSource dataSource, String sql, Collection<T> rows, Binder<T> binder)
      throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement relaxed = c.createStatement();
          PreparedStatement s = c.prepareStatement(sql)) {
        relaxed.execute("SET LOCAL synchronous_commit TO OFF");
        for (T row : rows) {
          binder.bind(s, row);
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
