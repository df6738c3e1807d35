package dev.safehouse.privacy;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The production {@link NoiseSource}: exact discrete Laplace or discrete Gaussian draws ({@link
 * DiscreteSamplers}) from a {@link SecureRandom}.
 */
public final class DiscreteNoise implements NoiseSource {
  private final DiscreteSamplers samplers;

  /** Draws from {@code random}; pass a fresh {@code new SecureRandom()} in production. */
  public DiscreteNoise(SecureRandom random) {
    this.samplers = new DiscreteSamplers(random);
  }

  @Override
  public BigInteger draw(NoiseScale scale) {
    return switch (scale.mechanism()) {
      case LAPLACE -> samplers.laplace(scale.value());
      case GAUSSIAN -> samplers.gaussian(scale.value());
    };
  }
}
