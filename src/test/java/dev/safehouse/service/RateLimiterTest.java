package dev.safehouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong nanos = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(2.0, 3, nanos::get);

  @Test
  void acquire_withinBurst_passes_thenLimitsWithRetryAfter() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice");
    }
    assertThatThrownBy(() -> limiter.acquire("alice"))
        .isInstanceOfSatisfying(
            RateLimitedException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
  }

  @Test
  void acquire_keysAreIndependent() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice");
    }
    limiter.acquire("bob");
  }

  @Test
  void acquire_refillsAtTheConfiguredRate() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice");
    }
    nanos.addAndGet(499_000_000L);
    assertThatThrownBy(() -> limiter.acquire("alice")).isInstanceOf(RateLimitedException.class);
    nanos.addAndGet(2_000_000L);
    limiter.acquire("alice");
  }

  @Test
  void constructor_rejectsNonPositiveRateOrBurst() {
    assertThatThrownBy(() -> new RateLimiter(0, 1, nanos::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter(1, 0, nanos::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter(Double.NaN, 1, nanos::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
