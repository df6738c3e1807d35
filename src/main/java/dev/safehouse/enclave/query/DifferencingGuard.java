package dev.safehouse.enclave.query;

import dev.safehouse.enclave.store.EnclaveTables;
import dev.safehouse.query.GeneratedQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a release that differs from an earlier release of the same project, cell by cell, by
 * fewer than k enterprises — the classic differencing attack ("all in region R" minus "all in
 * region R except those with capital x" isolates the excepted enterprises).
 *
 * <p>For every pair of an earlier cell A and a new cell B over the same source, both released (each
 * with at least k enterprises), the guard computes |A Δ B| = |A| + |B| − 2|A ∩ B| in one generated
 * statement; a pair with 0 < |A Δ B| < k refuses the new release. Identical cells (Δ = 0) and
 * disjoint ones are fine. Releases over different sources are not compared.
 *
 * <p>Not guaranteed: the earlier releases come from the host; a host that withholds them weakens
 * the guard (every release is in the audit log with its plan hash, where an auditor can see it).
 * Combinations of three or more releases are not analysed. Under differential privacy the guard is
 * not needed: the noise and the budget bound what any set of releases reveals.
 */
final class DifferencingGuard {
  private final EnclaveTables tables;

  DifferencingGuard(EnclaveTables tables) {
    this.tables = tables;
  }

  /**
   * Whether releasing {@code next} after {@code earlier} would isolate fewer than k enterprises.
   */
  boolean isolates(GeneratedQuery earlier, GeneratedQuery next, int k) {
    if (!earlier.source().equals(next.source())) {
      return false;
    }
    List<String> old = earlier.dimensionColumns();
    List<String> now = next.dimensionColumns();
    StringBuilder sql = new StringBuilder("WITH t AS (SELECT ");
    List<String> oldKeys = keys("o", old.size());
    List<String> newKeys = keys("n", now.size());
    for (int i = 0; i < old.size(); i++) {
      sql.append(old.get(i)).append(" AS ").append(oldKeys.get(i)).append(", ");
    }
    for (int i = 0; i < now.size(); i++) {
      sql.append(now.get(i)).append(" AS ").append(newKeys.get(i)).append(", ");
    }
    sql.append("coalesce((")
        .append(earlier.whereSql())
        .append("), false) AS in_o, coalesce((")
        .append(next.whereSql())
        .append("), false) AS in_n FROM ")
        .append(next.source())
        .append("), a AS (")
        .append(grouped(oldKeys, "in_o", "size_o"))
        .append("), b AS (")
        .append(grouped(newKeys, "in_n", "size_n"))
        .append("), p AS (")
        .append(grouped(concat(oldKeys, newKeys), "in_o AND in_n", "both_n"))
        .append(") SELECT count(*) FROM p JOIN a ON ")
        .append(matching("p", "a", oldKeys))
        .append(" JOIN b ON ")
        .append(matching("p", "b", newKeys))
        .append(
            " WHERE size_o >= ? AND size_n >= ? AND size_o + size_n - 2 * both_n BETWEEN 1 AND ?");
    List<Object> bindings = new ArrayList<>(earlier.whereBindings());
    bindings.addAll(next.whereBindings());
    bindings.add((long) k);
    bindings.add((long) k);
    bindings.add((long) k - 1);
    Object count = tables.select(sql.toString(), bindings).get(0)[0];
    return ((Number) count).longValue() > 0;
  }

  private static List<String> keys(String prefix, int n) {
    List<String> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(prefix + i);
    }
    return keys;
  }

  private static String grouped(List<String> keys, String filter, String count) {
    String columns = keys.isEmpty() ? "" : String.join(", ", keys) + ", ";
    String groupBy = keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys);
    return "SELECT " + columns + "count(*) AS " + count + " FROM t WHERE " + filter + groupBy;
  }

  private static String matching(String left, String right, List<String> keys) {
    if (keys.isEmpty()) {
      return "TRUE";
    }
    List<String> terms = new ArrayList<>();
    for (String key : keys) {
      terms.add(left + "." + key + " IS NOT DISTINCT FROM " + right + "." + key);
    }
    return String.join(" AND ", terms);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
