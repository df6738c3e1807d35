package dev.safehouse.privacy;

import java.util.List;
import java.util.Optional;

/** The checks of one cell, in one mode (with or without DP). */
interface CellCheck {
  /**
   * Returns the released cell, or empty when the whole cell is withheld; adds a whole-cell entry to
   * {@code report} when the mode allows the key to be named.
   */
  Optional<ReleasedCell> check(RawCell cell, List<Suppression> report);
}
