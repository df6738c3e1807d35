package dev.safehouse.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safehouse.policy.DisclosureRules.Mechanism;
import java.math.BigDecimal;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Statistical tests: 10^5 draws of each sampler at ε = 0.5 and ε = 2 (Δ = 1), checked against the
 * exact pmf (computed here, in double precision, for the test only) by a chi-square goodness-of-fit
 * test at α = 0.001, and by their mean and variance. The randomness is SHA1PRNG seeded before first
 * use, which is deterministic on the SUN provider, so the tests are reproducible.
 */
class SamplerDistributionTest {
  private static final int DRAWS = 100_000;
  private static final int SUPPORT = 200;
  private static final double Z_999 = 3.090232306167813;

  @ParameterizedTest
  @CsvSource({"LAPLACE, 0.5", "LAPLACE, 2", "GAUSSIAN, 0.5", "GAUSSIAN, 2"})
  void draws_matchExactPmf(Mechanism mechanism, BigDecimal epsilon) {
    NoiseScale scale = NoiseScale.calibrate(mechanism, epsilon, 1);
    double parameter =
        scale.value().numerator().doubleValue() / scale.value().denominator().doubleValue();
    double[] pmf =
        pmf(
            mechanism == Mechanism.LAPLACE
                ? x -> Math.exp(-Math.abs(x) / parameter)
                : x -> Math.exp(-(double) x * x / (2 * parameter)));
    NoiseSource noise = new DiscreteNoise(DiscreteSamplersTest.seeded(epsilon.hashCode()));
    long[] counts = new long[pmf.length];
    double sum = 0;
    double sumOfSquares = 0;
    for (int i = 0; i < DRAWS; i++) {
      int x = noise.draw(scale).intValueExact();
      counts[index(x)]++;
      sum += x;
      sumOfSquares += (double) x * x;
    }
    assertChiSquareFits(pmf, counts);
    assertMomentsFit(pmf, sum / DRAWS, sumOfSquares / DRAWS - (sum / DRAWS) * (sum / DRAWS));
  }

  /** Index of x in the pmf array, which covers -SUPPORT..SUPPORT; beyond, the (pooled) ends. */
  private static int index(int x) {
    return Math.max(-SUPPORT, Math.min(SUPPORT, x)) + SUPPORT;
  }

  private static double[] pmf(IntToDoubleFunction unnormalised) {
    double[] pmf = new double[2 * SUPPORT + 1];
    double total = 0;
    for (int x = -SUPPORT; x <= SUPPORT; x++) {
      pmf[x + SUPPORT] = unnormalised.applyAsDouble(x);
      total += pmf[x + SUPPORT];
    }
    for (int i = 0; i < pmf.length; i++) {
      pmf[i] /= total;
    }
    return pmf;
  }

  /** Bins -L..L one value each, both tails pooled into one bin, every expected count >= 5. */
  private static void assertChiSquareFits(double[] pmf, long[] counts) {
    int limit = 0;
    while (limit < SUPPORT && DRAWS * pmf[SUPPORT + limit + 1] >= 5) {
      limit++;
    }
    while (tail(pmf, limit) * DRAWS < 5) {
      limit--;
    }
    double statistic = 0;
    long tailCount = 0;
    for (int x = -SUPPORT; x <= SUPPORT; x++) {
      if (Math.abs(x) > limit) {
        tailCount += counts[x + SUPPORT];
      } else {
        double expected = DRAWS * pmf[x + SUPPORT];
        statistic += square(counts[x + SUPPORT] - expected) / expected;
      }
    }
    double tailExpected = DRAWS * tail(pmf, limit);
    statistic += square(tailCount - tailExpected) / tailExpected;
    int degreesOfFreedom = 2 * limit + 1; // 2·limit + 2 bins, minus one
    assertThat(statistic).isLessThan(chiSquareQuantile(degreesOfFreedom));
  }

  private static double tail(double[] pmf, int limit) {
    double tail = 0;
    for (int x = limit + 1; x <= SUPPORT; x++) {
      tail += pmf[SUPPORT + x] + pmf[SUPPORT - x];
    }
    return tail;
  }

  /** The 0.999 quantile of chi-square with {@code k} degrees of freedom (Wilson–Hilferty). */
  private static double chiSquareQuantile(int k) {
    double a = 2.0 / (9.0 * k);
    return k * Math.pow(1 - a + Z_999 * Math.sqrt(a), 3);
  }

  /** Mean and variance within 5 standard errors of the exact ones. */
  private static void assertMomentsFit(double[] pmf, double mean, double variance) {
    double exactVariance = 0;
    double fourthMoment = 0;
    for (int x = -SUPPORT; x <= SUPPORT; x++) {
      exactVariance += pmf[x + SUPPORT] * x * x;
      fourthMoment += pmf[x + SUPPORT] * square((double) x * x);
    }
    assertThat(Math.abs(mean)).isLessThan(5 * Math.sqrt(exactVariance / DRAWS));
    double varianceError = Math.sqrt((fourthMoment - square(exactVariance)) / DRAWS);
    assertThat(Math.abs(variance - exactVariance)).isLessThan(5 * varianceError);
  }

  private static double square(double x) {
    return x * x;
  }
}
