package dev.safehouse.privacy;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The noise of exactly one run of {@link OutputChecks}. As in google/differential-privacy, a DP
 * result can be computed once: a second run with the same object throws, so a retry cannot silently
 * draw fresh noise for the same charge and let a caller average it away.
 */
public final class OneShotNoise {
  private final NoiseSource source;
  private final AtomicBoolean used = new AtomicBoolean();

  /** Wraps {@code source} for one run. */
  public OneShotNoise(NoiseSource source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * Returns the source, once.
   *
   * @throws IllegalStateException if this noise was already used
   */
  NoiseSource claim() {
    if (!used.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "this release's noise was already used; a result is computed once");
    }
    return source;
  }
}
