package dev.safehouse.query;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link QueryChecker#check}: a typed plan, or every violation found. */
public sealed interface CheckResult permits CheckResult.Accepted, CheckResult.Denied {

  /**
   * The query is within policy.
   *
   * @param plan the typed plan, from which the SQL that runs is generated
   */
  record Accepted(QueryPlan plan) implements CheckResult {
    /** Validates. */
    public Accepted {
      Objects.requireNonNull(plan, "plan");
    }
  }

  /**
   * The query is denied.
   *
   * @param violations at least one, in order of position
   */
  record Denied(List<Violation> violations) implements CheckResult {
    /** Validates and copies. */
    public Denied {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("a denial has at least one violation");
      }
    }
  }
}
