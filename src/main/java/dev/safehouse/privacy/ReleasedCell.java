package dev.safehouse.privacy;

import java.util.List;

/**
 * A cell that passed the cell-level checks: its key and one released value per aggregate, in output
 * order.
 *
 * @param key the group's values (elements may be null); empty when ungrouped
 * @param values one per aggregate
 */
public record ReleasedCell(List<Object> key, List<ReleasedValue> values) {
  /** Copies. */
  public ReleasedCell {
    key = RawCell.copyOf(key);
    values = List.copyOf(values);
  }
}
