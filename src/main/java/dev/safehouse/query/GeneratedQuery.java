package dev.safehouse.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The SQL that runs for a {@link QueryPlan}, with its bindings and a map of its result columns.
 *
 * <p>The SQL contains only catalog identifiers, fixed keywords, clamp bounds from the catalog and
 * {@code ?} placeholders; {@link #bindings()} fills the placeholders in order. It has no ORDER BY
 * or LIMIT: {@link #orderBy()} and {@link #limit()} are applied by the enclave to released values
 * after the output checks.
 *
 * @param sql the query (DuckDB dialect)
 * @param bindings the placeholder values in order: String, Long, BigDecimal or Boolean
 * @param cellSizeIndex 0-based result index of the cell size, {@code count(*)}: distinct
 *     enterprises in the cell, as every source has one row per enterprise
 * @param outputs the output items, in SELECT order, with their result indices
 * @param source the source read
 * @param dimensionColumns the GROUP BY column names, in order (result indices 0..g−1)
 * @param whereSql the predicate with placeholders, {@code TRUE} if none
 * @param whereBindings the predicate's bindings, in order (the same as {@link #bindings()})
 * @param orderBy the ordering, by output index
 * @param limit the row limit, if any
 */
public record GeneratedQuery(
    String sql,
    List<Object> bindings,
    int cellSizeIndex,
    List<OutputColumn> outputs,
    String source,
    List<String> dimensionColumns,
    String whereSql,
    List<Object> whereBindings,
    List<QueryPlan.OrderKey> orderBy,
    OptionalInt limit) {

  /** Validates and copies. */
  public GeneratedQuery {
    Objects.requireNonNull(sql, "sql");
    bindings = Collections.unmodifiableList(new ArrayList<>(bindings));
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(source, "source");
    dimensionColumns = List.copyOf(dimensionColumns);
    Objects.requireNonNull(whereSql, "whereSql");
    whereBindings = Collections.unmodifiableList(new ArrayList<>(whereBindings));
    orderBy = List.copyOf(orderBy);
    Objects.requireNonNull(limit, "limit");
    if (bindings.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("bindings are not null");
    }
  }
}
