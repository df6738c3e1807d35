/**
 * Orchestration on the host: who the caller is, rate limits, the enclave's lifecycle, and (in later
 * issues) authorisation → enclave → output checks → audit → response.
 *
 * <p>Host-only (may use Quarkus, CDI, Mutiny). Depends on {@code common}, {@code storage}, {@code
 * enclave.host} and the plain-Java packages; only {@code api} depends on it.
 */
package dev.safehouse.service;
