package dev.safehouse.policy;

/** How a column's cells are written in a provider's CSV and typed in the enclave. */
public enum ColumnType {
  /** A unified social credit code (GB 32100-2015), normalised. */
  USCC,
  /** Free text, optionally constrained by a pattern. */
  STRING,
  /** One of a fixed list of values. */
  ENUM,
  /** A whole number (64-bit). */
  INTEGER,
  /** A decimal number. */
  DECIMAL,
  /** {@code true} or {@code false} (also {@code 1}/{@code 0}). */
  BOOLEAN
}
