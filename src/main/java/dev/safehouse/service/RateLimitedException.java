package dev.safehouse.service;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/** Raised when a caller exceeds its request rate; reported as 429 with {@code Retry-After}. */
public final class RateLimitedException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  /**
   * Creates the exception.
   *
   * @param retryAfterSeconds whole seconds after which a request will be accepted again, at least 1
   */
  public RateLimitedException(long retryAfterSeconds) {
    super(ProblemType.RATE_LIMITED, "too many requests from this caller; retry later");
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Returns the seconds to wait before retrying, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
