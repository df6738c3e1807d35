/**
 * The enclave process: its entry point {@link dev.safehouse.enclave.EnclaveMain}, the serve loop
 * and the request handlers it dispatches to.
 *
 * <p>This is the trusted computing base and must stay small. It is plain Java: no Quarkus, Jakarta,
 * Vert.x, Mutiny or database driver, and it opens no listener, no network connection and writes no
 * file; its only channel is the Unix-domain socket the host gives it. It depends on {@code
 * dev.safehouse.enclave.protocol} and {@code dev.safehouse.common}.
 *
 * <p>Sub-packages: {@code protocol} (shared wire format) and {@code host} (the host-side
 * supervisor, which is <em>not</em> part of the enclave and is never loaded by it). Host code must
 * not call into this package directly; it talks to the running enclave through {@code
 * dev.safehouse.enclave.host}.
 */
package dev.safehouse.enclave;
