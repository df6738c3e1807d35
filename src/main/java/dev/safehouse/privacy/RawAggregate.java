package dev.safehouse.privacy;

import java.util.Objects;

/**
 * An aggregate's raw ingredients in one cell, as computed inside the enclave before any check.
 * Never leaves the enclave.
 *
 * @param spec the aggregate
 * @param value COUNT and COUNT_DISTINCT: a {@link Long}; SUM and AVG: the {@link Double} sum of the
 *     clamped values (null when there is no non-null value); MIN and MAX: the clamped {@link
 *     Double} (null when there is no non-null value)
 * @param nonNullCount the number of non-null values aggregated (for COUNT: the row count)
 * @param top1 the largest clamped contribution, for SUM and AVG of a money metric; else null
 * @param top2 the second-largest clamped contribution (null if fewer than two)
 */
public record RawAggregate(
    AggregateSpec spec, Number value, long nonNullCount, Double top1, Double top2) {
  /**
   * Checks the value's type against the aggregate.
   *
   * @throws IllegalArgumentException if the value has the wrong type or is missing where it cannot
   *     be, or a number is not finite
   */
  public RawAggregate {
    Objects.requireNonNull(spec, "spec");
    if (nonNullCount < 0) {
      throw new IllegalArgumentException(spec.label() + ": negative count");
    }
    boolean typed =
        switch (spec.aggregate()) {
          case COUNT, COUNT_DISTINCT -> value instanceof Long count && count >= 0;
          case SUM, AVG, MIN, MAX ->
              value == null ? nonNullCount == 0 : value instanceof Double d && Double.isFinite(d);
        };
    if (!typed || !finiteOrNull(top1) || !finiteOrNull(top2)) {
      throw new IllegalArgumentException(spec.label() + ": raw value of the wrong type");
    }
  }

  private static boolean finiteOrNull(Double value) {
    return value == null || Double.isFinite(value);
  }
}
