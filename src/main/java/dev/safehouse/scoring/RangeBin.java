package dev.safehouse.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A bin of a numeric feature: {@code min <= value <= max}, both bounds inclusive, either absent for
 * no bound. Values are compared as exact decimals: a {@code Double} is taken at its shortest
 * decimal form ({@link Double#toString}), so {@code 0.95} is 0.95 and not the binary fraction just
 * below it.
 *
 * @param min the lowest value held, if bounded below
 * @param max the highest value held, if bounded above
 * @param points what the bin earns
 */
public record RangeBin(Optional<BigDecimal> min, Optional<BigDecimal> max, Points points)
    implements Bin {
  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if {@code min > max} or neither bound is given
   */
  public RangeBin {
    Objects.requireNonNull(points, "points");
    if (min.isEmpty() && max.isEmpty()) {
      throw new IllegalArgumentException("a range bin needs min, max or both");
    }
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      throw new IllegalArgumentException("a range bin needs min at most max");
    }
  }

  @Override
  public boolean matches(Object value) {
    BigDecimal v = decimal(value);
    return min.map(m -> v.compareTo(m) >= 0).orElse(true)
        && max.map(m -> v.compareTo(m) <= 0).orElse(true);
  }

  /** Returns whether this bin and {@code other} hold a common value. */
  boolean overlaps(RangeBin other) {
    boolean thisBelowOther =
        max.isPresent() && other.min.isPresent() && max.get().compareTo(other.min.get()) < 0;
    boolean otherBelowThis =
        other.max.isPresent() && min.isPresent() && other.max.get().compareTo(min.get()) < 0;
    return !thisBelowOther && !otherBelowThis;
  }

  /**
   * Converts a numeric value exactly.
   *
   * @throws IllegalArgumentException if {@code value} is not a finite number
   */
  static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return new BigDecimal(Double.toString(d));
    }
    if (value instanceof Float f && Float.isFinite(f)) {
      return new BigDecimal(Float.toString(f));
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    throw new IllegalArgumentException("expected a finite number");
  }
}
