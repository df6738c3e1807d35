package dev.safehouse.service;

import dev.safehouse.config.SafehouseConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service-wide per-caller rate limit, built from {@code safehouse.rate-limit.*} on first use
 * (runtime configuration is not available while REST filters are created at build time).
 */
@ApplicationScoped
public class CallerRateLimits {
  private final boolean enabled;
  private final RateLimiter limiter;

  CallerRateLimits(SafehouseConfig config) {
    SafehouseConfig.RateLimit limit = config.rateLimit();
    this.enabled = limit.enabled();
    this.limiter = new RateLimiter(limit.requestsPerSecond(), limit.burst(), System::nanoTime);
  }

  /** Returns whether requests are limited at all. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Counts one request for {@code callerKey}.
   *
   * @throws RateLimitedException if the caller is over its limit
   */
  public void acquire(String callerKey) {
    if (enabled) {
      limiter.acquire(callerKey);
    }
  }
}
