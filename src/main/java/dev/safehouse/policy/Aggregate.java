package dev.safehouse.policy;

/** An aggregate function a query may apply, each allowed per metric column by policy. */
public enum Aggregate {
  /** {@code COUNT(*)}: always allowed, needs no column. */
  COUNT,
  /** {@code COUNT(DISTINCT dimension)}. */
  COUNT_DISTINCT,
  /** {@code SUM(metric)}, over values clamped to the metric's bounds. */
  SUM,
  /** {@code AVG(metric)}, over values clamped to the metric's bounds. */
  AVG,
  /** {@code MIN(metric)}: releases one enterprise's value, so allowed only where policy says so. */
  MIN,
  /** {@code MAX(metric)}: releases one enterprise's value, so allowed only where policy says so. */
  MAX
}
