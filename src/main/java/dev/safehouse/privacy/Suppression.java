package dev.safehouse.privacy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the suppression report: which cell (and which aggregate, or the whole cell) was
 * withheld, and by which rule. By construction it holds no value and no count, true or noisy.
 *
 * @param key the cell's group key (elements may be null)
 * @param label the withheld aggregate's output column name; empty when the whole cell was withheld
 * @param rule the rule
 */
public record Suppression(List<Object> key, Optional<String> label, SuppressionRule rule) {
  /** Checks and copies. */
  public Suppression {
    key = RawCell.copyOf(key);
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(rule, "rule");
  }
}
