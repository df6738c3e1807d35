package dev.safehouse.scoring;

import java.util.Objects;

/**
 * A bin of a boolean or enum feature: holds exactly one value.
 *
 * @param value a {@link Boolean} for a boolean column, a {@link String} for an enum or string one
 * @param points what the bin earns
 */
public record EqualsBin(Object value, Points points) implements Bin {
  /**
   * Validates the value's type.
   *
   * @throws IllegalArgumentException unless {@code value} is a Boolean or a String
   */
  public EqualsBin {
    Objects.requireNonNull(points, "points");
    if (!(value instanceof Boolean) && !(value instanceof String)) {
      throw new IllegalArgumentException("an equals bin holds a boolean or a string");
    }
  }

  @Override
  public boolean matches(Object candidate) {
    if (candidate.getClass() != value.getClass()) {
      throw new IllegalArgumentException(
          "expected a " + (value instanceof Boolean ? "boolean" : "string"));
    }
    return value.equals(candidate);
  }
}
