package dev.safehouse.privacy;

import dev.safehouse.policy.ColumnType;
import dev.safehouse.policy.QueryColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The grid a metric's sums are quantised to before DP noise, and the sum's sensitivity on it.
 *
 * <p>The resolution is {@code 10^exponent}: 1 for integer metrics; for decimal metrics the power of
 * ten that puts the largest clamp bound {@code B = max(|clampMin|, |clampMax|)} between 10^5 and
 * 10^6 resolution units (so a metric clamped to [0, 5 000 000.00] is summed in tens). The
 * sensitivity is {@code ceil(B / resolution)}, at least 1.
 *
 * <p>Sums are quantised with {@link RoundingMode#FLOOR}: it is monotone and commutes with adding
 * whole units, so adding or removing one enterprise's clamped value moves the quantised sum by at
 * most the sensitivity. (Half-even rounding would not: a shift by one unit can move it by two.)
 *
 * @param exponent the resolution is 10^exponent
 * @param sensitivity Δ in resolution units, at least 1
 */
public record SumResolution(int exponent, long sensitivity) {
  private static final int UNITS_DIGITS = 6;

  /**
   * Checks.
   *
   * @throws IllegalArgumentException if {@code sensitivity < 1}
   */
  public SumResolution {
    if (sensitivity < 1) {
      throw new IllegalArgumentException("the sensitivity is at least 1");
    }
  }

  /**
   * Returns the resolution and sensitivity for sums of {@code metric}.
   *
   * @throws IllegalArgumentException if the metric's clamp bounds are not finite
   */
  public static SumResolution of(QueryColumn metric) {
    if (!Double.isFinite(metric.clampMin()) || !Double.isFinite(metric.clampMax())) {
      throw new IllegalArgumentException(metric.name() + ": clamp bounds are not finite");
    }
    BigDecimal bound =
        BigDecimal.valueOf(Math.max(Math.abs(metric.clampMin()), Math.abs(metric.clampMax())));
    if (bound.signum() == 0) {
      return new SumResolution(0, 1);
    }
    // bound < 10^digits, so bound / 10^(digits - 6) < 10^6 units.
    int exponent =
        metric.type() == ColumnType.INTEGER ? 0 : bound.precision() - bound.scale() - UNITS_DIGITS;
    BigInteger units =
        bound.scaleByPowerOfTen(-exponent).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
    return new SumResolution(exponent, units.max(BigInteger.ONE).longValueExact());
  }

  /** Returns {@code 10^exponent}. */
  public BigDecimal resolution() {
    return BigDecimal.ONE.scaleByPowerOfTen(exponent);
  }

  /** Returns {@code floor(sum / resolution)}, the sum in whole resolution units. */
  public BigInteger units(double sum) {
    return BigDecimal.valueOf(sum)
        .scaleByPowerOfTen(-exponent)
        .setScale(0, RoundingMode.FLOOR)
        .toBigIntegerExact();
  }

  /** Returns {@code units × resolution}. */
  public BigDecimal value(BigInteger units) {
    return new BigDecimal(units).scaleByPowerOfTen(exponent);
  }
}
