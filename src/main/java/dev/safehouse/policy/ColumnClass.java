package dev.safehouse.policy;

/** What a column may be used for in queries and outputs (ARCHITECTURE.md, "The data"). */
public enum ColumnClass {
  /** Join key only; never output, never grouped. */
  IDENTIFIER,
  /** May be grouped by and filtered on. */
  DIMENSION,
  /** May be aggregated, clamped to its bounds. */
  METRIC,
  /** Filter only, or never; never output per entity. */
  SENSITIVE
}
