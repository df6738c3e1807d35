package dev.safehouse.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller key: {@code burst} requests at once, refilled at {@code
 * requestsPerSecond}. Thread-safe. Keys idle long enough to be full again are forgotten when the
 * table grows past {@value #MAX_KEYS} entries, so memory stays bounded.
 */
public final class RateLimiter {
  static final int MAX_KEYS = 100_000;

  private final double requestsPerSecond;
  private final int burst;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Creates a limiter.
   *
   * @param requestsPerSecond sustained rate per key, positive
   * @param burst bucket size, at least 1
   * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime} in production)
   * @throws IllegalArgumentException if the rate or the burst is out of range
   */
  public RateLimiter(double requestsPerSecond, int burst, LongSupplier nanoClock) {
    if (!(requestsPerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException(
          "rate limit needs a positive rate and a burst of at least 1");
    }
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
  }

  /**
   * Takes one request from {@code key}'s bucket.
   *
   * @throws RateLimitedException if the bucket is empty
   */
  public void acquire(String key) {
    long now = nanoClock.getAsLong();
    if (buckets.size() > MAX_KEYS) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    double missing = buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
    if (missing > 0) {
      throw new RateLimitedException((long) Math.ceil(missing / requestsPerSecond));
    }
  }

  private final class Bucket {
    private double tokens;
    private long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }

    /** Returns 0 when a token was taken, else how many tokens are missing. */
    synchronized double take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return 1 - tokens;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      double elapsedSeconds = Math.max(0, now - updatedNanos) / 1e9;
      tokens = Math.min(burst, tokens + elapsedSeconds * requestsPerSecond);
      updatedNanos = now;
    }
  }
}
