package dev.safehouse.service;

import dev.safehouse.common.ProblemType;
import dev.safehouse.common.SafehouseException;

/**
 * Raised when an institution's daily score quota is used up, in total or for one enterprise;
 * reported as 429 {@code quota-exceeded} with {@code Retry-After} set to the start of the next UTC
 * day.
 */
public final class QuotaExceededException extends SafehouseException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  /**
   * Creates the exception.
   *
   * @param safeMessage which quota is used up; never a code or a count of another institution
   * @param retryAfterSeconds whole seconds until the quota resets, at least 1
   */
  public QuotaExceededException(String safeMessage, long retryAfterSeconds) {
    super(ProblemType.QUOTA_EXCEEDED, safeMessage);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Returns the seconds to wait before retrying, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
