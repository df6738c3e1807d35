package dev.safehouse.service;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;
import dev.safehouse.query.Violation;
import java.util.List;

/**
 * A request the policy refused: a denied query (with every violation and its position in the SQL),
 * an exhausted budget or a release the enclave's output rules refused (with the rule ids). Reported
 * as problem+json carrying {@code violations} and {@code rules}; never a value.
 */
public final class RefusalException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> rules;
  private final transient List<Violation> violations;

  /** Creates the refusal. */
  public RefusalException(
      ProblemType type, String safeMessage, List<String> rules, List<Violation> violations) {
    super(type, safeMessage);
    this.rules = List.copyOf(rules);
    this.violations = List.copyOf(violations);
  }

  /** Returns the ids of the rules that refused the request. */
  public List<String> rules() {
    return rules;
  }

  /** Returns a denied query's violations, empty for other refusals. */
  public List<Violation> violations() {
    return violations;
  }
}
