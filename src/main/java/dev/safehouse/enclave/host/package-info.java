/**
 * The host side of the enclave boundary: launching the enclave JVM, the authenticated socket
 * handshake, request/response multiplexing and supervision with restart back-off.
 *
 * <p>Owns {@link dev.safehouse.enclave.host.EnclaveSupervisor} (lifecycle and state machine),
 * {@link dev.safehouse.enclave.host.EnclaveConnection} (one connected enclave), {@link
 * dev.safehouse.enclave.host.EnclaveCommand} (the child's command line) and {@link
 * dev.safehouse.enclave.host.EnclaveSettings}.
 *
 * <p>Plain Java with no framework imports, so it can be tested without Quarkus; the Quarkus service
 * wraps it in a CDI bean, a readiness check and metrics. Host code (service, api, health) may
 * depend on it. The enclave process never loads it, and it must not depend on {@code
 * dev.safehouse.enclave} itself — only on {@code dev.safehouse.enclave.protocol} and {@code
 * dev.safehouse.common}; it refers to the enclave's main class by name.
 */
package dev.safehouse.enclave.host;
