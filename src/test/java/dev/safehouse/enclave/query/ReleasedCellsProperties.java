package dev.safehouse.enclave.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.common.DatasetId;
import dev.safehouse.common.Uscc;
import dev.safehouse.enclave.store.ColumnDef;
import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.QueryPolicies;
import dev.safehouse.privacy.CheckedCells;
import dev.safehouse.privacy.DiscreteNoise;
import dev.safehouse.privacy.OneShotNoise;
import dev.safehouse.privacy.OutputChecks;
import dev.safehouse.privacy.RawCell;
import dev.safehouse.privacy.ReleasedCell;
import dev.safehouse.query.CheckResult;
import dev.safehouse.query.EnumDomains;
import dev.safehouse.query.GeneratedQuery;
import dev.safehouse.query.PolicyValidQueries;
import dev.safehouse.query.QueryChecker;
import dev.safehouse.query.SqlGenerator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random policy-valid queries against random data in the enclave's store: no cell the output
 * checks release (without DP) has fewer than k enterprises, counted independently of the cell-size
 * column the generated SQL adds.
 */
class ReleasedCellsProperties {
  private static final Path POLICIES = Path.of("policies");
  private static final DatasetSchemas SCHEMAS = DatasetSchemas.load(POLICIES);
  private static final QueryPolicies POLICY = QueryPolicies.load(POLICIES, SCHEMAS);
  private static final Set<DatasetId> ALL =
      SCHEMAS.all().stream().map(DatasetSchema::id).collect(Collectors.toSet());
  private static final DisclosureRules RULES =
      POLICY.rulesFor(POLICY.template("exploratory").orElseThrow(), ALL);
  private static final QueryChecker CHECKER =
      new QueryChecker(POLICY.catalog(), EnumDomains.of(SCHEMAS));
  private static final EnclaveTables TABLES = randomTables(600, 7);

  @Provide
  Arbitrary<String> valid() {
    return PolicyValidQueries.queries();
  }

  @Property(tries = 300)
  void noReleasedCellHasFewerThanKEnterprises(@ForAll("valid") String sql) {
    CheckResult checked = CHECKER.check(sql, ALL, RULES);
    Assume.that(checked instanceof CheckResult.Accepted);
    GeneratedQuery query = SqlGenerator.generate(((CheckResult.Accepted) checked).plan(), Map.of());
    List<RawCell> raw = CellReader.read(TABLES, query);
    CheckedCells released =
        OutputChecks.apply(raw, RULES, new OneShotNoise(new DiscreteNoise(new SecureRandom())));
    for (ReleasedCell cell : released.cells()) {
      assertThat(enterprises(query, cell.key()))
          .as("a released cell of %s", sql)
          .isGreaterThanOrEqualTo(RULES.k());
    }
  }

  /** Counts the cell's enterprises with SQL of its own: the filter plus the cell's key. */
  private static long enterprises(GeneratedQuery query, List<Object> key) {
    StringBuilder sql =
        new StringBuilder("SELECT count(DISTINCT uscc) FROM ")
            .append(query.source())
            .append(" WHERE (")
            .append(query.whereSql())
            .append(")");
    List<Object> bindings = new ArrayList<>(query.whereBindings());
    for (int i = 0; i < key.size(); i++) {
      sql.append(" AND ").append(query.dimensionColumns().get(i)).append(" IS NOT DISTINCT FROM ?");
      bindings.add(key.get(i));
    }
    return ((Number) TABLES.select(sql.toString(), bindings).get(0)[0]).longValue();
  }

  /**
   * Fills the three sources with {@code n} enterprises whose dimensions take few values, so cells
   * of every size around k occur.
   */
  private static EnclaveTables randomTables(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> usccs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      usccs.add(Uscc.withCheckCharacter(String.format(Locale.ROOT, "91110101%09d", i)).value());
    }
    EnclaveTables tables = EnclaveTables.open();
    for (DatasetSchema schema : SCHEMAS.all()) {
      List<ColumnDef> columns = schema.columns().stream().map(ColumnDef::of).toList();
      List<Object[]> rows = new ArrayList<>();
      for (String uscc : usccs) {
        Object[] row = new Object[columns.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = value(schema.columns().get(c), uscc, random);
        }
        rows.add(row);
      }
      tables.replaceTable(schema.tableName(), columns, rows.iterator());
    }
    tables.createFusedView("public_credit", List.of("market_credit", "financial_credit"));
    return tables;
  }

  private static Object value(ColumnSpec c, String uscc, SplittableRandom random) {
    if (c.nullable() && random.nextInt(10) == 0) {
      return null;
    }
    return switch (c.type()) {
      case USCC -> uscc;
      case STRING -> List.of("110101", "310101", "440300", "510100").get(random.nextInt(4));
      case ENUM -> c.values().get(random.nextInt(Math.min(4, c.values().size())));
      case BOOLEAN -> random.nextInt(4) == 0;
      case INTEGER -> {
        long lo = c.min().orElse(0.0).longValue();
        long hi = Math.min(c.max().orElse(100.0).longValue(), lo + 30);
        yield lo + random.nextLong(hi - lo + 1);
      }
      case DECIMAL -> {
        double lo = c.min().orElse(0.0);
        double hi = c.max().orElse(1.0);
        // heavy-tailed, so that some cells are dominated by one enterprise
        yield Math.min(hi, lo + (hi - lo) * Math.pow(random.nextDouble(), 6));
      }
    };
  }
}
