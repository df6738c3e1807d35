package dev.safehouse.scoring;

import java.util.Objects;
import java.util.Optional;

/**
 * What one bin, or a feature's missing value, adds to the score, and the reason code it gives when
 * the enterprise lost points there.
 *
 * @param value the points added (negative to subtract)
 * @param reason the reason code of an adverse bin; empty for none
 */
public record Points(int value, Optional<ReasonCode> reason) {
  /** Requires the reason (which may be empty). */
  public Points {
    Objects.requireNonNull(reason, "reason");
  }
}
