package dev.safehouse.privacy;

import dev.safehouse.policy.DisclosureRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The disclosure control a query's raw cells pass, inside the enclave, before anything leaves it:
 * small-cell suppression, dominance, differential privacy when required, and rounding.
 *
 * <h2>Security guarantees</h2>
 *
 * <ul>
 *   <li>Without DP: a cell of fewer than k enterprises is withheld whole; a sum or mean over fewer
 *       than k values, or one dominated by its one or two largest contributions (money metrics), is
 *       withheld; counts, sums and means are rounded (half-even) to the rules' bases.
 *   <li>With DP: each cell's enterprise count, COUNT(DISTINCT), SUM, and AVG's sum and count are
 *       noised with exact discrete noise ({@link DiscreteSamplers}); ε per query is split equally
 *       over a cell's noisy quantities, and cells compose in parallel because each enterprise
 *       contributes one row, to one cell. A cell is released iff its <em>noisy</em> count is at
 *       least k, and a withheld cell is not reported, so neither the decision nor the report reads
 *       a true count. The Laplace mechanism gives ε-DP; the Gaussian gives (ε²/2)-zCDP.
 *   <li>The report ({@link CheckedCells#report()}) holds keys, labels and rule ids only: never a
 *       withheld value, and never a count, true or noisy.
 *   <li>Each {@link OneShotNoise} serves one run; a second run with it throws.
 * </ul>
 *
 * <p><b>Not guaranteed:</b> the dominance rule is decided on true values, so whether a money
 * aggregate is withheld is not protected by DP; the DP guarantee assumes one row per enterprise and
 * clamped inputs, and the sums before quantisation are floating point (see {@code
 * docs/privacy.md}); a grouped query that releases nothing still reveals that.
 */
public final class OutputChecks {
  private OutputChecks() {}

  /**
   * Checks and releases {@code cells} under {@code rules}.
   *
   * @param cells the raw cells of one query run, all with the same aggregates
   * @param rules the project's merged disclosure rules
   * @param noise the noise for this one run (drawn from only under DP)
   * @throws IllegalArgumentException if cells differ in their aggregates, if DP is required and an
   *     aggregate is MIN or MAX, or if under DP a COUNT(*) differs from the cell's enterprise count
   * @throws IllegalStateException if {@code noise} was already used
   */
  public static CheckedCells apply(List<RawCell> cells, DisclosureRules rules, OneShotNoise noise) {
    Objects.requireNonNull(cells, "cells");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(noise, "noise");
    List<AggregateSpec> specs = cells.isEmpty() ? List.of() : specsOf(cells.get(0));
    for (RawCell cell : cells) {
      if (!specsOf(cell).equals(specs)) {
        throw new IllegalArgumentException("every cell of a query has the same aggregates");
      }
    }
    boolean dp = rules.dp().required();
    if (dp) {
      NoisyCellCheck.noisyQuantities(specs); // refuses MIN and MAX before the noise is spent
    }
    NoiseSource source = noise.claim();
    CellCheck check = dp ? new NoisyCellCheck(rules, source, specs) : new PlainCellCheck(rules);
    List<ReleasedCell> released = new ArrayList<>();
    List<Suppression> report = new ArrayList<>();
    for (RawCell cell : cells) {
      Optional<ReleasedCell> checked = check.check(cell, report);
      checked.ifPresent(released::add);
      checked.ifPresent(c -> reportWithheld(c, report));
    }
    return new CheckedCells(released, report, dp ? rules.dp().epsilonPerQuery() : BigDecimal.ZERO);
  }

  private static List<AggregateSpec> specsOf(RawCell cell) {
    return cell.aggregates().stream().map(RawAggregate::spec).toList();
  }

  private static void reportWithheld(ReleasedCell cell, List<Suppression> report) {
    for (ReleasedValue value : cell.values()) {
      if (value instanceof ReleasedValue.Suppressed suppressed) {
        report.add(new Suppression(cell.key(), Optional.of(suppressed.label()), suppressed.rule()));
      }
    }
  }
}
