package dev.safehouse.query;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.ColumnSpec;
import dev.safehouse.policy.DatasetSchema;
import dev.safehouse.policy.DatasetSchemas;
import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.QueryCatalog;
import dev.safehouse.policy.QueryColumn;
import dev.safehouse.policy.QuerySource;
import dev.safehouse.policy.SensitiveUse;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A hand-built query catalog over {@code policies/datasets}: {@code fused} (every column, uscc
 * once) and one source per dataset. Metrics allow SUM and AVG ({@code complaints} also MIN and
 * MAX); dimensions allow COUNT_DISTINCT; {@code dishonest_debtor} is filter-only and {@code
 * bad_debt} never usable; clamp bounds are the schema bounds.
 */
final class TestCatalog {
  static final Set<String> MONEY =
      Set.of("registered_capital", "outstanding_balance", "guarantee_exposure");
  static final DatasetSchemas SCHEMAS = DatasetSchemas.load(Path.of("policies"));
  static final QueryCatalog CATALOG = build();
  static final EnumDomains DOMAINS = EnumDomains.of(SCHEMAS);
  static final Set<DatasetId> ALL_DATASETS =
      SCHEMAS.all().stream().map(DatasetSchema::id).collect(Collectors.toUnmodifiableSet());

  private TestCatalog() {}

  static QueryChecker checker() {
    return new QueryChecker(CATALOG, DOMAINS);
  }

  static DisclosureRules rules(boolean dpRequired) {
    return new DisclosureRules(
        5,
        new DisclosureRules.Dominance(0.6, 0.8),
        new DisclosureRules.Rounding(1, 1, 2),
        new DisclosureRules.DpRules(
            dpRequired,
            DisclosureRules.Mechanism.LAPLACE,
            new BigDecimal("0.5"),
            new BigDecimal("10"),
            Duration.ofDays(30),
            1e-6),
        DisclosureRules.Approval.TRUSTED);
  }

  static DatasetId dataset(String id) {
    return DatasetId.parse(id);
  }

  private static QueryCatalog build() {
    Map<String, QuerySource> sources = new HashMap<>();
    List<QueryColumn> fused = new ArrayList<>();
    for (DatasetSchema schema : SCHEMAS.all()) {
      List<QueryColumn> columns = new ArrayList<>();
      for (ColumnSpec spec : schema.columns()) {
        QueryColumn column = column(schema.id(), spec);
        columns.add(column);
        if (fused.stream().noneMatch(c -> c.name().equals(column.name()))) {
          fused.add(column);
        }
      }
      sources.put(schema.tableName(), new QuerySource(schema.tableName(), columns));
    }
    sources.put(QueryCatalog.FUSED, new QuerySource(QueryCatalog.FUSED, fused));
    return new QueryCatalog(sources);
  }

  private static QueryColumn column(DatasetId dataset, ColumnSpec spec) {
    Set<Aggregate> aggregates =
        switch (spec.columnClass()) {
          case METRIC ->
              spec.name().equals("complaints")
                  ? Set.of(Aggregate.SUM, Aggregate.AVG, Aggregate.MIN, Aggregate.MAX)
                  : Set.of(Aggregate.SUM, Aggregate.AVG);
          case DIMENSION -> Set.of(Aggregate.COUNT_DISTINCT);
          default -> Set.of();
        };
    boolean metric = spec.columnClass() == ColumnClass.METRIC;
    return new QueryColumn(
        dataset,
        spec.name(),
        spec.type(),
        spec.columnClass(),
        metric ? spec.min().orElseThrow() : Double.NaN,
        metric ? spec.max().orElseThrow() : Double.NaN,
        aggregates,
        MONEY.contains(spec.name()),
        spec.name().equals("dishonest_debtor") ? SensitiveUse.FILTER_ONLY : SensitiveUse.NEVER);
  }
}
