package dev.safehouse.query;

import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.ColumnClass;
import dev.safehouse.policy.QueryColumn;
import dev.safehouse.policy.QuerySource;
import dev.safehouse.policy.SensitiveUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random queries that are valid under the {@link TestCatalog} policy, for a project reading all
 * three datasets and rules without differential privacy (MIN/MAX on {@code complaints} may occur).
 * Keywords vary in case; dimensions, aggregates, filters (with literals), ORDER BY and LIMIT vary.
 * Reusable by output-check tests.
 */
public final class PolicyValidQueries {
  private PolicyValidQueries() {}

  /** Returns random policy-valid query texts. */
  public static Arbitrary<String> queries() {
    return Arbitraries.of(TestCatalog.CATALOG.sources().keySet().stream().sorted().toList())
        .flatMap(name -> forSource(TestCatalog.CATALOG.source(name).orElseThrow()));
  }

  private static Arbitrary<String> forSource(QuerySource source) {
    List<QueryColumn> dimensions = of(source, ColumnClass.DIMENSION);
    List<QueryColumn> filterable =
        source.columns().stream().filter(QueryColumn::filterable).toList();
    Arbitrary<List<QueryColumn>> groups =
        dimensions.isEmpty()
            ? Arbitraries.just(List.of())
            : Arbitraries.of(dimensions).list().ofMaxSize(3).uniqueElements();
    Arbitrary<List<String>> aggregates = aggregate(source).list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<List<String>> filters = filter(filterable).list().ofMaxSize(3);
    Arbitrary<Integer> limit = Arbitraries.integers().between(0, 10_000);
    Arbitrary<Boolean> upper = Arbitraries.of(true, false);
    return Combinators.combine(groups, aggregates, filters, limit, upper)
        .as((g, a, f, l, u) -> text(source.name(), g, a, f, l, u));
  }

  private static String text(
      String source,
      List<QueryColumn> groups,
      List<String> aggregates,
      List<String> filters,
      int limit,
      boolean upper) {
    List<String> select = new ArrayList<>();
    groups.forEach(g -> select.add(g.name()));
    select.addAll(aggregates);
    String sql =
        kw("SELECT", upper)
            + " "
            + String.join(", ", select)
            + " "
            + kw("FROM", upper)
            + " "
            + source;
    if (!filters.isEmpty()) {
      sql += " " + kw("WHERE", upper) + " " + String.join(" " + kw("AND", upper) + " ", filters);
    }
    if (!groups.isEmpty()) {
      sql +=
          " "
              + kw("GROUP BY", upper)
              + " "
              + String.join(", ", groups.stream().map(QueryColumn::name).toList());
    }
    if (limit % 3 == 0) {
      sql +=
          " " + kw("ORDER BY", upper) + " " + (1 + limit % select.size()) + " " + kw("DESC", upper);
    }
    if (limit % 2 == 0 && limit > 0) {
      sql += " " + kw("LIMIT", upper) + " " + limit;
    }
    return sql;
  }

  private static String kw(String keyword, boolean upper) {
    return upper ? keyword : keyword.toLowerCase(Locale.ROOT);
  }

  private static Arbitrary<String> aggregate(QuerySource source) {
    List<String> calls = new ArrayList<>();
    calls.add("count(*)");
    for (QueryColumn c : source.columns()) {
      if (c.columnClass() == ColumnClass.DIMENSION
          && c.aggregates().contains(Aggregate.COUNT_DISTINCT)) {
        calls.add("COUNT(DISTINCT " + c.name() + ")");
      }
      if (c.columnClass() == ColumnClass.METRIC) {
        for (Aggregate a : c.aggregates()) {
          if (a != Aggregate.COUNT && a != Aggregate.COUNT_DISTINCT) {
            calls.add(a.name() + "(" + c.name() + ")");
          }
        }
      }
    }
    return Arbitraries.of(calls);
  }

  private static Arbitrary<String> filter(List<QueryColumn> columns) {
    if (columns.isEmpty()) {
      return Arbitraries.just("1 = 1");
    }
    return Arbitraries.of(columns).flatMap(PolicyValidQueries::leaf);
  }

  private static Arbitrary<String> leaf(QueryColumn c) {
    String n = c.name();
    return switch (c.type()) {
      case ENUM ->
          Arbitraries.of(TestCatalog.DOMAINS.of(n).orElseThrow())
              .map(
                  v ->
                      Arbitraries.of(
                          n + " = '" + v + "'", n + " IN ('" + v + "')", n + " IS NOT NULL"))
              .flatMap(a -> a);
      case BOOLEAN -> Arbitraries.of(n + " = true", n + " = false", "NOT " + n + " = true");
      case INTEGER ->
          Arbitraries.integers()
              .between(0, 2000)
              .map(v -> c.columnClass() == ColumnClass.SENSITIVE ? n + " IS NULL" : n + " >= " + v);
      case DECIMAL ->
          Arbitraries.doubles()
              .between(-1, 1000)
              .ofScale(2)
              .map(v -> "(" + n + " < " + v + " OR " + n + " IS NULL)");
      default -> Arbitraries.of(n + " = '110000'", n + " BETWEEN '1' AND '2'", n + " <> '310000'");
    };
  }

  private static List<QueryColumn> of(QuerySource source, ColumnClass columnClass) {
    return source.columns().stream()
        .filter(c -> c.columnClass() == columnClass)
        .filter(
            c ->
                c.columnClass() != ColumnClass.SENSITIVE
                    || c.sensitiveUse() == SensitiveUse.FILTER_ONLY)
        .toList();
  }
}
