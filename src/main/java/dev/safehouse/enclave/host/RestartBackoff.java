package dev.safehouse.enclave.host;

import java.time.Duration;

/**
 * Exponential restart delay: {@code initial}, doubling up to {@code max}; reset to {@code initial}
 * once a child stayed READY for {@code stableAfter}. Not thread-safe; used by the supervisor thread
 * only.
 */
final class RestartBackoff {
  private final Duration initial;
  private final Duration max;
  private final Duration stableAfter;
  private Duration next;

  RestartBackoff(Duration initial, Duration max, Duration stableAfter) {
    this.initial = initial;
    this.max = max;
    this.stableAfter = stableAfter;
    this.next = initial;
  }

  /**
   * Returns the delay before the next launch.
   *
   * @param readyFor how long the child that just ended was READY; zero if never
   */
  Duration next(Duration readyFor) {
    if (readyFor.compareTo(stableAfter) >= 0) {
      next = initial;
    }
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return delay;
  }
}
