package dev.safehouse.enclave.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * The enclave's tables: one per data source, in an in-memory DuckDB database, plus the {@code
 * fused} view that joins them on {@code uscc}.
 *
 * <h2>Security guarantees</h2>
 *
 * The database exists only in this process's memory: it is opened as {@code jdbc:duckdb:} (no
 * file), with external access disabled (no {@code COPY … TO}, no {@code read_csv}, no extensions
 * installed or loaded) and spilling to disk turned off, and the configuration is locked so later
 * SQL cannot re-enable any of it. Error messages from this class never contain cell values. Not
 * guaranteed: DuckDB's own native library is unpacked to the temporary directory when first loaded;
 * that file holds code, not data.
 */
public final class EnclaveTables implements AutoCloseable {
  private final DuckDBConnection connection;
  private final Map<String, Long> rowCounts = new TreeMap<>();

  private EnclaveTables(DuckDBConnection connection) {
    this.connection = connection;
  }

  /**
   * Opens an empty in-memory database with external access, extensions and spilling disabled.
   *
   * @throws StoreException if DuckDB cannot start
   */
  public static EnclaveTables open() {
    try {
      return openDuckDb();
    } catch (SQLException e) {
      throw new StoreException("opening the database", e);
    }
  }

  private static EnclaveTables openDuckDb() throws SQLException {
    Properties settings = new Properties();
    settings.setProperty("enable_external_access", "false");
    settings.setProperty("autoinstall_known_extensions", "false");
    settings.setProperty("autoload_known_extensions", "false");
    settings.setProperty("temp_directory", "");
    // The driver directly, not DriverManager: no other JDBC URL can be reached from here, and it
    // works whatever class loader the caller runs in.
    Connection raw = new DuckDBDriver().connect("jdbc:duckdb:", settings);
    try (Statement s = raw.createStatement()) {
      s.execute("SET lock_configuration = true");
    }
    return new EnclaveTables(raw.unwrap(DuckDBConnection.class));
  }

  /**
   * Replaces table {@code name} with {@code rows}, atomically: readers see the old table or the new
   * one, never a mix. Each row holds one value per column, in column order.
   *
   * @return the number of rows loaded
   * @throws IllegalArgumentException if the name is not an identifier or a row has the wrong shape
   * @throws StoreException if DuckDB refuses the data
   */
  public long replaceTable(String name, List<ColumnDef> columns, Iterator<Object[]> rows) {
    try {
      return replace(name, columns, rows);
    } catch (SQLException e) {
      throw new StoreException("loading table " + name, e);
    }
  }

  private long replace(String name, List<ColumnDef> columns, Iterator<Object[]> rows)
      throws SQLException {
    if (!ColumnDef.isIdentifier(name) || "fused".equals(name)) {
      throw new IllegalArgumentException("table names are lower-case SQL identifiers");
    }
    String staging = name + "__loading";
    StringJoiner ddl = new StringJoiner(", ", "CREATE OR REPLACE TABLE " + staging + " (", ")");
    for (ColumnDef column : columns) {
      ddl.add(column.name() + " " + column.type().name());
    }
    long count = 0;
    try (Statement s = connection.createStatement()) {
      s.execute(ddl.toString());
      try (DuckDBAppender appender =
          connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, staging)) {
        while (rows.hasNext()) {
          appendRow(appender, columns, rows.next());
          count++;
        }
      }
      connection.setAutoCommit(false);
      try {
        s.execute("DROP TABLE IF EXISTS " + name + " CASCADE");
        s.execute("ALTER TABLE " + staging + " RENAME TO " + name);
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
    rowCounts.put(name, count);
    return count;
  }

  private static void appendRow(DuckDBAppender appender, List<ColumnDef> columns, Object[] row)
      throws SQLException {
    if (row.length != columns.size()) {
      throw new IllegalArgumentException(
          "a row has " + row.length + " values for " + columns.size() + " columns");
    }
    appender.beginRow();
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value == null) {
        appender.appendNull();
        continue;
      }
      switch (columns.get(i).type()) {
        case VARCHAR -> appender.append((String) value);
        case BIGINT -> appender.append((long) (Long) value);
        case DOUBLE -> appender.append((double) (Double) value);
        case BOOLEAN -> appender.append((boolean) (Boolean) value);
      }
    }
    appender.endRow();
  }

  /**
   * (Re)creates the {@code fused} view: {@code base} left-joined with each of {@code others} on
   * {@code uscc}, every column once.
   *
   * @throws IllegalArgumentException if a table has not been loaded
   * @throws StoreException if DuckDB refuses the view
   */
  public void createFusedView(String base, List<String> others) {
    for (String table : concat(base, others)) {
      if (!rowCounts.containsKey(table)) {
        throw new IllegalArgumentException("table " + table + " is not loaded");
      }
    }
    StringBuilder sql = new StringBuilder("CREATE OR REPLACE VIEW fused AS SELECT b.*");
    for (int i = 0; i < others.size(); i++) {
      sql.append(", t").append(i).append(".* EXCLUDE (uscc)");
    }
    sql.append(" FROM ").append(base).append(" b");
    for (int i = 0; i < others.size(); i++) {
      sql.append(" LEFT JOIN ")
          .append(others.get(i))
          .append(" t")
          .append(i)
          .append(" USING (uscc)");
    }
    try (Statement s = connection.createStatement()) {
      s.execute(sql.toString());
    } catch (SQLException e) {
      throw new StoreException("creating the fused view", e);
    }
  }

  /** Returns the loaded tables and their row counts, by name. */
  public Map<String, Long> rowCounts() {
    return Map.copyOf(rowCounts);
  }

  /** Counts the rows of a table or view as DuckDB sees them. */
  public long count(String tableOrView) {
    if (!ColumnDef.isIdentifier(tableOrView)) {
      throw new IllegalArgumentException("not an identifier");
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + tableOrView)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("counting rows", e);
    }
  }

  /** Returns the connection, for the query engine that later issues run inside the enclave. */
  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing the database", e);
    }
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
