/**
 * The HTTP API: JAX-RS resources under {@code /v1}, their request and response records, the
 * problem+json mapping of every error (REST layer and HTTP layer), the rate-limit filter and the
 * enclave readiness check.
 *
 * <p>Host-only (Quarkus, JAX-RS, Vert.x). Depends on {@code service}, {@code storage}, {@code
 * config}, {@code common} and the enclave protocol's response types; nothing depends on it.
 */
package dev.safehouse.api;
