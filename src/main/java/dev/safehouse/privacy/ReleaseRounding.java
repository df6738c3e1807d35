package dev.safehouse.privacy;

import dev.safehouse.policy.DisclosureRules.Rounding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Rounds released values per {@link Rounding}, half-even (ties to the even multiple, so rounding
 * adds no bias). A base of 1 leaves values as they are.
 */
final class ReleaseRounding {
  private final Rounding rounding;

  ReleaseRounding(Rounding rounding) {
    this.rounding = rounding;
  }

  /** Rounds a count to the nearest multiple of the count base. */
  BigDecimal count(BigInteger count) {
    return toMultiple(new BigDecimal(count), rounding.countBase());
  }

  /** Rounds a sum to the nearest multiple of the sum base. */
  BigDecimal sum(BigDecimal sum) {
    return toMultiple(sum, rounding.sumBase());
  }

  /** Returns {@code sum / count} rounded to the mean decimals. Requires {@code count > 0}. */
  BigDecimal mean(BigDecimal sum, BigInteger count) {
    return sum.divide(new BigDecimal(count), rounding.meanDecimals(), RoundingMode.HALF_EVEN);
  }

  private static BigDecimal toMultiple(BigDecimal value, long base) {
    if (base == 1) {
      return value;
    }
    BigDecimal step = BigDecimal.valueOf(base);
    return value.divide(step, 0, RoundingMode.HALF_EVEN).multiply(step);
  }
}
