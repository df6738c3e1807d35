/**
 * Inside the enclave: initialisation (unsealing keys, loading the policy bundle) and ingestion of
 * dataset envelopes into the in-memory tables.
 *
 * <p>Part of the enclave process: plain Java, no framework, no database driver, no file writes.
 * Depends on {@code crypto}, {@code policy}, {@code audit}, {@code enclave.store} and the protocol;
 * only {@code EnclaveMain} depends on it.
 */
package dev.safehouse.enclave.ingest;
