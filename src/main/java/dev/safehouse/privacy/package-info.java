/**
 * Output checks (small-cell suppression, dominance, rounding) and differential privacy: exact
 * discrete Laplace and Gaussian samplers over rationals ({@link
 * dev.safehouse.privacy.DiscreteSamplers}), their calibration ({@link
 * dev.safehouse.privacy.NoiseScale}) and the checks a query's raw cells pass before release ({@link
 * dev.safehouse.privacy.OutputChecks}). See {@code docs/privacy.md}.
 *
 * <p>Plain Java, usable inside the enclave; depends on {@code policy} and {@code common} only, and
 * takes its randomness from a {@link java.security.SecureRandom}.
 */
package dev.safehouse.privacy;
