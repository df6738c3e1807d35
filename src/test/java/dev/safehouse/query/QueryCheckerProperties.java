package dev.safehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Properties over random policy-valid queries and their mutations. */
class QueryCheckerProperties {
  private static final Pattern SELECT = Pattern.compile("(?i)^select ");
  private static Connection db;

  @BeforeContainer
  static void open() throws Exception {
    db = DuckDbTables.open();
  }

  @AfterContainer
  static void close() throws Exception {
    db.close();
  }

  private static CheckResult check(String sql) {
    return TestCatalog.checker().check(sql, TestCatalog.ALL_DATASETS, TestCatalog.rules(false));
  }

  @Property(tries = 300)
  void validQueries_areAccepted_andTheirSqlRuns(@ForAll("valid") String sql) throws Exception {
    CheckResult result = check(sql);
    assertThat(result).as(sql).isInstanceOf(CheckResult.Accepted.class);
    QueryPlan plan = ((CheckResult.Accepted) result).plan();
    GeneratedQuery generated = SqlGenerator.generate(plan, Map.of());
    DuckDbTables.run(db, generated);
    assertThat(check(sql.replace(" ", "  \n ")))
        .as("whitespace does not change the plan")
        .isEqualTo(new CheckResult.Accepted(plan));
  }

  @Property(tries = 300)
  void mutatedQueries_areDenied(@ForAll("valid") String sql, @ForAll("mutation") int mutation) {
    String mutated =
        switch (mutation) {
          case 0 -> SELECT.matcher(sql).replaceFirst("SELECT uscc, ");
          case 1 -> "SELECT count(*) FROM (" + sql + ") t";
          case 2 -> sql + " -- note";
          case 3 -> sql + "; DELETE FROM fused";
          case 4 -> SELECT.matcher(sql).replaceFirst("SELECT bad_debt, ");
          case 5 -> sql.replaceFirst("(?i) from ", ", * FROM ");
          default -> "/* x */ " + sql;
        };
    assertThat(check(mutated)).as(mutated).isInstanceOf(CheckResult.Denied.class);
  }

  @Provide
  Arbitrary<String> valid() {
    return PolicyValidQueries.queries();
  }

  @Provide
  Arbitrary<Integer> mutation() {
    return Arbitraries.integers().between(0, 6);
  }
}
