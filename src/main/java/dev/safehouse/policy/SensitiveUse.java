package dev.safehouse.policy;

/** How a {@link ColumnClass#SENSITIVE} column may be used in a query. */
public enum SensitiveUse {
  /** Only in {@code WHERE}; never output, grouped or aggregated. */
  FILTER_ONLY,
  /** Not at all. */
  NEVER
}
