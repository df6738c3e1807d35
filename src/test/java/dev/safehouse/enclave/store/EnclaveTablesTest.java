package dev.safehouse.enclave.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.enclave.store.ColumnDef.SqlType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnclaveTablesTest {
  private static final List<ColumnDef> PUBLIC =
      List.of(new ColumnDef("uscc", SqlType.VARCHAR), new ColumnDef("penalties", SqlType.BIGINT));
  private static final List<ColumnDef> MARKET =
      List.of(
          new ColumnDef("uscc", SqlType.VARCHAR), new ColumnDef("on_time_rate", SqlType.DOUBLE));
  private static final List<ColumnDef> FINANCIAL =
      List.of(new ColumnDef("uscc", SqlType.VARCHAR), new ColumnDef("bad_debt", SqlType.BOOLEAN));

  private EnclaveTables tables;

  @BeforeEach
  void open() {
    tables = EnclaveTables.open();
  }

  @AfterEach
  void close() {
    tables.close();
  }

  @Test
  void replaceTable_andFusedView_joinOnUsccKeepingEveryBaseRow() throws SQLException {
    tables.replaceTable(
        "public_credit",
        PUBLIC,
        List.of(new Object[] {"A", 1L}, new Object[] {"B", 0L}, new Object[] {"C", null})
            .iterator());
    tables.replaceTable(
        "market_credit", MARKET, List.<Object[]>of(new Object[] {"A", 0.9}).iterator());
    tables.replaceTable(
        "financial_credit",
        FINANCIAL,
        List.of(new Object[] {"A", false}, new Object[] {"C", true}).iterator());

    tables.createFusedView("public_credit", List.of("market_credit", "financial_credit"));

    assertThat(tables.count("fused")).isEqualTo(3);
    assertThat(tables.rowCounts())
        .containsEntry("public_credit", 3L)
        .containsEntry("market_credit", 1L)
        .containsEntry("financial_credit", 2L);
    try (Statement s = tables.connection().createStatement();
        var rs = s.executeQuery("SELECT on_time_rate, bad_debt FROM fused WHERE uscc = 'C'")) {
      rs.next();
      assertThat(rs.getObject(1)).isNull();
      assertThat(rs.getBoolean(2)).isTrue();
    }
  }

  @Test
  void replaceTable_malformedRow_keepsThePreviousVersion() throws SQLException {
    tables.replaceTable(
        "public_credit", PUBLIC, List.<Object[]>of(new Object[] {"A", 1L}).iterator());

    assertThatThrownBy(
            () ->
                tables.replaceTable(
                    "public_credit",
                    PUBLIC,
                    List.of(new Object[] {"B", 2L}, new Object[] {"C"}).iterator()))
        .isInstanceOf(StoreException.class);

    assertThat(tables.count("public_credit")).isEqualTo(1);
  }

  @Test
  void sql_cannotWriteFilesOrReenableExternalAccess(@TempDir Path dir) throws SQLException {
    tables.replaceTable(
        "public_credit", PUBLIC, List.<Object[]>of(new Object[] {"SECRET", 1L}).iterator());
    Path target = dir.resolve("leak.csv");
    try (Statement s = tables.connection().createStatement()) {
      assertThatThrownBy(() -> s.execute("COPY public_credit TO '" + target + "'"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> s.execute("SET enable_external_access = true"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> s.execute("SELECT * FROM read_csv('/etc/hostname')"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(Files.exists(target)).isFalse();
  }

  @Test
  void names_areCheckedBeforeReachingSql() {
    assertThatThrownBy(() -> new ColumnDef("x; DROP TABLE y", SqlType.VARCHAR))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> tables.replaceTable("Bad-Name", PUBLIC, List.<Object[]>of().iterator()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tables.count("fused; DROP"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
