/**
 * Start-up and configuration of the host service: the entry point that locates a database, the
 * typed {@code safehouse.*} settings, and the guard that keeps development keys out of {@code
 * prod}.
 *
 * <p>Host-only (uses Quarkus). Other host packages ({@code api}, {@code service}, {@code storage})
 * may depend on it; the plain-Java packages must not.
 */
package dev.safehouse.config;
