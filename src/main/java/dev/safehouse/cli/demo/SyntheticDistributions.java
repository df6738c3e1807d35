package dev.safehouse.cli.demo;

import java.util.SplittableRandom;

/** Draws from the few distributions demo data needs, from a seeded generator (demo data only). */
final class SyntheticDistributions {
  private final SplittableRandom random;

  SyntheticDistributions(SplittableRandom random) {
    this.random = random;
  }

  double uniform() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  /** Standard normal, by Box–Muller. */
  double normal() {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the log). */
  double logNormal(double median, double sigma) {
    return median * Math.exp(sigma * normal());
  }

  /** Poisson by Knuth's method; fine for the small means used here. */
  int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }

  /** Picks index i with probability weights[i] / sum. */
  int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
