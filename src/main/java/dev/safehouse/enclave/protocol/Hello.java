package dev.safehouse.enclave.protocol;

import java.util.Objects;

/**
 * The handshake the enclave sends first, once, right after connecting to the host's socket.
 *
 * <p>Payload: {@code u8 protocolVersion ‖ str16 sessionToken}. The host accepts the connection only
 * if {@code protocolVersion} equals {@link FrameCodec#PROTOCOL_VERSION} and the token equals the
 * one it wrote to this child's standard input (compared in constant time).
 *
 * <p>{@link #toString()} never shows the token.
 *
 * @param protocolVersion the protocol version the enclave speaks, 0..255
 * @param sessionToken the one-time token the host gave this enclave process; at most {@value
 *     #MAX_TOKEN_CHARS} ASCII characters
 */
public record Hello(int protocolVersion, String sessionToken) implements Message {

  /** Longest session token accepted on the wire, in characters. */
  public static final int MAX_TOKEN_CHARS = 256;

  /**
   * Validates the fields.
   *
   * @throws IllegalArgumentException if the version is outside 0..255 or the token is empty, too
   *     long or not printable ASCII
   */
  public Hello {
    Objects.requireNonNull(sessionToken, "sessionToken");
    if (protocolVersion < 0 || protocolVersion > 0xFF) {
      throw new IllegalArgumentException("protocol version must fit in one unsigned byte");
    }
    if (sessionToken.isEmpty() || sessionToken.length() > MAX_TOKEN_CHARS) {
      throw new IllegalArgumentException(
          "session token must have 1.." + MAX_TOKEN_CHARS + " chars");
    }
    for (int i = 0; i < sessionToken.length(); i++) {
      char c = sessionToken.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        throw new IllegalArgumentException("session token must be printable ASCII");
      }
    }
  }

  @Override
  public MessageType type() {
    return MessageType.HELLO;
  }

  /** Returns a description with the token redacted. */
  @Override
  public String toString() {
    return "Hello[protocolVersion=" + protocolVersion + ", sessionToken=<redacted>]";
  }
}
