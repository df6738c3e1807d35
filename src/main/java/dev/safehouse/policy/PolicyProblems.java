package dev.safehouse.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects the problems of a policy bundle so that one load reports all of them, each on its own
 * line, in file and position order.
 */
public final class PolicyProblems {
  private final List<PolicyProblem> problems = new ArrayList<>();

  /** Starts an empty collection. */
  public PolicyProblems() {}

  /** Records a problem. */
  public void add(PolicyProblem problem) {
    problems.add(problem);
  }

  /** Returns how many problems have been recorded so far. */
  public int count() {
    return problems.size();
  }

  /**
   * Throws if any problem was recorded.
   *
   * @throws PolicyException listing every problem, one per line
   */
  public void throwIfAny() {
    if (problems.isEmpty()) {
      return;
    }
    String text =
        problems.stream()
            .sorted(
                Comparator.comparing(PolicyProblem::file)
                    .thenComparingInt(p -> p.at().line())
                    .thenComparingInt(p -> p.at().column()))
            .map(PolicyProblem::toString)
            .distinct()
            .collect(Collectors.joining("\n"));
    throw new PolicyException(text);
  }
}
