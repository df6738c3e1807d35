package dev.safehouse.privacy;

import dev.safehouse.policy.DisclosureRules.Mechanism;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The exact parameter of the noise added to one integer quantity: the scale {@code t} of a discrete
 * Laplace, or the variance {@code sigma²} of a discrete Gaussian.
 *
 * <h2>Security guarantees</h2>
 *
 * {@link #calibrate} gives, for a quantity whose value changes by at most {@code sensitivity} when
 * one enterprise is added or removed:
 *
 * <ul>
 *   <li>Laplace, {@code t = Δ/ε}: pure ε-differential privacy (CKS20, Section 3 / the geometric
 *       mechanism);
 *   <li>Gaussian, {@code sigma² = Δ²/ε²}: ρ-zero-concentrated DP with {@code ρ = Δ²/(2 sigma²) =
 *       ε²/2} (CKS20, Theorem 14). This is <b>not</b> pure ε-DP; the budget converts ρ to (ε, δ).
 * </ul>
 *
 * The sensitivity is in units of the quantity's resolution (a count: 1; a sum: see {@link
 * SumResolution}); the guarantee holds only if the caller's Δ is a true bound.
 *
 * @param mechanism the distribution
 * @param value the Laplace scale t or the Gaussian variance sigma², positive
 */
public record NoiseScale(Mechanism mechanism, Rational value) {
  /**
   * Checks.
   *
   * @throws IllegalArgumentException if {@code value} is not positive
   */
  public NoiseScale {
    Objects.requireNonNull(mechanism, "mechanism");
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("a noise scale is positive");
    }
  }

  /**
   * Returns the scale for releasing a quantity of the given sensitivity with {@code epsilon}.
   *
   * @param epsilon ε, positive, taken exactly (unscaled value over 10^scale)
   * @param sensitivity Δ in resolution units, at least 1
   * @throws IllegalArgumentException if {@code epsilon <= 0} or {@code sensitivity < 1}
   */
  public static NoiseScale calibrate(Mechanism mechanism, BigDecimal epsilon, long sensitivity) {
    return calibrate(mechanism, Rational.of(epsilon), sensitivity);
  }

  /**
   * Returns the scale for releasing a quantity of the given sensitivity with an exact {@code
   * epsilon} (such as a per-query ε split in equal shares).
   *
   * @throws IllegalArgumentException if {@code epsilon <= 0} or {@code sensitivity < 1}
   */
  public static NoiseScale calibrate(Mechanism mechanism, Rational epsilon, long sensitivity) {
    if (epsilon.signum() <= 0) {
      throw new IllegalArgumentException("ε is positive");
    }
    if (sensitivity < 1) {
      throw new IllegalArgumentException("the sensitivity is at least 1");
    }
    Rational delta = Rational.of(sensitivity, 1);
    Rational laplaceScale = delta.divide(epsilon);
    return new NoiseScale(
        mechanism,
        switch (mechanism) {
          case LAPLACE -> laplaceScale;
          case GAUSSIAN -> laplaceScale.multiply(laplaceScale);
        });
  }
}
