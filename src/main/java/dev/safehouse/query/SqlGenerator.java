package dev.safehouse.query;

import dev.safehouse.policy.Aggregate;
import dev.safehouse.policy.QueryColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the SQL that runs for a {@link QueryPlan} (DuckDB dialect):
 *
 * <pre>
 * SELECT dim_1, …, dim_g, count(*), &lt;aggregate inputs&gt; FROM source WHERE &lt;filter or TRUE&gt;
 * GROUP BY dim_1, …, dim_g
 * </pre>
 *
 * Every metric is clamped first, {@code c(x) = least(greatest(CAST(x AS DOUBLE), lo), hi)} with the
 * catalog's bounds. COUNT reuses the cell size {@code count(*)}; COUNT_DISTINCT is {@code
 * count(DISTINCT x)}; SUM {@code sum(c(x))}; AVG {@code sum(c(x))} and {@code count(x)}; MIN and
 * MAX {@code min(c(x))} and {@code max(c(x))}; SUM and AVG of money metrics add {@code max(c(x))}
 * and {@code list_extract(max(c(x), 2), 2)} for the dominance rule.
 *
 * <h2>Security guarantees</h2>
 *
 * The SQL holds no user text: identifiers are catalog names (checked again here to be lower-case
 * identifiers), bounds are numbers from the catalog, and every literal and parameter value is a
 * {@code ?} placeholder bound in order. Not guaranteed: output checks (threshold, dominance,
 * rounding, noise) — the enclave applies them to the results, then ORDER BY and LIMIT.
 */
public final class SqlGenerator {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private SqlGenerator() {}

  /**
   * Generates the query for {@code plan} with {@code parameterValues}.
   *
   * @param plan an accepted plan
   * @param parameterValues a value for each of the plan's parameters, and nothing else: String,
   *     Number or Boolean as parsed from JSON
   * @throws ParameterException if a value is missing, unexpected or ill-typed
   */
  public static GeneratedQuery generate(QueryPlan plan, Map<String, ?> parameterValues) {
    Map<String, Object> values = ParameterValues.typed(plan, parameterValues);
    List<String> select = new ArrayList<>();
    List<String> dimensions = new ArrayList<>();
    for (QueryColumn dimension : plan.groupBy()) {
      dimensions.add(identifier(dimension.name()));
      select.add(identifier(dimension.name()));
    }
    int cellSize = select.size();
    select.add("count(*)");
    List<OutputColumn> outputs = new ArrayList<>();
    for (OutputItem item : plan.outputs()) {
      outputs.add(column(item, plan.groupBy(), cellSize, select));
    }
    List<Object> bindings = new ArrayList<>();
    String where = plan.where().map(p -> PredicateSql.write(p, values, bindings)).orElse("TRUE");
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(String.join(", ", select))
        .append(" FROM ")
        .append(identifier(plan.source()))
        .append(" WHERE ")
        .append(where);
    if (!dimensions.isEmpty()) {
      sql.append(" GROUP BY ").append(String.join(", ", dimensions));
    }
    return new GeneratedQuery(
        sql.toString(),
        bindings,
        cellSize,
        outputs,
        plan.source(),
        dimensions,
        where,
        bindings,
        plan.orderBy(),
        plan.limit());
  }

  private static OutputColumn column(
      OutputItem item, List<QueryColumn> groupBy, int cellSize, List<String> select) {
    if (item instanceof OutputItem.Dimension d) {
      return new OutputColumn(
          d.label(),
          OutputColumn.Kind.DIMENSION,
          Optional.empty(),
          Optional.of(d.column()),
          groupBy.indexOf(d.column()),
          -1,
          -1,
          -1);
    }
    OutputItem.Aggregation a = (OutputItem.Aggregation) item;
    int value;
    int count = -1;
    int top1 = -1;
    int top2 = -1;
    if (a.aggregate() == Aggregate.COUNT) {
      value = cellSize;
    } else {
      QueryColumn column = a.column().orElseThrow();
      String x = identifier(column.name());
      String clamped = a.aggregate() == Aggregate.COUNT_DISTINCT ? x : clamped(column);
      value = select.size();
      switch (a.aggregate()) {
        case COUNT_DISTINCT -> select.add("count(DISTINCT " + x + ")");
        case MIN -> select.add("min(" + clamped + ")");
        case MAX -> select.add("max(" + clamped + ")");
        default -> {
          select.add("sum(" + clamped + ")");
          if (a.aggregate() == Aggregate.AVG) {
            count = select.size();
            select.add("count(" + x + ")");
          }
          if (column.money()) {
            top1 = select.size();
            select.add("max(" + clamped + ")");
            top2 = select.size();
            select.add("list_extract(max(" + clamped + ", 2), 2)");
          }
        }
      }
    }
    return new OutputColumn(
        a.label(),
        OutputColumn.Kind.AGGREGATE,
        Optional.of(a.aggregate()),
        a.column(),
        value,
        count,
        top1,
        top2);
  }

  private static String clamped(QueryColumn column) {
    return "least(greatest(CAST("
        + identifier(column.name())
        + " AS DOUBLE), "
        + bound(column.clampMin())
        + "), "
        + bound(column.clampMax())
        + ")";
  }

  /** Writes a bound as an exact DOUBLE literal (Java's shortest round-tripping form). */
  private static String bound(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException("clamp bounds are finite");
    }
    return "CAST('" + Double.toString(value) + "' AS DOUBLE)";
  }

  static String identifier(String name) {
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new IllegalStateException("catalog identifiers are lower-case SQL identifiers");
    }
    return name;
  }
}
