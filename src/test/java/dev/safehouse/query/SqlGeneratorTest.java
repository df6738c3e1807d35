package dev.safehouse.query;

import static dev.safehouse.query.QueryFixture.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generated SQL, run on an in-memory DuckDB with known rows. */
class SqlGeneratorTest {
  private static Connection db;

  @BeforeAll
  static void load() throws Exception {
    db = DuckDbTables.open();
    enterprise("E1", "110000", "A", 100.0, 2000, 3, 10.0);
    enterprise("E2", "110000", "A", 20_000_000.0, 2005, 2000, 20.0);
    enterprise("E3", "110000", "A", 50.0, 2010, -4, 5.0);
    enterprise("E4", "120000", "B", 7.0, 1990, 1, 1.0);
  }

  private static void enterprise(
      String uscc,
      String region,
      String industry,
      double capital,
      long year,
      long complaints,
      double balance)
      throws Exception {
    DuckDbTables.insert(
        db,
        "public_credit",
        uscc,
        region,
        industry,
        capital,
        year,
        0L,
        false,
        false,
        "A",
        "A",
        null);
    DuckDbTables.insert(db, "market_credit", uscc, 0.9, 3.0, 0L, complaints, 4.0, false);
    DuckDbTables.insert(db, "financial_credit", uscc, 1L, balance, 0L, 0L, 0.0, false, 0.5);
  }

  @AfterAll
  static void close() throws Exception {
    db.close();
  }

  @Test
  void generate_clampsAndExposesDominanceInputs() throws Exception {
    QueryPlan plan =
        query(
                "SELECT industry, count(*) AS n, SUM(registered_capital), AVG(outstanding_balance),"
                    + " MAX(complaints), COUNT(DISTINCT region_code) FROM fused"
                    + " WHERE year_established >= :since GROUP BY industry ORDER BY 2 DESC LIMIT 5")
            .accepted();
    GeneratedQuery q = SqlGenerator.generate(plan, Map.of("since", 1980));
    assertThat(q.sql()).doesNotContain("ORDER").doesNotContain("LIMIT");
    assertThat(q.bindings()).containsExactly(1980L);
    assertThat(q.whereSql()).isEqualTo("year_established >= ?");
    assertThat(q.dimensionColumns()).containsExactly("industry");
    assertThat(q.orderBy()).containsExactly(new QueryPlan.OrderKey(1, true));
    assertThat(q.limit()).hasValue(5);
    List<List<Object>> rows = DuckDbTables.run(db, q);
    rows.sort(Comparator.comparing(r -> (String) r.get(0)));
    List<Object> a = rows.get(0);
    List<OutputColumn> out = q.outputs();
    assertThat(a.get(out.get(0).valueIndex())).isEqualTo("A");
    assertThat(out.get(1).valueIndex()).isEqualTo(q.cellSizeIndex());
    assertThat(((Number) a.get(q.cellSizeIndex())).longValue()).isEqualTo(3);
    OutputColumn sum = out.get(2);
    assertThat((Double) a.get(sum.valueIndex())).isEqualTo(10_000_150.0);
    assertThat((Double) a.get(sum.top1Index())).isEqualTo(10_000_000.0);
    assertThat((Double) a.get(sum.top2Index())).isEqualTo(100.0);
    OutputColumn avg = out.get(3);
    assertThat((Double) a.get(avg.valueIndex())).isEqualTo(35.0);
    assertThat(((Number) a.get(avg.countIndex())).longValue()).isEqualTo(3);
    OutputColumn max = out.get(4);
    assertThat((Double) a.get(max.valueIndex())).isEqualTo(1000.0);
    assertThat(max.top1Index()).isEqualTo(-1);
    assertThat(((Number) a.get(out.get(5).valueIndex())).longValue()).isEqualTo(1);
    List<Object> b = rows.get(1);
    assertThat(b.get(sum.top2Index())).as("one contribution: no second largest").isNull();
  }

  @Test
  void generate_parameterValueIsBoundNotSpliced() throws Exception {
    QueryPlan plan =
        query("SELECT count(*) FROM fused WHERE region_code = :r OR industry IN ('B', :i)")
            .accepted();
    String hostile = "x' OR 1=1 --";
    GeneratedQuery q = SqlGenerator.generate(plan, Map.of("r", hostile, "i", "A"));
    assertThat(q.sql()).doesNotContain(hostile).doesNotContain("'");
    assertThat(q.bindings()).containsExactly(hostile, "B", "A");
    assertThat(((Number) DuckDbTables.run(db, q).get(0).get(q.cellSizeIndex())).longValue())
        .isEqualTo(4);
    GeneratedQuery none =
        SqlGenerator.generate(
            query("SELECT count(*) FROM fused WHERE region_code = :r").accepted(),
            Map.of("r", hostile));
    assertThat(((Number) DuckDbTables.run(db, none).get(0).get(0)).longValue()).isZero();
  }

  @Test
  void generate_noGroupByWithoutDimensions() {
    GeneratedQuery q =
        SqlGenerator.generate(query("SELECT count(*) FROM market_credit").accepted(), Map.of());
    assertThat(q.sql()).isEqualTo("SELECT count(*) FROM market_credit WHERE TRUE");
    assertThat(q.cellSizeIndex()).isZero();
  }

  @Test
  void generate_badParameterValues_throwWithoutEchoingThem() {
    QueryPlan plan =
        query("SELECT count(*) FROM fused WHERE industry = :i AND complaints > :n").accepted();
    assertThatThrownBy(() -> SqlGenerator.generate(plan, Map.of("i", "A")))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining(":n");
    assertThatThrownBy(() -> SqlGenerator.generate(plan, Map.of("i", "A", "n", 1, "x", 2)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining(":x");
    assertThatThrownBy(() -> SqlGenerator.generate(plan, Map.of("i", "SECRET-VALUE", "n", 1)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining(":i")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> SqlGenerator.generate(plan, Map.of("i", "A", "n", 1.5)))
        .isInstanceOf(ParameterException.class)
        .hasMessageNotContaining("1.5");
    assertThatThrownBy(() -> SqlGenerator.generate(plan, Map.of("i", "A", "n", "7")))
        .isInstanceOf(ParameterException.class);
  }
}
