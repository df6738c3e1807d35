package dev.safehouse.privacy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Exact samplers for Bernoulli, discrete Laplace and discrete Gaussian distributions with rational
 * parameters, after Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy"
 * (NeurIPS 2020, arXiv:2004.00010), Algorithms 1–3, as implemented by OpenDP.
 *
 * <h2>Security guarantees</h2>
 *
 * Every draw is exact: the only arithmetic is on {@link BigInteger} and {@link Rational}, and the
 * only randomness is uniform integers from the {@link SecureRandom} given to the constructor. There
 * is no floating point on the sampling path, so none of the attacks on floating-point Laplace noise
 * (Mironov 2012) apply. Every loop ends with probability 1 and after a small expected number of
 * rounds (a constant for Bernoulli, O(1) for Laplace, O(1) for Gaussian, per the paper).
 *
 * <p><b>Not guaranteed:</b> constant time. The number of random draws, and so the running time,
 * depends on the value sampled; a caller that releases timings leaks about the noise.
 *
 * <p>Not thread-safe beyond what its {@link SecureRandom} offers (the JDK's are thread-safe).
 */
public final class DiscreteSamplers {
  private static final Rational ONE_HALF = Rational.of(1, 2);

  private final SecureRandom random;

  /** Uses {@code random} for every draw. */
  public DiscreteSamplers(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Returns a uniform integer in {@code [0, bound)}, by rejection sampling of {@code
   * bitLength(bound - 1)} random bits (each round succeeds with probability above one half).
   *
   * @throws IllegalArgumentException if {@code bound <= 0}
   */
  public BigInteger uniformBelow(BigInteger bound) {
    if (bound.signum() <= 0) {
      throw new IllegalArgumentException("the bound of a uniform draw is positive");
    }
    int bits = bound.subtract(BigInteger.ONE).bitLength();
    BigInteger draw;
    do {
      draw = new BigInteger(bits, random);
    } while (draw.compareTo(bound) >= 0);
    return draw;
  }

  /**
   * Returns {@code true} with probability exactly {@code p}: a uniform integer in {@code [0, d)} is
   * below {@code n}, for {@code p = n/d}.
   *
   * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
   */
  public boolean bernoulli(Rational p) {
    if (p.signum() < 0 || p.compareTo(Rational.ONE) > 0) {
      throw new IllegalArgumentException("a probability is in [0, 1]");
    }
    return uniformBelow(p.denominator()).compareTo(p.numerator()) < 0;
  }

  /**
   * Returns {@code true} with probability exactly {@code exp(-gamma)} (Algorithm 1). For {@code
   * gamma > 1} it draws up to {@code floor(gamma)} times Bernoulli(exp(-1)), stopping at the first
   * {@code false}, and then Bernoulli(exp(-(gamma - floor(gamma)))).
   *
   * @throws IllegalArgumentException if {@code gamma < 0}
   */
  public boolean bernoulliExp(Rational gamma) {
    if (gamma.signum() < 0) {
      throw new IllegalArgumentException("gamma is non-negative");
    }
    BigInteger whole = gamma.floor();
    for (BigInteger i = BigInteger.ZERO; i.compareTo(whole) < 0; i = i.add(BigInteger.ONE)) {
      if (!bernoulliExpAtMostOne(Rational.ONE)) {
        return false;
      }
    }
    return bernoulliExpAtMostOne(gamma.subtract(Rational.of(whole)));
  }

  /** Algorithm 1 for {@code 0 <= gamma <= 1}: the parity of the first K with A_K = 0. */
  private boolean bernoulliExpAtMostOne(Rational gamma) {
    BigInteger k = BigInteger.ONE;
    // P(K > k) = gamma^k / k!, so the loop ends after fewer than e rounds on average.
    while (bernoulli(gamma.divide(Rational.of(k)))) {
      k = k.add(BigInteger.ONE);
    }
    return k.testBit(0);
  }

  /**
   * Returns an integer {@code x} with probability proportional to {@code exp(-|x| / scale)}
   * (Algorithm 2, with {@code scale = t/s} for integers t, s). Each round accepts with a
   * probability bounded below by a constant independent of t and s (the paper, Section 5.2).
   *
   * @throws IllegalArgumentException if {@code scale <= 0}
   */
  public BigInteger laplace(Rational scale) {
    if (scale.signum() <= 0) {
      throw new IllegalArgumentException("the Laplace scale is positive");
    }
    BigInteger t = scale.numerator();
    BigInteger s = scale.denominator();
    while (true) {
      BigInteger u = uniformBelow(t);
      if (!bernoulliExp(new Rational(u, t))) {
        continue;
      }
      BigInteger v = BigInteger.ZERO;
      while (bernoulliExp(Rational.ONE)) {
        v = v.add(BigInteger.ONE);
      }
      // X = U + tV is geometric with parameter 1 - exp(-1/t); Y = floor(X / s) with 1 - exp(-s/t).
      BigInteger y = u.add(t.multiply(v)).divide(s);
      boolean negative = bernoulli(ONE_HALF);
      if (negative && y.signum() == 0) {
        continue;
      }
      return negative ? y.negate() : y;
    }
  }

  /**
   * Returns an integer {@code x} with probability proportional to {@code exp(-x² / (2 sigma²))}
   * (Algorithm 3): discrete Laplace proposals with scale {@code t = floor(sigma) + 1}, accepted
   * with probability {@code exp(-(|y| - sigma²/t)² / (2 sigma²))}.
   *
   * @throws IllegalArgumentException if {@code sigmaSquared <= 0}
   */
  public BigInteger gaussian(Rational sigmaSquared) {
    if (sigmaSquared.signum() <= 0) {
      throw new IllegalArgumentException("the Gaussian variance is positive");
    }
    BigInteger a = sigmaSquared.numerator();
    BigInteger b = sigmaSquared.denominator();
    // floor(sqrt(x)) = floor(sqrt(floor(x))) for x >= 0, since squares of integers are integers.
    BigInteger t = sigmaSquared.floor().sqrt().add(BigInteger.ONE);
    Rational laplaceScale = Rational.of(t);
    BigInteger twoABTSquared = BigInteger.TWO.multiply(a).multiply(b).multiply(t).multiply(t);
    while (true) {
      BigInteger y = laplace(laplaceScale);
      // (|y| - a/(bt))² / (2a/b) = (|y|·b·t - a)² / (2·a·b·t²)
      BigInteger offset = y.abs().multiply(b).multiply(t).subtract(a);
      if (bernoulliExp(new Rational(offset.multiply(offset), twoABTSquared))) {
        return y;
      }
    }
  }
}
