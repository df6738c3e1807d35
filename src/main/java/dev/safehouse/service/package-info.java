/**
 * Orchestration on the host: who the caller is, rate limits, the enclave's lifecycle, uploads and
 * loads, the audit log's writer ({@link dev.safehouse.service.AuditLog}) and the release gate every
 * data-returning path goes through ({@link dev.safehouse.service.ReleaseGate}); later issues add
 * authorisation → enclave → output checks in front of it.
 *
 * <p>Host-only (may use Quarkus, CDI, Mutiny). Depends on {@code common}, {@code storage}, {@code
 * enclave.host} and the plain-Java packages; only {@code api} depends on it.
 */
package dev.safehouse.service;
