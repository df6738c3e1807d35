package dev.safehouse.enclave.protocol;

/**
 * Stable error codes carried by {@link ErrorResponse} and {@link ProtocolException}.
 *
 * <p>The numeric {@link #wireCode()} of an existing constant never changes; new codes are only
 * appended. A code a peer does not know decodes as {@link #UNKNOWN} rather than failing.
 */
public enum ErrorCode {
  /** A code this side does not know, sent by a newer peer. Never sent on purpose. */
  UNKNOWN(0),
  /** The frame's protocol version byte is not one this side speaks. */
  UNSUPPORTED_VERSION(1),
  /** The frame's message type byte is not one this side knows. */
  UNKNOWN_MESSAGE_TYPE(2),
  /** The payload does not match its type's layout (short, trailing bytes, bad field value). */
  MALFORMED_FRAME(3),
  /** The length prefix exceeds {@link FrameCodec#MAX_FRAME_LENGTH}. */
  FRAME_TOO_LARGE(4),
  /** The stream ended in the middle of a frame. */
  TRUNCATED_FRAME(5),
  /** A well-formed message that is not allowed in this direction or at this point. */
  UNEXPECTED_MESSAGE(6),
  /** The enclave failed while handling a well-formed request. */
  INTERNAL(7),
  /**
   * An audit log request the enclave refuses: a size that is not where its log stands, or a
   * checkpoint it did not sign or whose subtrees do not match it.
   */
  AUDIT_REFUSED(8);

  private final int wireCode;

  ErrorCode(int wireCode) {
    this.wireCode = wireCode;
  }

  /** Returns the u16 value written on the wire. */
  public int wireCode() {
    return wireCode;
  }

  /**
   * Returns the constant for a wire value.
   *
   * @param wireCode the u16 value read from the wire
   * @return the matching constant, or {@link #UNKNOWN} if there is none
   */
  public static ErrorCode fromWire(int wireCode) {
    for (ErrorCode code : values()) {
      if (code.wireCode == wireCode) {
        return code;
      }
    }
    return UNKNOWN;
  }
}
