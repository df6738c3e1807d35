package dev.safehouse.enclave.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkWriter;
import org.duckdb.DuckDBDriver;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBTableFunction;
import org.duckdb.DuckDBTableFunctionBindInfo;
import org.duckdb.DuckDBTableFunctionCallInfo;
import org.duckdb.DuckDBTableFunctionInitInfo;
import org.duckdb.DuckDBWritableVector;

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
  /** The table function loads pull their rows through; not meant for any other SQL. */
  static final String SOURCE_FUNCTION = "safehouse_load_rows";

  private final DuckDBConnection connection;
  private final Map<String, Long> rowCounts = new ConcurrentSkipListMap<>();
  private final Map<Long, PendingSource> sources;
  private final AtomicLong nextHandle = new AtomicLong();

  private EnclaveTables(DuckDBConnection connection, Map<Long, PendingSource> sources) {
    this.connection = connection;
    this.sources = sources;
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
    DuckDBConnection raw =
        new DuckDBDriver().connect("jdbc:duckdb:", settings).unwrap(DuckDBConnection.class);
    Map<Long, PendingSource> sources = new ConcurrentHashMap<>();
    DuckDBFunctions.tableFunction()
        .withName(SOURCE_FUNCTION)
        .withParameter(DuckDBColumnType.BIGINT)
        .withFunction(new SourceFunction(sources))
        .register(raw);
    try (Statement s = raw.createStatement()) {
      s.execute("SET lock_configuration = true");
    }
    return new EnclaveTables(raw, sources);
  }

  /**
   * Replaces table {@code name} with {@code rows}, atomically (see {@link #startLoad}). Each row
   * holds one value per column, in column order, of the column type's Java class or null.
   *
   * @return the number of rows loaded
   * @throws IllegalArgumentException if the name is not an identifier
   * @throws StoreException if DuckDB refuses the data, including a row of the wrong shape
   */
  public long replaceTable(String name, List<ColumnDef> columns, Iterator<Object[]> rows) {
    try (TableLoad load = startLoad(name, columns)) {
      load.fill(new ObjectRows(columns, rows));
      return load.commit();
    }
  }

  /**
   * Starts replacing table {@code name}. The load runs in one transaction on a connection of its
   * own: {@link TableLoad#fill} creates the new table from a {@link RowSource}, and {@link
   * TableLoad#commit()} swaps it in atomically — other readers see the old table or the new one,
   * never a mix or a partial load. Closing the load without committing rolls everything back.
   *
   * @throws IllegalArgumentException if the name is not an identifier
   * @throws StoreException if DuckDB refuses
   */
  public TableLoad startLoad(String name, List<ColumnDef> columns) {
    if (!ColumnDef.isIdentifier(name) || "fused".equals(name)) {
      throw new IllegalArgumentException("table names are lower-case SQL identifiers");
    }
    try {
      DuckDBConnection own = connection.duplicate().unwrap(DuckDBConnection.class);
      own.setAutoCommit(false);
      return new TableLoad(name, List.copyOf(columns), own);
    } catch (SQLException e) {
      throw new StoreException("loading table " + name, e);
    }
  }

  /** One table being loaded; see {@link #startLoad}. Not thread-safe. */
  public final class TableLoad implements AutoCloseable {
    private final String name;
    private final List<ColumnDef> columns;
    private final DuckDBConnection own;
    private long rows = -1;
    private boolean closed;

    private TableLoad(String name, List<ColumnDef> columns, DuckDBConnection own) {
      this.name = name;
      this.columns = columns;
      this.own = own;
    }

    /**
     * Creates the new table from {@code source}, which DuckDB calls from its own thread until it
     * returns 0. Call once.
     *
     * @return the number of rows the table holds
     * @throws StoreException if DuckDB refuses the data or {@code source} throws (the cause)
     */
    public long fill(RowSource source) {
      if (rows >= 0) {
        throw new IllegalStateException("a load is filled once");
      }
      long handle = nextHandle.incrementAndGet();
      sources.put(handle, new PendingSource(columns, source));
      try (Statement s = own.createStatement()) {
        s.execute(
            "CREATE TABLE "
                + staging()
                + " AS SELECT * FROM "
                + SOURCE_FUNCTION
                + "("
                + handle
                + ")");
        try (ResultSet count = s.executeQuery("SELECT count(*) FROM " + staging())) {
          count.next();
          rows = count.getLong(1);
        }
        return rows;
      } catch (SQLException e) {
        throw new StoreException("loading table " + name, e);
      } finally {
        sources.remove(handle);
      }
    }

    /**
     * Swaps the new table in as {@code name}, replacing any previous version, and ends the load.
     *
     * @return the number of rows loaded
     * @throws IllegalStateException if {@link #fill} did not succeed
     * @throws StoreException if DuckDB refuses; the previous version then stays
     */
    public long commit() {
      if (rows < 0 || closed) {
        throw new IllegalStateException("nothing to commit");
      }
      try (Statement s = own.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + name + " CASCADE");
        s.execute("ALTER TABLE " + staging() + " RENAME TO " + name);
        own.commit();
        rowCounts.put(name, rows);
        return rows;
      } catch (SQLException e) {
        throw new StoreException("loading table " + name, e);
      } finally {
        close();
      }
    }

    /** Rolls the load back unless {@link #commit()} succeeded, and releases its connection. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        own.close(); // an open transaction is rolled back
      } catch (SQLException e) {
        throw new StoreException("discarding a load of " + name, e);
      }
    }

    private String staging() {
      return name + "__loading";
    }
  }

  /** Supplies the rows of a load, a chunk at a time, when DuckDB asks for them. */
  @FunctionalInterface
  public interface RowSource {
    /**
     * Writes up to {@link Chunk#capacity()} rows into {@code chunk}, from row 0.
     *
     * @return how many rows were written; 0 ends the load
     * @throws Exception to abort the load; the exception becomes the {@link StoreException}'s cause
     */
    int fill(Chunk chunk) throws Exception;
  }

  /**
   * One chunk of rows on its way into DuckDB, written column by column. Values must match the
   * column types.
   */
  public static final class Chunk {
    private static final byte[] EMPTY = new byte[0];
    private final DuckDBDataChunkWriter writer;

    private Chunk(DuckDBDataChunkWriter writer) {
      this.writer = writer;
    }

    /** Returns how many rows fit. */
    public int capacity() {
      return (int) writer.capacity();
    }

    /** Sets a cell to null. */
    public void setNull(int column, int row) {
      writer.vector(column).setNull(row);
    }

    /** Sets a BIGINT cell. */
    public void setLong(int column, int row, long value) {
      writer.vector(column).setLong(row, value);
    }

    /** Sets a DOUBLE cell. */
    public void setDouble(int column, int row, double value) {
      writer.vector(column).setDouble(row, value);
    }

    /** Sets a BOOLEAN cell. */
    public void setBoolean(int column, int row, boolean value) {
      writer.vector(column).setBoolean(row, value);
    }

    /**
     * Sets the first {@code count} VARCHAR cells of a column from UTF-8 bytes in one call; a null
     * entry makes its cell null.
     */
    public void setTexts(int column, byte[][] utf8, int count) {
      byte[][] values = utf8.length == count ? utf8 : Arrays.copyOf(utf8, count);
      boolean anyNull = false;
      for (int r = 0; r < count; r++) {
        if (values[r] == null) {
          if (values == utf8) {
            values = values.clone();
          }
          values[r] = EMPTY;
          anyNull = true;
        }
      }
      DuckDBWritableVector vector = writer.vector(column);
      vector.setStringUtf8Batch(0, values);
      if (anyNull) {
        for (int r = 0; r < count; r++) {
          if (utf8[r] == null) {
            vector.setNull(r);
          }
        }
      }
    }
  }

  private record PendingSource(List<ColumnDef> columns, RowSource source) {}

  /**
   * The table function through which DuckDB pulls a load's rows: its argument names a pending
   * source, its result columns are the load's columns.
   */
  private static final class SourceFunction
      implements DuckDBTableFunction<PendingSource, PendingSource, Object> {
    private final Map<Long, PendingSource> sources;

    SourceFunction(Map<Long, PendingSource> sources) {
      this.sources = sources;
    }

    @Override
    public PendingSource bind(DuckDBTableFunctionBindInfo info) {
      PendingSource pending = sources.get(info.getParameter(0).getLong());
      if (pending == null) {
        throw new IllegalArgumentException("no load in progress under that handle");
      }
      for (ColumnDef column : pending.columns()) {
        info.addResultColumn(column.name(), duckType(column.type()));
      }
      return pending;
    }

    @Override
    public PendingSource init(DuckDBTableFunctionInitInfo info) {
      info.setMaxThreads(1);
      return info.getBindData();
    }

    @Override
    public long apply(DuckDBTableFunctionCallInfo info, DuckDBDataChunkWriter out)
        throws Exception {
      PendingSource pending = info.getBindData();
      return pending.source().fill(new Chunk(out));
    }

    private static DuckDBColumnType duckType(ColumnDef.SqlType type) {
      return switch (type) {
        case VARCHAR -> DuckDBColumnType.VARCHAR;
        case BIGINT -> DuckDBColumnType.BIGINT;
        case DOUBLE -> DuckDBColumnType.DOUBLE;
        case BOOLEAN -> DuckDBColumnType.BOOLEAN;
      };
    }
  }

  /** Rows given as objects; for small loads and tests. */
  private static final class ObjectRows implements RowSource {
    private final List<ColumnDef> columns;
    private final Iterator<Object[]> rows;

    ObjectRows(List<ColumnDef> columns, Iterator<Object[]> rows) {
      this.columns = columns;
      this.rows = rows;
    }

    @Override
    public int fill(Chunk chunk) {
      List<Object[]> batch = new ArrayList<>();
      while (batch.size() < chunk.capacity() && rows.hasNext()) {
        Object[] row = rows.next();
        if (row.length != columns.size()) {
          throw new IllegalArgumentException(
              "a row has " + row.length + " values for " + columns.size() + " columns");
        }
        batch.add(row);
      }
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).type() == ColumnDef.SqlType.VARCHAR) {
          byte[][] texts = new byte[batch.size()][];
          for (int r = 0; r < texts.length; r++) {
            Object value = batch.get(r)[c];
            if (value != null && !(value instanceof String)) {
              throw new IllegalArgumentException("a value does not match its column's type");
            }
            texts[r] = value == null ? null : ((String) value).getBytes(StandardCharsets.UTF_8);
          }
          chunk.setTexts(c, texts, texts.length);
          continue;
        }
        for (int r = 0; r < batch.size(); r++) {
          Object value = batch.get(r)[c];
          if (value == null) {
            chunk.setNull(c, r);
          } else if (value instanceof Long number) {
            chunk.setLong(c, r, number);
          } else if (value instanceof Double number) {
            chunk.setDouble(c, r, number);
          } else if (value instanceof Boolean flag) {
            chunk.setBoolean(c, r, flag);
          } else {
            throw new IllegalArgumentException("a value does not match its column's type");
          }
        }
      }
      return batch.size();
    }
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

  /**
   * Runs a read-only statement and returns its rows, each value as DuckDB's JDBC driver maps it.
   *
   * <p>Only SQL <em>generated</em> inside the enclave from a checked plan may come here — never a
   * researcher's text: identifiers come from the policy catalog and every value is a bound
   * parameter.
   *
   * @param sql a single {@code SELECT} (or {@code WITH … SELECT}) with {@code ?} placeholders
   * @param bindings the placeholders' values, in order
   * @throws StoreException if DuckDB refuses; its message never carries a cell value
   */
  public List<Object[]> select(String sql, List<Object> bindings) {
    try (Connection own = connection.duplicate();
        PreparedStatement s = own.prepareStatement(sql)) {
      for (int i = 0; i < bindings.size(); i++) {
        s.setObject(i + 1, bindings.get(i));
      }
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = rs.getObject(c + 1);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new StoreException("running a generated query", e);
    }
  }

  /** Returns the connection, for tests of the store's own guarantees. */
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
