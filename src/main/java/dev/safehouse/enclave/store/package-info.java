/**
 * The enclave's in-memory analytical engine: DuckDB opened without a file, with external access,
 * extensions and spilling disabled; one table per data source and the {@code fused} view.
 *
 * <p>Part of the enclave process, and the only part of it that uses JDBC (enforced by ArchUnit).
 */
package dev.safehouse.enclave.store;
