package dev.safehouse.privacy;

import dev.safehouse.policy.DisclosureRules;
import dev.safehouse.policy.DisclosureRules.Mechanism;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The smallest noisy enterprise count at which a cell is released under differential privacy: k
 * plus the tail of the count's noise at δ, so that a cell of fewer than k enterprises — in
 * particular a group key held by a single enterprise — is released with probability at most δ.
 *
 * <p>For discrete Laplace of scale t, P(Z ≥ m) = e^{−m/t}/(1 + e^{−1/t}) ≤ e^{−m/t}, so the offset
 * is ⌈t·ln(1/δ)⌉; for the discrete Gaussian of variance σ², which is σ-subgaussian (Canonne, Kamath
 * &amp; Steinke 2020), P(Z ≥ m) ≤ e^{−m²/(2σ²)}, so the offset is ⌈σ·√(2·ln(1/δ))⌉. Without DP the
 * threshold is k on the true count. The threshold depends on the rules and the query's shape only,
 * never on the data, so it may be published with the result.
 */
public final class ReleaseThreshold {
  private ReleaseThreshold() {}

  /** Returns the threshold for a query with aggregates {@code specs} under {@code rules}. */
  public static long of(DisclosureRules rules, List<AggregateSpec> specs) {
    if (!rules.dp().required()) {
      return rules.k();
    }
    Rational epsilonEach =
        Rational.of(rules.dp().epsilonPerQuery())
            .divide(Rational.of(NoisyCellCheck.noisyQuantities(specs), 1));
    return of(rules.k(), NoiseScale.calibrate(rules.dp().mechanism(), epsilonEach, 1), rules.dp());
  }

  static long of(int k, NoiseScale countScale, DisclosureRules.DpRules dp) {
    double scale =
        new BigDecimal(countScale.value().numerator())
            .divide(new BigDecimal(countScale.value().denominator()), MathContext.DECIMAL64)
            .doubleValue();
    double log = Math.log(1 / dp.delta());
    double offset =
        dp.mechanism() == Mechanism.LAPLACE ? scale * log : Math.sqrt(scale) * Math.sqrt(2 * log);
    return k + (long) Math.ceil(offset);
  }
}
