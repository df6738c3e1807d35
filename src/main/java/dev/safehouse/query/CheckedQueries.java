package dev.safehouse.query;

import dev.safehouse.common.DatasetId;
import dev.safehouse.policy.DisclosureRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link QueryChecker} with a bounded memory of its answers: the same SQL text checked for the
 * same datasets under the same rules gets the same result, so an approved query is parsed once, not
 * on every run (and, in the enclave, not once per earlier release the differencing guard compares).
 * A check is a pure function of those inputs and of the checker's catalog, which does not change
 * while the checker lives.
 *
 * <p>Thread-safe. Holds SQL texts and plans, never data.
 */
public final class CheckedQueries {
  private final QueryChecker checker;
  private final Map<Key, CheckResult> recent;

  /**
   * Remembers the results of up to {@code capacity} distinct checks, least recently used first out.
   */
  public CheckedQueries(QueryChecker checker, int capacity) {
    this.checker = Objects.requireNonNull(checker, "checker");
    if (capacity < 1) {
      throw new IllegalArgumentException("the capacity is at least 1");
    }
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, CheckResult> eldest) {
            return size() > capacity;
          }
        };
  }

  private record Key(String sql, Set<DatasetId> datasets, DisclosureRules rules) {}

  /** Returns {@link QueryChecker#check}'s result, from memory when the same check was made. */
  public CheckResult check(String sql, Set<DatasetId> projectDatasets, DisclosureRules rules) {
    Key key = new Key(sql, Set.copyOf(projectDatasets), rules);
    synchronized (recent) {
      CheckResult known = recent.get(key);
      if (known != null) {
        return known;
      }
    }
    CheckResult result = checker.check(sql, projectDatasets, rules);
    synchronized (recent) {
      recent.put(key, result);
    }
    return result;
  }
}
