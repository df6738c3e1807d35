package dev.safehouse.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The output rules a project runs under: its template's rules merged with those of every provider
 * whose data it reads, the most restrictive of each winning ({@link #mostRestrictive}).
 *
 * @param k minimum distinct enterprises per released cell (at least 2)
 * @param dominance the dominance rule for sums and means of money metrics
 * @param rounding how released values are rounded
 * @param dp differential privacy: whether required, and its ε per query and budget
 * @param approval whether each query needs a steward's approval
 */
public record DisclosureRules(
    int k, Dominance dominance, Rounding rounding, DpRules dp, Approval approval) {

  /** Validates. */
  public DisclosureRules {
    if (k < 2) {
      throw new IllegalArgumentException("k is at least 2");
    }
    Objects.requireNonNull(dominance, "dominance");
    Objects.requireNonNull(rounding, "rounding");
    Objects.requireNonNull(dp, "dp");
    Objects.requireNonNull(approval, "approval");
  }

  /**
   * The (n, k) dominance rule for n = 1 and 2: a cell's sum is suppressed when its largest
   * contribution exceeds {@code top1} of the sum, or its two largest together exceed {@code top2}.
   *
   * @param top1 largest share allowed for the largest contributor, in (0, 1]
   * @param top2 largest share allowed for the two largest together, in (0, 1]
   */
  public record Dominance(double top1, double top2) {
    /** Validates. */
    public Dominance {
      if (!(top1 > 0 && top1 <= 1 && top2 > 0 && top2 <= 1 && top1 <= top2)) {
        throw new IllegalArgumentException("dominance shares are in (0, 1] with top1 <= top2");
      }
    }
  }

  /**
   * Rounding of released values.
   *
   * @param countBase counts are rounded to the nearest multiple of this (1: none)
   * @param sumBase sums are rounded to the nearest multiple of this (1: none)
   * @param meanDecimals means are rounded to this many decimals
   */
  public record Rounding(long countBase, long sumBase, int meanDecimals) {
    /** Validates. */
    public Rounding {
      if (countBase < 1 || sumBase < 1 || meanDecimals < 0 || meanDecimals > 9) {
        throw new IllegalArgumentException("rounding bases are >= 1, mean decimals 0..9");
      }
    }
  }

  /** The noise distribution of a DP release. */
  public enum Mechanism {
    /** Discrete Laplace (two-sided geometric): pure ε-DP. */
    LAPLACE,
    /** Discrete Gaussian: zero-concentrated DP, converted to (ε, δ) for the budget. */
    GAUSSIAN
  }

  /**
   * Differential privacy rules.
   *
   * @param required whether every release is noised and charged
   * @param mechanism the noise distribution
   * @param epsilonPerQuery ε charged per run (split over the run's aggregates)
   * @param budget ε available to the project per period
   * @param refresh the budget's period; the spent ε resets when a period ends
   * @param delta the probability, per release, that a cell is released although it holds fewer than
   *     k enterprises (the δ of releasing noisy group keys; see {@code docs/privacy.md}), in (0,
   *     0.01]
   */
  public record DpRules(
      boolean required,
      Mechanism mechanism,
      BigDecimal epsilonPerQuery,
      BigDecimal budget,
      Duration refresh,
      double delta) {
    /** Validates. */
    public DpRules {
      Objects.requireNonNull(mechanism, "mechanism");
      Objects.requireNonNull(refresh, "refresh");
      if (epsilonPerQuery.signum() <= 0 || budget.signum() <= 0) {
        throw new IllegalArgumentException("ε per query and budget are positive");
      }
      if (refresh.isNegative() || refresh.isZero()) {
        throw new IllegalArgumentException("the budget's refresh period is positive");
      }
      if (!(delta > 0 && delta <= 0.01)) {
        throw new IllegalArgumentException("δ is in (0, 0.01]");
      }
    }
  }

  /** Whether queries need a steward. */
  public enum Approval {
    /** Every query is approved by a steward before it may run. */
    PER_QUERY,
    /** The project is trusted: a query that passes the policy check may run at once. */
    TRUSTED
  }

  /**
   * Merges two rule sets, taking the most restrictive of each rule: the larger k, the smaller
   * dominance shares, the coarser rounding, DP if either requires it with the smaller ε per query,
   * the smaller budget, the longer refresh period and the smaller δ, and per-query approval if
   * either asks for it. The mechanism of {@code this} is kept unless only {@code other} requires
   * DP.
   */
  public DisclosureRules mostRestrictive(DisclosureRules other) {
    DpRules mine = dp;
    DpRules theirs = other.dp;
    return new DisclosureRules(
        Math.max(k, other.k),
        new Dominance(
            Math.min(dominance.top1, other.dominance.top1),
            Math.min(dominance.top2, other.dominance.top2)),
        new Rounding(
            Math.max(rounding.countBase, other.rounding.countBase),
            Math.max(rounding.sumBase, other.rounding.sumBase),
            Math.min(rounding.meanDecimals, other.rounding.meanDecimals)),
        new DpRules(
            mine.required || theirs.required,
            !mine.required && theirs.required ? theirs.mechanism : mine.mechanism,
            mine.epsilonPerQuery.min(theirs.epsilonPerQuery),
            mine.budget.min(theirs.budget),
            mine.refresh.compareTo(theirs.refresh) >= 0 ? mine.refresh : theirs.refresh,
            Math.min(mine.delta, theirs.delta)),
        approval == Approval.PER_QUERY || other.approval == Approval.PER_QUERY
            ? Approval.PER_QUERY
            : Approval.TRUSTED);
  }
}
