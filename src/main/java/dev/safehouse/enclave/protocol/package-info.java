/**
 * The host ↔ enclave wire protocol: framing, message types and their byte layouts.
 *
 * <p>Owns {@link dev.safehouse.enclave.protocol.FrameCodec}, {@link
 * dev.safehouse.enclave.protocol.FrameChannel} and the sealed message hierarchy rooted at {@link
 * dev.safehouse.enclave.protocol.Message}. The byte-exact specification is {@code
 * docs/enclave-protocol.md}; this package is its only implementation.
 *
 * <p>Plain Java with no framework imports. Both sides depend on it: the enclave process ({@code
 * dev.safehouse.enclave}) and the host side ({@code dev.safehouse.enclave.host}). It depends only
 * on {@code dev.safehouse.common}. Other packages should talk to the enclave through {@code
 * dev.safehouse.enclave.host}, not by framing bytes themselves.
 */
package dev.safehouse.enclave.protocol;
