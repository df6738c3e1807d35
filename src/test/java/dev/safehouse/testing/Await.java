package dev.safehouse.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; for tests of asynchronous behaviour. */
public final class Await {
  private Await() {}

  /**
   * Waits until {@code condition} is true, polling every 25 ms.
   *
   * @throws AssertionError if it is still false after {@code timeout}
   */
  public static void until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("condition not met within " + timeout);
  }
}
