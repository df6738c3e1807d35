package dev.safehouse.query;

import dev.safehouse.enclave.store.ColumnDef;
import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.DatasetSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An in-memory DuckDB with one table per test dataset (columns typed from the schemas) and a {@code
 * fused} view joining them on {@code uscc}, each column once.
 */
final class DuckDbTables {
  private DuckDbTables() {}

  static Connection open() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      List<String> fused = new ArrayList<>();
      for (DatasetSchema schema : TestCatalog.SCHEMAS.all()) {
        String columns =
            schema.columns().stream()
                .map(c -> c.name() + " " + ColumnDef.SqlType.of(c.type()))
                .collect(Collectors.joining(", "));
        s.execute("CREATE TABLE " + schema.tableName() + " (" + columns + ")");
        for (ColumnSpec c : schema.columns()) {
          if (!c.name().equals("uscc")) {
            fused.add(schema.tableName() + "." + c.name());
          }
        }
      }
      s.execute(
          "CREATE VIEW fused AS SELECT public_credit.uscc, "
              + String.join(", ", fused)
              + " FROM public_credit JOIN market_credit USING (uscc)"
              + " JOIN financial_credit USING (uscc)");
    }
    return connection;
  }

  /** Inserts one row; values in the table's column order. */
  static void insert(Connection connection, String table, Object... values) throws SQLException {
    String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
    try (PreparedStatement p =
        connection.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (int i = 0; i < values.length; i++) {
        p.setObject(i + 1, values[i]);
      }
      p.executeUpdate();
    }
  }

  /** Runs a generated query and returns its rows. */
  static List<List<Object>> run(Connection connection, GeneratedQuery query) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement(query.sql())) {
      for (int i = 0; i < query.bindings().size(); i++) {
        p.setObject(i + 1, query.bindings().get(i));
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            row.add(rs.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }
}
