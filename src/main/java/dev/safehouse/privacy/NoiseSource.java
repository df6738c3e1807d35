package dev.safehouse.privacy;

import java.math.BigInteger;

/**
 * Draws the integer noise added to one quantity of a differentially private release.
 *
 * <h2>Security guarantees</h2>
 *
 * The production implementation, {@link DiscreteNoise}, draws exactly from the discrete Laplace or
 * discrete Gaussian named by the scale, with randomness from a {@link java.security.SecureRandom},
 * and each draw is independent. Any other implementation (tests inject zero or fixed noise) voids
 * every DP guarantee of the release that uses it.
 */
@FunctionalInterface
public interface NoiseSource {
  /** Returns one independent draw from the distribution of {@code scale}. */
  BigInteger draw(NoiseScale scale);
}
