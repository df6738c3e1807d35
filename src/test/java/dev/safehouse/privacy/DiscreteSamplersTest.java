package dev.safehouse.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.safehouse.policy.DisclosureRules.Mechanism;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the samplers; their distributions are checked in {@link SamplerDistributionTest}.
 */
class DiscreteSamplersTest {
  private final DiscreteSamplers samplers = new DiscreteSamplers(seeded(7));

  /** SHA1PRNG seeded before first use is deterministic on the SUN provider, unlike the default. */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void bernoulli_zero_isAlwaysFalse() {
    for (int i = 0; i < 1000; i++) {
      assertThat(samplers.bernoulli(Rational.ZERO)).isFalse();
    }
  }

  @Test
  void bernoulli_one_isAlwaysTrue() {
    for (int i = 0; i < 1000; i++) {
      assertThat(samplers.bernoulli(Rational.ONE)).isTrue();
    }
  }

  @Test
  void bernoulli_outsideUnitInterval_fails() {
    assertThatThrownBy(() -> samplers.bernoulli(Rational.of(3, 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> samplers.bernoulli(Rational.of(-1, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bernoulli_oneThird_isNearOneThird() {
    int hits = 0;
    for (int i = 0; i < 30_000; i++) {
      hits += samplers.bernoulli(Rational.of(1, 3)) ? 1 : 0;
    }
    // sd = sqrt(30000 · 2/9) ≈ 82; allow 5 sd
    assertThat(hits).isBetween(10_000 - 410, 10_000 + 410);
  }

  @Test
  void bernoulliExp_zero_isAlwaysTrue() {
    for (int i = 0; i < 1000; i++) {
      assertThat(samplers.bernoulliExp(Rational.ZERO)).isTrue();
    }
  }

  @Test
  void bernoulliExp_largeGamma_isFalseAndFast() {
    Rational huge = new Rational(BigInteger.TEN.pow(30), BigInteger.ONE);
    for (int i = 0; i < 1000; i++) {
      assertThat(samplers.bernoulliExp(Rational.of(1000, 1))).isFalse();
      assertThat(samplers.bernoulliExp(huge)).isFalse();
    }
  }

  @Test
  void bernoulliExp_negative_fails() {
    assertThatThrownBy(() -> samplers.bernoulliExp(Rational.of(-1, 10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bernoulliExp_threeHalves_isNearExpMinusThreeHalves() {
    int hits = 0;
    int n = 40_000;
    for (int i = 0; i < n; i++) {
      hits += samplers.bernoulliExp(Rational.of(3, 2)) ? 1 : 0;
    }
    double p = Math.exp(-1.5);
    assertThat((double) hits)
        .isCloseTo(n * p, org.assertj.core.data.Offset.offset(5 * Math.sqrt(n * p * (1 - p))));
  }

  @Test
  void uniformBelow_one_isZero() {
    assertThat(samplers.uniformBelow(BigInteger.ONE)).isZero();
  }

  @Test
  void laplace_nonPositiveScale_fails() {
    assertThatThrownBy(() -> samplers.laplace(Rational.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> samplers.laplace(Rational.of(-1, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void gaussian_nonPositiveVariance_fails() {
    assertThatThrownBy(() -> samplers.gaussian(Rational.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void laplace_tinyScale_isAlmostAlwaysZero() {
    Rational scale = Rational.of(1, 100);
    for (int i = 0; i < 1000; i++) {
      assertThat(samplers.laplace(scale)).isZero();
    }
  }

  @Test
  void gaussian_largeVariance_terminatesWithPlausibleValues() {
    Rational variance = Rational.of(1_000_000_000_000L, 1); // sigma = 10^6
    for (int i = 0; i < 200; i++) {
      assertThat(samplers.gaussian(variance).abs()).isLessThan(BigInteger.valueOf(7_000_000));
    }
  }

  @Test
  void calibrate_laplace_isSensitivityOverEpsilon() {
    NoiseScale scale = NoiseScale.calibrate(Mechanism.LAPLACE, new BigDecimal("0.3"), 2);
    assertThat(scale.value()).isEqualTo(Rational.of(20, 3));
  }

  @Test
  void calibrate_gaussian_isSensitivitySquaredOverEpsilonSquared() {
    NoiseScale scale = NoiseScale.calibrate(Mechanism.GAUSSIAN, new BigDecimal("0.5"), 3);
    assertThat(scale.value()).isEqualTo(Rational.of(36, 1));
  }

  @Test
  void calibrate_invalid_fails() {
    assertThatThrownBy(() -> NoiseScale.calibrate(Mechanism.LAPLACE, BigDecimal.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoiseScale.calibrate(Mechanism.LAPLACE, BigDecimal.ONE, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
