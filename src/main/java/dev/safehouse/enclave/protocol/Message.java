package dev.safehouse.enclave.protocol;

/**
 * One message of the enclave protocol, carried as the payload of a {@link Frame}.
 *
 * <p>Three kinds exist: the {@link Hello} handshake (enclave → host, once, first), {@link Request}s
 * (host → enclave) and {@link Response}s (enclave → host). Each concrete message has exactly one
 * {@link MessageType} and one payload layout, documented in {@code docs/enclave-protocol.md}.
 */
public sealed interface Message permits Hello, Request, Response {

  /** Returns the wire type of this message. */
  MessageType type();
}
