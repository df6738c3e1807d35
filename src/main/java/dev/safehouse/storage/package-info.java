/**
 * PostgreSQL: Flyway migrations ({@code db/migration}), Panache entities and repositories, and the
 * start-up choice of database ({@link dev.safehouse.storage.DatabaseLocator}).
 *
 * <p>Host-only. Holds ciphertext and metadata, never plaintext records. Used by {@code service} and
 * {@code config}; the plain-Java packages never depend on it.
 */
package dev.safehouse.storage;
