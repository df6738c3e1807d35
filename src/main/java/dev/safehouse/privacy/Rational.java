package dev.safehouse.privacy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact rational number {@code numerator / denominator}, kept in lowest terms with a positive
 * denominator, so that equal values are equal records. The samplers compute only with these (and
 * {@link BigInteger}), never with floating point.
 *
 * @param numerator any integer
 * @param denominator a positive integer
 */
public record Rational(BigInteger numerator, BigInteger denominator)
    implements Comparable<Rational> {
  /** Zero. */
  public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);

  /** One. */
  public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

  /**
   * Checks and reduces to lowest terms.
   *
   * @throws IllegalArgumentException if the denominator is zero or negative
   */
  public Rational {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("a rational's denominator is positive");
    }
    BigInteger gcd = numerator.gcd(denominator);
    if (!gcd.equals(BigInteger.ONE)) {
      numerator = numerator.divide(gcd);
      denominator = denominator.divide(gcd);
    }
  }

  /**
   * Returns {@code numerator / denominator}.
   *
   * @throws IllegalArgumentException if {@code denominator <= 0}
   */
  public static Rational of(long numerator, long denominator) {
    return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  /** Returns the integer {@code value}. */
  public static Rational of(BigInteger value) {
    return new Rational(value, BigInteger.ONE);
  }

  /** Returns {@code value} exactly: its unscaled value over {@code 10^scale}. */
  public static Rational of(BigDecimal value) {
    BigInteger unscaled = value.unscaledValue();
    int scale = value.scale();
    return scale >= 0
        ? new Rational(unscaled, BigInteger.TEN.pow(scale))
        : new Rational(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
  }

  /** Returns -1, 0 or 1 as this is negative, zero or positive. */
  public int signum() {
    return numerator.signum();
  }

  /** Returns the largest integer not greater than this. */
  public BigInteger floor() {
    BigInteger[] qr = numerator.divideAndRemainder(denominator);
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** Returns {@code this + other}. */
  public Rational add(Rational other) {
    return new Rational(
        numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
        denominator.multiply(other.denominator));
  }

  /** Returns {@code this - other}. */
  public Rational subtract(Rational other) {
    return add(new Rational(other.numerator.negate(), other.denominator));
  }

  /** Returns {@code this × other}. */
  public Rational multiply(Rational other) {
    return new Rational(
        numerator.multiply(other.numerator), denominator.multiply(other.denominator));
  }

  /**
   * Returns {@code this / other}.
   *
   * @throws ArithmeticException if {@code other} is zero
   */
  public Rational divide(Rational other) {
    if (other.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    BigInteger n = numerator.multiply(other.denominator);
    BigInteger d = denominator.multiply(other.numerator);
    return d.signum() < 0 ? new Rational(n.negate(), d.negate()) : new Rational(n, d);
  }

  @Override
  public int compareTo(Rational other) {
    return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
