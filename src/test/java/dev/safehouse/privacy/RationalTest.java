package dev.safehouse.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RationalTest {
  @Test
  void new_zeroDenominator_fails() {
    assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_negativeDenominator_fails() {
    assertThatThrownBy(() -> Rational.of(1, -2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_reducesToLowestTerms() {
    assertThat(Rational.of(6, 4)).isEqualTo(Rational.of(3, 2));
    assertThat(Rational.of(0, 7)).isEqualTo(Rational.ZERO);
  }

  @Test
  void ofBigDecimal_isExact() {
    assertThat(Rational.of(new BigDecimal("0.1"))).isEqualTo(Rational.of(1, 10));
    assertThat(Rational.of(new BigDecimal("2.50"))).isEqualTo(Rational.of(5, 2));
    assertThat(Rational.of(new BigDecimal("1E+2"))).isEqualTo(Rational.of(100, 1));
  }

  @Test
  void floor_roundsTowardNegativeInfinity() {
    assertThat(Rational.of(7, 2).floor()).isEqualTo(BigInteger.valueOf(3));
    assertThat(Rational.of(-7, 2).floor()).isEqualTo(BigInteger.valueOf(-4));
    assertThat(Rational.of(-4, 2).floor()).isEqualTo(BigInteger.valueOf(-2));
  }

  @Test
  void arithmetic_isExact() {
    assertThat(Rational.of(1, 3).add(Rational.of(1, 6))).isEqualTo(Rational.of(1, 2));
    assertThat(Rational.of(1, 3).subtract(Rational.of(1, 2))).isEqualTo(Rational.of(-1, 6));
    assertThat(Rational.of(2, 3).multiply(Rational.of(3, 4))).isEqualTo(Rational.of(1, 2));
    assertThat(Rational.of(1, 2).divide(Rational.of(-1, 4))).isEqualTo(Rational.of(-2, 1));
    assertThat(Rational.of(1, 3).compareTo(Rational.of(1, 2))).isNegative();
  }

  @Test
  void divide_byZero_fails() {
    assertThatThrownBy(() -> Rational.ONE.divide(Rational.ZERO))
        .isInstanceOf(ArithmeticException.class);
  }
}
