package dev.safehouse.privacy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The output of {@link OutputChecks}: what may leave the enclave.
 *
 * @param cells the released cells, in input order
 * @param report what was withheld and why; never a value or a count
 * @param epsilonSpent the ε this release consumed: the project's ε per query under DP (charged even
 *     when nothing is released), zero otherwise
 */
public record CheckedCells(
    List<ReleasedCell> cells, List<Suppression> report, BigDecimal epsilonSpent) {
  /** Copies. */
  public CheckedCells {
    cells = List.copyOf(cells);
    report = List.copyOf(report);
    Objects.requireNonNull(epsilonSpent, "epsilonSpent");
  }
}
