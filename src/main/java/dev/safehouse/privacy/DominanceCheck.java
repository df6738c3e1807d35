package dev.safehouse.privacy;

import dev.safehouse.policy.DisclosureRules.Dominance;

/**
 * The (n, k) dominance rule for n = 1, 2 on one SUM or AVG of a money metric, decided on the true
 * clamped values: dominated when {@code top1 > top1Share × sum}, or {@code top1 + top2 > top2Share
 * × sum}, or {@code sum <= 0} while there are contributions (shares of a non-positive total mean
 * nothing, so fail closed).
 */
final class DominanceCheck {
  private final Dominance dominance;

  DominanceCheck(Dominance dominance) {
    this.dominance = dominance;
  }

  /**
   * Returns whether the aggregate must be withheld; false when the rule does not apply.
   *
   * @throws IllegalArgumentException if a money aggregate with values lacks its largest
   *     contribution
   */
  boolean dominated(RawAggregate aggregate) {
    if (!aggregate.spec().dominanceApplies() || aggregate.nonNullCount() == 0) {
      return false;
    }
    if (aggregate.top1() == null) {
      throw new IllegalArgumentException(
          aggregate.spec().label() + ": a money aggregate needs its largest contributions");
    }
    double sum = aggregate.value().doubleValue();
    double top1 = aggregate.top1();
    double top2 = aggregate.top2() == null ? 0 : aggregate.top2();
    return sum <= 0 || top1 > dominance.top1() * sum || top1 + top2 > dominance.top2() * sum;
  }
}
