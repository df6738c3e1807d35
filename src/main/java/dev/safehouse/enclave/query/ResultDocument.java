package dev.safehouse.enclave.query;

import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.privacy.CheckedCells;
import dev.safehouse.privacy.ReleaseThreshold;
import dev.safehouse.privacy.ReleasedCell;
import dev.safehouse.privacy.ReleasedValue;
import dev.safehouse.privacy.Suppression;
import dev.safehouse.query.GeneratedQuery;
import dev.safehouse.query.OutputColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The released result as JSON values: columns, the released rows in the query's order (ORDER BY and
 * LIMIT applied to released values only), the suppression report and the rules applied.
 *
 * <p>{@code rules} states what was applied, including the release threshold on the (noisy)
 * enterprise count. Rows of cells suppressed whole are left out. Without DP the report names each
 * suppressed cell by its dimension values and the rule; with DP it gives only how many cells each
 * rule suppressed, since naming a suppressed cell's key would reveal that the key occurs in the
 * data.
 */
final class ResultDocument {
  private ResultDocument() {}

  static Map<String, Object> of(GeneratedQuery query, DisclosureRules rules, CheckedCells checked) {
    List<OutputColumn> outputs = query.outputs();
    List<String> dimensions = query.dimensionColumns();
    List<Map<String, Object>> columns = new ArrayList<>();
    for (OutputColumn output : outputs) {
      Map<String, Object> column = new LinkedHashMap<>();
      column.put("name", output.label());
      column.put(
          "kind",
          output.kind() == OutputColumn.Kind.DIMENSION
              ? "dimension"
              : output.aggregate().orElseThrow().name().toLowerCase(java.util.Locale.ROOT));
      columns.add(column);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (ReleasedCell cell : checked.cells()) {
      List<Object> row = new ArrayList<>(outputs.size());
      int aggregate = 0;
      for (OutputColumn output : outputs) {
        if (output.kind() == OutputColumn.Kind.DIMENSION) {
          row.add(json(cell.key().get(dimensions.indexOf(output.column().orElseThrow().name()))));
        } else {
          row.add(
              cell.values().get(aggregate++) instanceof ReleasedValue.Value released
                  ? number(released.value())
                  : null);
        }
      }
      rows.add(row);
    }
    sort(rows, query);
    if (query.limit().isPresent() && rows.size() > query.limit().getAsInt()) {
      rows = new ArrayList<>(rows.subList(0, (int) query.limit().getAsInt()));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("columns", columns);
    result.put("rows", rows);
    result.put("suppressed", report(checked, dimensions, rules.dp().required()));
    Map<String, Object> applied = new LinkedHashMap<>();
    applied.put("k", rules.k());
    applied.put("releaseThreshold", ReleaseThreshold.of(rules, CellReader.specs(query)));
    applied.put("dominance", List.of(rules.dominance().top1(), rules.dominance().top2()));
    applied.put("differentialPrivacy", rules.dp().required());
    if (rules.dp().required()) {
      applied.put("mechanism", rules.dp().mechanism().name().toLowerCase(java.util.Locale.ROOT));
      applied.put("epsilon", rules.dp().epsilonPerQuery().toPlainString());
      applied.put("delta", rules.dp().delta());
    }
    result.put("rules", applied);
    return result;
  }

  private static List<Object> report(
      CheckedCells checked, List<String> dimensions, boolean differentialPrivacy) {
    List<Object> report = new ArrayList<>();
    if (differentialPrivacy) {
      Map<String, Long> byRule = new LinkedHashMap<>();
      for (Suppression s : checked.report()) {
        byRule.merge(s.rule().id(), 1L, Long::sum);
      }
      byRule.forEach((rule, n) -> report.add(Map.of("rule", rule, "count", n)));
      return report;
    }
    for (Suppression s : checked.report()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      Map<String, Object> cell = new LinkedHashMap<>();
      for (int i = 0; i < dimensions.size(); i++) {
        cell.put(dimensions.get(i), json(s.key().get(i)));
      }
      entry.put("cell", cell);
      s.label().ifPresent(label -> entry.put("column", label));
      entry.put("rule", s.rule().id());
      report.add(entry);
    }
    return report;
  }

  private static void sort(List<List<Object>> rows, GeneratedQuery query) {
    Comparator<List<Object>> order = null;
    for (var item : query.orderBy()) {
      int index = item.outputIndex();
      Comparator<List<Object>> next =
          Comparator.comparing(
              (List<Object> row) -> (Comparable<Object>) comparable(row.get(index)),
              Comparator.nullsLast(
                  item.descending()
                      ? Comparator.<Comparable<Object>>reverseOrder()
                      : Comparator.<Comparable<Object>>naturalOrder()));
      order = order == null ? next : order.thenComparing(next);
    }
    if (order != null) {
      rows.sort(order);
    }
  }

  @SuppressWarnings("unchecked")
  private static Comparable<Object> comparable(Object value) {
    if (value instanceof Number n) {
      return (Comparable<Object>) (Comparable<?>) Double.valueOf(n.doubleValue());
    }
    return (Comparable<Object>) value;
  }

  /**
   * A released value as a JSON number: integral values as integers, others as the nearest double
   * (RFC 8785 numbers are doubles; the values are already rounded to the policy's decimals).
   */
  private static Number number(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    if (plain.scale() <= 0 && plain.abs().compareTo(BigDecimal.valueOf(1L << 53)) < 0) {
      return plain.longValueExact();
    }
    return value.doubleValue();
  }

  private static Object json(Object value) {
    return value instanceof Number n && !(value instanceof Long) && !(value instanceof Double)
        ? Long.valueOf(n.longValue())
        : value;
  }
}
